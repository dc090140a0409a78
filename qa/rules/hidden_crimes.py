"""The hidden-crime screen (issue 21): an incident's hidden-crime risk, and a narrative cut into segments
with its evidence and what was discounted marked."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

HIDDEN_RISK_BY_CATEGORY = {"Sexual offences": 0, "Violence against the person": 1}
HIDDEN_RISK_DOMESTIC = 2
HIDDEN_RISK_OTHER = 3
DOMESTIC_CODES = frozenset({"PS-DOMESTIC", "CRIME-DOMESTIC"})


def hidden_crime_risk(*, categories: Iterable[str], nsir_code: str) -> int:
    """The queue's risk band of a possible hidden crime (issue 21: sexual offences, then violence against
    the person, then domestic abuse, then the rest): the most serious category among the offences the
    narrative discloses; a domestic incident that discloses neither is domestic abuse."""
    bands = [HIDDEN_RISK_BY_CATEGORY[c] for c in categories if c in HIDDEN_RISK_BY_CATEGORY]
    if bands:
        return min(bands)
    return HIDDEN_RISK_DOMESTIC if nsir_code in DOMESTIC_CODES else HIDDEN_RISK_OTHER


@dataclass(frozen=True)
class Segment:
    """A run of a narrative as the flag page shows it: plain, evidence (highlighted) or discounted
    (struck through). `why` says why discounted text was set aside."""

    text: str
    kind: str  # "plain", "evidence", "discounted"
    why: str = ""


def narrative_segments(
    narrative: str,
    evidence: Iterable[tuple[int, int]],
    discounted: Iterable[tuple[int, int, str]],
) -> list[Segment]:
    """Cut the narrative into plain, evidence and discounted runs from the screen's character spans.
    Evidence wins where a discounted span overlaps it (the page must never hide a reason to record);
    spans outside the text are clipped. The runs joined are the narrative, unchanged."""
    size = len(narrative)
    marks: list[tuple[str, str]] = [("plain", "")] * size
    for start, end, why in discounted:
        for i in range(max(0, start), min(size, end)):
            marks[i] = ("discounted", why)
    for start, end in evidence:
        for i in range(max(0, start), min(size, end)):
            marks[i] = ("evidence", "")
    segments: list[Segment] = []
    begin = 0
    for i in range(1, size + 1):
        if i == size or marks[i] != marks[begin]:
            kind, why = marks[begin]
            segments.append(Segment(narrative[begin:i], kind, why))
            begin = i
    return segments
