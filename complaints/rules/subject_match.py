"""Who a complaint subject named by name only could be (issue 20 part 6). Pure: no database.

A subject given without a collar number or staff id cannot be linked to one account, yet the person it
is about must never read the case. So every account that could be them is held out of the case until an
advisor confirms who it is. "Could be" is generous on purpose (a wrong candidate only loses sight of one
case until it is confirmed; a missed one reads a complaint about themselves):
- the surname must be one of the words given (ranks and punctuation ignored);
- a first name given must share its first letter with the account's ("Dan" could be "Daniel");
- a full name (first and last) matches in any team (people move teams); a surname alone matches only in
  the team named, or anywhere when no team is named."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Ranks and titles people put before a name; never a first name.
TITLES = frozenset(
    "pc dc ps ds sgt sergeant insp inspector ci chief supt superintendent ch det detective constable "
    "officer mr mrs ms miss dr acc dcc cc tdc pcso".split()
)


@dataclass(frozen=True)
class Person:
    first_name: str
    last_name: str
    team_name: str


def name_words(name: str) -> list[str]:
    """The words of a name, lower-cased, without ranks, titles or punctuation."""
    words = [w for w in re.split(r"[^\w'-]+", name.lower()) if w]
    return [w for w in words if w.strip(".") not in TITLES]


def could_be(*, name: str, team_name: str, person: Person) -> bool:
    words = name_words(name)
    last = person.last_name.strip().lower()
    if not words or not last or last not in words:
        return False
    given = words[: words.index(last)]
    if given:
        first = person.first_name.strip().lower()
        return bool(first) and given[0][0] == first[0]
    team = team_name.strip().lower()
    return not team or team == person.team_name.strip().lower()
