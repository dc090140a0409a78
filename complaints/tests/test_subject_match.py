"""Who a subject named by name only could be (complaints.rules.subject_match), case by case."""

from __future__ import annotations

import pytest

from complaints.rules.subject_match import Person, could_be, name_words

DANA = Person("Dana", "Shaw", "Response A")


@pytest.mark.parametrize(
    ("name", "team", "person", "expected"),
    [
        ("Dana Shaw", "", DANA, True),
        ("PC Dana Shaw", "Response B", DANA, True),  # full name: any team (people move)
        ("D. Shaw", "", DANA, True),
        ("Dan Shaw", "", Person("Daniel", "Shaw", ""), True),
        ("Robin Shaw", "", DANA, False),
        ("Sgt Shaw", "Response A", DANA, True),
        ("Sgt Shaw", "response a ", DANA, True),
        ("Sgt Shaw", "Response B", DANA, False),  # surname only: the team named
        ("Shaw", "", DANA, True),
        ("Dana Smith", "", DANA, False),
        ("", "", DANA, False),
        ("PC", "", DANA, False),
        ("Dana Shaw", "", Person("Dana", "", ""), False),
    ],
)
def test_could_be(name: str, team: str, person: Person, expected: bool) -> None:
    assert could_be(name=name, team_name=team, person=person) is expected


def test_name_words_drop_ranks_and_punctuation() -> None:
    assert name_words("Insp. D.  O'Neil-Shaw") == ["d", "o'neil-shaw"]
