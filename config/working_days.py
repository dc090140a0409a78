"""Working days in England and Wales: Monday to Friday less the bank holidays (the `holidays` package's
UK calendar, subdivision ENG, one-off days by proclamation included). The one helper every app counts
working days with: R-VCOP-RIGHT6 on crimes (recording.lifecycle), C-OUTCOME-5WD and C-INITIAL-CONTACT
on complaints (complaints.rules) and the days of the IOPC data return (complaints.returns.rules).

`add_working_days` is pure: callers pass the holiday dates in (`bank_holidays`), so rules modules stay
free of I/O and their tests can name any calendar."""

from __future__ import annotations

from collections.abc import Collection
from datetime import date, timedelta
from functools import cache

import holidays


def is_working_day(day: date, bank_holidays: Collection[date]) -> bool:
    return day.weekday() < 5 and day not in bank_holidays


def add_working_days(start: date, working_days: int, bank_holidays: Collection[date]) -> date:
    """The `working_days`-th working day after `start` (day 1 is the first working day after it)."""
    if working_days < 0:
        raise ValueError("The number of working days cannot be negative.")
    day, counted = start, 0
    while counted < working_days:
        day += timedelta(days=1)
        if is_working_day(day, bank_holidays):
            counted += 1
    return day


@cache
def _bank_holidays_of(year: int) -> frozenset[date]:
    # The `holidays` package keeps the UK calendar (one-off days by proclamation included: jubilees,
    # the 2022 state funeral, the 2023 coronation); England and Wales share subdivision ENG's list.
    return frozenset(holidays.country_holidays("GB", subdiv="ENG", years=year))


def bank_holidays(start: date, days: int = 366) -> frozenset[date]:
    """England and Wales bank holidays from `start` to `days` later: enough for any working-day count
    made from `start`. Weekend dates the package lists beside their weekday substitutes change nothing:
    working days are weekdays anyway."""
    end = start + timedelta(days=days)
    out: frozenset[date] = frozenset()
    for year in range(start.year, end.year + 1):
        out |= _bank_holidays_of(year)
    return frozenset(day for day in out if start <= day <= end)
