"""The one working-day helper (config.working_days) that crimes (R-VCOP-RIGHT6) and complaints
(C-OUTCOME-5WD, C-INITIAL-CONTACT, the data return's days) count with: pure counting, and the England
and Wales calendar from the `holidays` package. The rules that use it are tested in their apps."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from config.working_days import add_working_days, bank_holidays, is_working_day

days = st.dates(min_value=date(2000, 1, 1), max_value=date(2090, 12, 31))
holiday_sets = st.sets(st.dates(min_value=date(2000, 1, 1), max_value=date(2091, 12, 31)), max_size=30)


@given(days, st.integers(min_value=0, max_value=40), holiday_sets)
def test_working_days_land_on_a_working_day_and_count_exactly(
    start: date, n: int, holidays: set[date]
) -> None:
    due = add_working_days(start, n, holidays)
    between = [start + timedelta(days=k) for k in range(1, (due - start).days + 1)]
    assert sum(is_working_day(d, holidays) for d in between) == n
    if n:
        assert is_working_day(due, holidays) and due > start
    else:
        assert due == start


@pytest.mark.parametrize(
    ("day", "holidays", "working"),
    [
        (date(2026, 12, 7), frozenset(), True),  # Monday
        (date(2026, 12, 12), frozenset(), False),  # Saturday
        (date(2026, 12, 13), frozenset(), False),  # Sunday
        (date(2026, 12, 25), frozenset({date(2026, 12, 25)}), False),  # Christmas Day, a Friday
    ],
)
def test_a_working_day_is_a_weekday_that_is_no_bank_holiday(
    day: date, holidays: frozenset[date], working: bool
) -> None:
    assert is_working_day(day, holidays) is working


def test_a_negative_count_is_refused() -> None:
    with pytest.raises(ValueError, match="cannot be negative"):
        add_working_days(date(2026, 12, 7), -1, frozenset())


def test_the_kept_calendar_has_the_one_offs_and_the_moved_days() -> None:
    days = bank_holidays(date(2022, 1, 1), days=730)
    assert {date(2022, 6, 2), date(2022, 6, 3), date(2022, 9, 19), date(2023, 5, 8)} <= days
    assert date(2022, 5, 30) not in days  # the spring holiday moved to 2 June for the Jubilee
    assert {date(2022, 12, 26), date(2022, 12, 27)} <= days  # Christmas Day on a Sunday: substitute Tue


def test_the_calendar_covers_the_window_asked_for() -> None:
    days = bank_holidays(date(2026, 12, 20), days=20)
    assert days == {date(2026, 12, 25), date(2026, 12, 26), date(2026, 12, 28), date(2027, 1, 1)}
