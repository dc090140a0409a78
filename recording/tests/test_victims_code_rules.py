"""R-VCOP-RIGHT6's clocks as pure rules (recording.lifecycle): no database."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from recording import lifecycle

# England and Wales bank holidays the cases cross: Christmas and Boxing Day 2026 (the 26th falls on a
# Saturday, so Monday 28th is the substitute), New Year's Day 2027, Good Friday and Easter Monday 2027.
HOLIDAYS = frozenset(
    {date(2026, 12, 25), date(2026, 12, 28), date(2027, 1, 1), date(2027, 3, 26), date(2027, 3, 29)}
)


@pytest.mark.parametrize(
    ("decided_on", "enhanced", "due_on"),
    [
        (date(2026, 12, 7), True, date(2026, 12, 8)),  # Monday -> Tuesday
        (date(2026, 12, 7), False, date(2026, 12, 14)),  # Monday -> next Monday
        (date(2026, 12, 11), True, date(2026, 12, 14)),  # Friday -> Monday
        (date(2026, 12, 12), True, date(2026, 12, 14)),  # Saturday -> Monday
        (date(2026, 12, 24), True, date(2026, 12, 29)),  # Christmas Eve -> past Christmas and the 28th
        (date(2026, 12, 24), False, date(2027, 1, 5)),  # 29, 30, 31 Dec, (1 Jan), 4, 5 Jan
        (date(2027, 3, 25), True, date(2027, 3, 30)),  # Thursday before Easter -> Tuesday after
        (date(2027, 3, 25), False, date(2027, 4, 5)),  # 30, 31 Mar, 1, 2, 5 Apr
    ],
)
def test_a_victims_notice_is_due_1_working_day_later_under_enhanced_rights_else_5(
    decided_on: date, enhanced: bool, due_on: date
) -> None:
    assert (
        lifecycle.victim_notice_due(decided_on=decided_on, enhanced=enhanced, bank_holidays=HOLIDAYS)
        == due_on
    )


@pytest.mark.parametrize(
    ("vulnerable", "reason", "enhanced"),
    [
        (False, "", False),
        (True, "", True),
        (False, "most_serious", True),
        (False, "persistently_targeted", True),
        (False, "intimidated", True),
    ],
)
def test_enhanced_rights_come_from_vulnerability_or_a_recorded_reason(
    vulnerable: bool, reason: str, enhanced: bool
) -> None:
    assert lifecycle.enhanced_rights(vulnerable=vulnerable, enhanced_reason=reason) is enhanced


@pytest.mark.parametrize(("every_days", "days_later"), [(None, 28), (7, 7), (14, 14), (1, 1)])
def test_the_next_update_follows_the_agreed_frequency_or_28_days(
    every_days: int | None, days_later: int
) -> None:
    contact = datetime(2026, 12, 7, 10, 0, tzinfo=UTC)

    due = lifecycle.agreed_update_due(last_contact=contact, every_days=every_days)

    assert (due - contact).days == days_later


@pytest.mark.parametrize(("every_days", "ok"), [(0, False), (1, True), (28, True), (90, True), (91, False)])
def test_an_agreed_frequency_is_between_1_and_90_days(every_days: int, ok: bool) -> None:
    assert (lifecycle.agreed_update_days_error(every_days) is None) is ok
