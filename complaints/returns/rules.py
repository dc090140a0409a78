"""Pure arithmetic of the data return: financial-year periods, day counts, means and the national
comparison. No database, no I/O: tested case by case (complaints/tests/test_data_return.py)."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from config.working_days import is_working_day

PERIOD = re.compile(r"(?P<year>\d{4})(?:-Q(?P<quarter>[1-4]))?")


class PeriodError(ValueError):
    pass


@dataclass(frozen=True)
class Period:
    """A financial-year quarter or year. Quarters run April-June (Q1), July-September, October-December
    and January-March (Q4, in the calendar year after `year`). `end` is the last day, inclusive."""

    label: str
    start: date
    end: date


def period_parse(text: str) -> Period:
    """ "2026-Q1" (April to June 2026) or "2026" (the year from 1 April 2026 to 31 March 2027)."""
    match = PERIOD.fullmatch(text.strip())
    if match is None:
        raise PeriodError("Give the period as YYYY-Qn (a quarter of the financial year) or YYYY (the year).")
    year = int(match["year"])
    if not 1900 <= year <= 2100:
        raise PeriodError("The year must be between 1900 and 2100.")
    if match["quarter"] is None:
        return Period(str(year), date(year, 4, 1), date(year + 1, 3, 31))
    quarter = int(match["quarter"])
    first_month = 4 + 3 * (quarter - 1)
    start = date(year + (first_month - 1) // 12, (first_month - 1) % 12 + 1, 1)
    after = 4 + 3 * quarter
    next_start = date(year + (after - 1) // 12, (after - 1) % 12 + 1, 1)
    return Period(f"{year}-Q{quarter}", start, next_start - timedelta(days=1))


def days_between(
    start: date,
    end: date,
    *,
    kind: str,
    holidays: Collection[date] = (),
    excluding: Iterable[tuple[date, date | None]] = (),
) -> int:
    """Days from `start` to `end`, counted after `start` up to and including `end` (same day: 0):
    "calendar" days, or "working" days (weekdays that are not bank holidays). Days inside an
    `excluding` span (first and last day included; a span with no end runs on) are not counted.
    Without spans the count is arithmetic (a year's return times thousands of cases, issue 24); with
    them each day is walked (walked_days_between, which the arithmetic is tested against)."""
    if kind not in {"calendar", "working"}:
        raise ValueError(f"unknown kind of day {kind!r}")
    spans = list(excluding)
    if spans:
        return walked_days_between(start, end, kind=kind, holidays=holidays, excluding=spans)
    if end <= start:
        return 0
    if kind == "calendar":
        return (end - start).days
    full_weeks, rest = divmod((end - start).days, 7)
    weekdays = full_weeks * 5 + sum(1 for n in range(1, rest + 1) if (start.weekday() + n) % 7 < 5)
    if isinstance(holidays, HolidayCalendar):
        return weekdays - holidays.weekdays_after(start, end)
    return weekdays - sum(1 for day in set(holidays) if start < day <= end and day.weekday() < 5)


class HolidayCalendar(Collection[date]):
    """Bank holidays over a long stretch (every case of a year's return), each day count finding its
    own with two binary searches rather than a set built per case."""

    def __init__(self, days: Iterable[date]) -> None:
        self.days = tuple(sorted(set(days)))
        self._weekdays = tuple(day for day in self.days if day.weekday() < 5)

    def __contains__(self, day: object) -> bool:
        if not isinstance(day, date):
            return False
        i = bisect_left(self.days, day)
        return i < len(self.days) and self.days[i] == day

    def __iter__(self) -> Iterator[date]:
        return iter(self.days)

    def __len__(self) -> int:
        return len(self.days)

    def weekdays_after(self, start: date, end: date) -> int:
        """Holidays on a weekday after `start` up to and including `end`."""
        return max(0, bisect_right(self._weekdays, end) - bisect_right(self._weekdays, start))


def walked_days_between(
    start: date,
    end: date,
    *,
    kind: str,
    holidays: Collection[date] = (),
    excluding: Iterable[tuple[date, date | None]] = (),
) -> int:
    """days_between by walking each day after `start` up to `end`."""
    if kind not in {"calendar", "working"}:
        raise ValueError(f"unknown kind of day {kind!r}")
    spans = list(excluding)
    days = 0
    day = start
    while day < end:
        day += timedelta(days=1)
        if kind == "working" and not is_working_day(day, holidays):
            continue
        if any(first <= day and (last is None or day <= last) for first, last in spans):
            continue
        days += 1
    return days


def mean(values: Sequence[float]) -> float | None:
    """The mean to one decimal place (half up); None over nothing (the contract: a mean over no cases
    is null)."""
    if not values:
        return None
    return _one_place(Decimal(sum(values)) / Decimal(len(values)))


def _one_place(value: Decimal) -> float:
    return float(value.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


# ---------------------------------------------------------------- the national table
@dataclass(frozen=True)
class ForceTimeliness:
    """One force's row of the IOPC's published timeliness table (or Resolve's own force, computed)."""

    force: str
    outside_s3_cases: int
    outside_s3_mean_days: float | None
    s3_cases: int
    s3_mean_days_incl_suspension: float | None
    s3_mean_days_excl_suspension: float | None


MEASURES = (
    ("outside_s3_mean_days", "outside_s3_cases"),
    ("s3_mean_days_incl_suspension", "s3_cases"),
    ("s3_mean_days_excl_suspension", "s3_cases"),
)


def case_weighted_mean(pairs: Iterable[tuple[int, float | None]]) -> float | None:
    """Σ cases × mean / Σ cases over the rows that have a mean: the national mean the IOPC publishes is a
    mean over all cases, which is this (a plain average of the force means is not)."""
    total = Decimal(0)
    cases = 0
    for count, value in pairs:
        if value is None or count == 0:
            continue
        total += Decimal(count) * Decimal(str(value))
        cases += count
    return _one_place(total / cases) if cases else None


@dataclass(frozen=True)
class National:
    outside_s3_cases: int
    s3_cases: int
    means: dict[str, float | None]  # measure -> case-weighted national mean


def national(rows: Sequence[ForceTimeliness]) -> National:
    """The England and Wales figures from the force rows: case counts summed, means case-weighted.
    Resolve's own return is a row of the same shape, so its figures and the national ones are computed
    by the same code."""
    return National(
        outside_s3_cases=sum(r.outside_s3_cases for r in rows),
        s3_cases=sum(r.s3_cases for r in rows),
        means={
            measure: case_weighted_mean((getattr(r, count), getattr(r, measure)) for r in rows)
            for measure, count in MEASURES
        },
    )


MEASURE_LABELS = {
    "outside_s3_mean_days": "Days to finalise outside Schedule 3",
    "s3_mean_days_incl_suspension": "Days to finalise under Schedule 3, including suspension",
    "s3_mean_days_excl_suspension": "Days to finalise under Schedule 3, excluding suspension",
}


@dataclass(frozen=True)
class Comparison:
    """Where a force stands on one measure (days: fewer is better)."""

    measure: str
    own: float | None
    national_mean: float | None
    median_force: float | None
    best_quarter: float | None  # the value the quickest quarter of forces are at or under

    @property
    def label(self) -> str:
        return MEASURE_LABELS[self.measure]


def comparison(own: ForceTimeliness, rows: Sequence[ForceTimeliness]) -> list[Comparison]:
    nat = national(rows)
    out = []
    for measure, _count in MEASURES:
        values = sorted(v for r in rows if (v := getattr(r, measure)) is not None)
        out.append(
            Comparison(
                measure=measure,
                own=getattr(own, measure),
                national_mean=nat.means[measure],
                median_force=_quantile(values, 0.5),
                best_quarter=_quantile(values, 0.25),
            )
        )
    return out


def _quantile(values: Sequence[float], q: float) -> float | None:
    """The q-quantile by linear interpolation between closest ranks (numpy's default, "type 7")."""
    if not values:
        return None
    position = (len(values) - 1) * q
    low = int(position)
    high = min(low + 1, len(values) - 1)
    value = Decimal(str(values[low])) + (Decimal(str(values[high])) - Decimal(str(values[low]))) * Decimal(
        str(position - low)
    )
    return _one_place(value)
