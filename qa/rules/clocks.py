"""Time rules: how long a flag has been open, the sweep's grace period, when an amendment is due, and the
days the figures can be given for."""

from __future__ import annotations

from datetime import date, datetime, timedelta


def hours_open(opened_at: datetime, now: datetime) -> int:
    """Whole hours an incident has been open (shown on the sweep queue and the API)."""
    return max(0, int((now - opened_at).total_seconds() // 3600))


def sweep_cutoff(now: datetime, grace_hours: int) -> datetime:
    """Incidents opened before this instant are past the grace period (R-NSIR-AUDIT-TRAIL, R-NCRS-24H)."""
    return now - timedelta(hours=grace_hours)


def amendment_due(found_on: date, *, days: int) -> date:
    """When the record's owner must have fixed an error a dip-test found."""
    return found_on + timedelta(days=days)


FUTURE_DAY = "The day cannot be in the future: there are no figures for a day that has not happened."


def figures_day_refusal(day: date | None, today: date) -> str:
    """Why the daily figures cannot be given for `day` ('' when they can). A future day is refused like
    a malformed one (the page shows it as a field error, the API answers 400) rather than shown as a
    day of zeros that looks like a real, quiet day."""
    if day is not None and day > today:
        return FUTURE_DAY
    return ""
