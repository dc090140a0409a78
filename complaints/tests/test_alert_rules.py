"""Repeat-subject alert thresholds, case by case (complaints.rules.alerts; no database)."""

from __future__ import annotations

import datetime as dt

import pytest

from complaints.rules.alerts import (
    Dated,
    Threshold,
    add_months,
    crossing,
    crossings,
    describe,
    earlier,
    group_letter,
    groups_of,
    shows_earlier,
)

TWO_IN_3 = Threshold("two_in_3_months", 2, 3)
THREE_IN_12 = Threshold("three_in_12_months", 3, 12)
SERIOUS = Threshold("serious_any_earlier", 2, None, frozenset({"F", "G", "J"}))
DEFAULTS = (TWO_IN_3, THREE_IN_12, SERIOUS)


def d(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def dated(*days: str, group: str = "A") -> list[Dated]:
    return [Dated(i + 1, d(day), group) for i, day in enumerate(days)]


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        ("2026-01-01", 3, "2026-04-01"),
        ("2026-11-30", 3, "2027-02-28"),  # a shorter month ends the window on its last day
        ("2024-11-30", 3, "2025-02-28"),
        ("2023-11-29", 3, "2024-02-29"),  # a leap year
        ("2026-01-31", 1, "2026-02-28"),
        ("2026-03-15", 12, "2027-03-15"),
        ("2026-12-01", 1, "2027-01-01"),
    ],
)
def test_add_months(day: str, months: int, expected: str) -> None:
    assert add_months(d(day), months) == d(expected)


@pytest.mark.parametrize(
    ("days", "fires"),
    [
        (("2026-01-01",), False),  # one allegation is not a repeat
        (("2026-01-01", "2026-04-01"), True),  # exactly 3 months apart: within
        (("2026-01-01", "2026-04-02"), False),  # 3 months and a day: not within
        (("2026-01-01", "2026-01-01"), True),  # the same day
        (("2026-02-10", "2026-03-01"), True),
        (("2025-11-30", "2026-02-28"), True),  # to the end of a shorter month
        (("2025-11-30", "2026-03-01"), False),
    ],
)
def test_two_in_three_months_fires_at_its_threshold_and_not_before(
    days: tuple[str, ...], fires: bool
) -> None:
    items = dated(*days)
    assert (crossing(TWO_IN_3, items, items[-1]) is not None) is fires


def test_the_trigger_may_be_older_than_the_others() -> None:
    # A complaint received earlier but logged later (the trigger is the older allegation).
    items = dated("2026-01-01", "2026-03-31")
    assert crossing(TWO_IN_3, items, items[0]) == (1, 2)


@pytest.mark.parametrize(
    ("days", "fires"),
    [
        (("2025-01-10", "2025-06-01"), False),  # two are not three
        (("2025-01-10", "2025-06-01", "2026-01-10"), True),  # the 12 months, both ends counted
        (("2025-01-10", "2025-06-01", "2026-01-11"), False),  # a day too late
        (("2025-01-10", "2025-06-01", "2025-06-02"), True),
    ],
)
def test_three_in_twelve_months(days: tuple[str, ...], fires: bool) -> None:
    items = dated(*days)
    assert (crossing(THREE_IN_12, items, items[-1]) is not None) is fires


def test_the_window_with_the_most_allegations_is_the_one_named() -> None:
    items = dated("2025-01-01", "2025-09-01", "2025-10-01", "2025-12-01")
    assert crossing(THREE_IN_12, items, items[-1]) == (1, 2, 3, 4)
    # The oldest is 13 months before the newest: left out.
    later = dated("2024-11-01", "2025-09-01", "2025-10-01", "2025-12-01")
    assert crossing(THREE_IN_12, later, later[-1]) == (2, 3, 4)


def test_outcome_is_not_an_input() -> None:
    """Counted regardless of outcome: the rules take only ids, dates and category groups."""
    assert set(Dated.__dataclass_fields__) == {"allegation_id", "on", "group"}


@pytest.mark.parametrize(
    ("trigger_group", "fires"),
    [("J", True), ("F", True), ("G", True), ("A", False), ("H", False)],
)
def test_a_serious_allegation_with_any_earlier_one(trigger_group: str, fires: bool) -> None:
    items = [Dated(1, d("2019-05-01"), "A"), Dated(2, d("2026-05-01"), trigger_group)]
    assert (crossing(SERIOUS, items, items[1]) == (1, 2)) is fires


def test_a_serious_allegation_alone_does_not_fire() -> None:
    only = [Dated(1, d("2026-05-01"), "J")]
    assert crossing(SERIOUS, only, only[0]) is None


def test_a_serious_allegation_lists_every_earlier_one_and_none_later() -> None:
    items = [
        Dated(1, d("2015-01-01"), "A"),
        Dated(2, d("2022-01-01"), "H"),
        Dated(3, d("2026-05-01"), "J"),
        Dated(4, d("2026-06-01"), "A"),
    ]
    assert crossing(SERIOUS, items, items[2]) == (1, 2, 3)
    assert [a.allegation_id for a in earlier(items, items[2])] == [1, 2]


def test_crossings_names_each_threshold_and_skips_what_was_raised() -> None:
    items = [Dated(1, d("2026-01-05"), "A"), Dated(2, d("2026-02-01"), "A"), Dated(3, d("2026-03-01"), "J")]
    found = crossings(DEFAULTS, items, items[2])
    assert [(c.threshold, c.allegation_ids) for c in found] == [
        ("two_in_3_months", (1, 2, 3)),
        ("three_in_12_months", (1, 2, 3)),
        ("serious_any_earlier", (1, 2, 3)),
    ]
    raised = {"two_in_3_months": [frozenset({1, 2, 3})], "three_in_12_months": [frozenset({1, 2})]}
    again = crossings(DEFAULTS, items, items[2], raised)
    assert [c.threshold for c in again] == ["three_in_12_months", "serious_any_earlier"]


def test_crossings_counts_the_trigger_when_not_listed() -> None:
    trigger = Dated(2, d("2026-02-01"))
    assert [c.threshold for c in crossings(DEFAULTS, [Dated(1, d("2026-01-05"))], trigger)] == [
        "two_in_3_months"
    ]


@pytest.mark.parametrize(
    ("threshold", "words"),
    [
        (TWO_IN_3, "2 allegations in 3 months"),
        (THREE_IN_12, "3 allegations in 12 months"),
        (Threshold("x", 1, 1), "1 allegation in 1 month"),
        (SERIOUS, "2 allegations at any time (the newest in category group F, G, J)"),
    ],
)
def test_describe(threshold: Threshold, words: str) -> None:
    assert describe(threshold) == words


def test_groups() -> None:
    assert group_letter("J - Sexual conduct") == "J"
    assert group_letter("G - Abuse of position/corruption") == "G"
    assert groups_of("F G J") == groups_of("f,g, j") == frozenset({"F", "G", "J"})
    assert groups_of("") == frozenset()
    assert shows_earlier("F - Discriminatory behaviour") and not shows_earlier("H - Individual behaviours")
