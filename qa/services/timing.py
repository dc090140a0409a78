"""Day boundaries in Europe/London: a "day" of work runs from local midnight to local midnight."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from django.utils import timezone


def previous_day(now: datetime | None = None) -> date:
    return timezone.localdate(now or timezone.now()) - timedelta(days=1)


def day_bounds(day: date) -> tuple[datetime, datetime]:
    """[start, end) of a local day as aware datetimes (23 or 25 hours long on clock-change days)."""
    tz = timezone.get_current_timezone()
    start = datetime.combine(day, time.min, tzinfo=tz)
    end = datetime.combine(day + timedelta(days=1), time.min, tzinfo=tz)
    return start, end
