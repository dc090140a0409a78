"""The clocks: Europe/London dates, calendar months, the update, outcome-notice, initial-contact and
investigation-report due dates, and how long ago the incident was."""

from __future__ import annotations

import calendar
from collections.abc import Collection
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from complaints.rules.facts import DEFAULT_TIME_LIMITS, Route, TimeLimits, TriageError
from config.working_days import add_working_days

LONDON = ZoneInfo("Europe/London")


def local_date(moment: datetime) -> date:
    """The Europe/London calendar date of an aware datetime."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise TriageError("The time must include a time zone.", "received_at")
    return moment.astimezone(LONDON).date()


def add_months(start: date, months: int) -> date:
    """Calendar months later, clamping to the month's last day (31 Jan + 1 month = 28/29 Feb)."""
    index = start.month - 1 + months
    year, month = start.year + index // 12, index % 12 + 1
    return date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


def first_update_due(start: date, limits: TimeLimits = DEFAULT_TIME_LIMITS) -> date:
    """C-UPDATE-28D: first progress update within four weeks (28 days) of the start of handling."""
    return start + timedelta(days=limits.update_interval_days)


def next_update_due(last_update: date, limits: TimeLimits = DEFAULT_TIME_LIMITS) -> date:
    """C-UPDATE-28D: each later update within 28 days of the previous one."""
    return last_update + timedelta(days=limits.update_interval_days)


def investigation_report_due(
    complaint_made_on: date, reports_already_sent: int = 0, limits: TimeLimits = DEFAULT_TIME_LIMITS
) -> date:
    """C-INV-12M-REPORT: an unfinished AA investigation is reported 12 months after the complaint was
    made, then every further 6 months (Regs2020 reg 13)."""
    months = limits.report_to_body_after_months + limits.report_to_body_repeat_months * reports_already_sent
    return add_months(complaint_made_on, months)


def outcome_notice_in_writing(*, route: str | None, made_orally: bool) -> bool:
    """C-OUTCOME-5WD: the outcome is notified in writing unless the complaint was made orally and
    handled outside Schedule 3 (reg 34(3))."""
    return not (made_orally and route == Route.OUTSIDE_S3)


# Working days (C-OUTCOME-5WD, C-INITIAL-CONTACT) are counted by config.working_days, the one helper
# every app uses; the bank holidays come in from the caller (config.working_days.bank_holidays).


def outcome_notice_due(
    outcome_date: date, holidays: Collection[date], limits: TimeLimits = DEFAULT_TIME_LIMITS
) -> date:
    """C-OUTCOME-5WD: the outcome must be notified within 5 working days of the outcome."""
    return add_working_days(outcome_date, limits.outcome_notification_working_days, holidays)


def initial_contact_due(received: date, working_days: int, holidays: Collection[date]) -> date:
    """C-INITIAL-CONTACT: no statutory count; `working_days` is the local policy target."""
    if working_days < 0:
        raise TriageError("The number of working days cannot be negative.", "working_days")
    return add_working_days(received, working_days, holidays)


def more_than_months_ago(earlier: date, later: date, months: int) -> bool:
    """True when more than `months` calendar months separate `earlier` and `later` (C-DELAY-12M)."""
    return later > add_months(earlier, months)
