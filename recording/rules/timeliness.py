"""Timeliness: the 24-hour recording deadline and its breach (R-NCRS-24H), the report time a crime
recorded from an incident keeps, and the rule set in force when the report arrived (R-RULE-VERSION)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from recording.rules.report import ReportError, RuleVersion

#: R-RULE-VERSION: the principal offence approach (R-PRINCIPAL-CONDUCT) started in mid-May 2023. Reports
#: first received before 00:00 on 15 May 2023, London time (BST, UTC+1), are judged by the earlier rule.
PRINCIPAL_OFFENCE_FROM = datetime(2023, 5, 15, tzinfo=timezone(timedelta(hours=1), "BST"))

NCRS_DEADLINE = timedelta(hours=24)


# ---------------------------------------------------------------- time rules
def require_aware(value: datetime, field_name: str) -> None:
    if value.tzinfo is None or value.utcoffset() is None:
        raise ReportError("Give the time with a time zone (e.g. 2026-03-01T14:05:00Z).", field_name)


LONDON = ZoneInfo("Europe/London")


def london_time(at: datetime) -> str:
    """A time as the explanation says it: London time, as every screen shows it (the API's own fields
    keep ISO times with their offset)."""
    return f"{at.astimezone(LONDON):%a %d %b %Y %H:%M} London time"


def record_by(reported_at: datetime) -> datetime:
    """R-NCRS-24H: the latest time to record, 24 hours after the report first reached the force (UTC)."""
    require_aware(reported_at, "reported_at")
    return reported_at.astimezone(UTC) + NCRS_DEADLINE


def is_ncrs_breach(*, reported_at: datetime, recorded_at: datetime | None, now: datetime) -> bool:
    """R-NCRS-24H: recorded after the deadline, or still unrecorded once it has passed. A late but
    correct record is still a breach; a record exactly at the deadline is in time."""
    deadline = record_by(reported_at)
    require_aware(now, "now")
    if recorded_at is not None:
        require_aware(recorded_at, "recorded_at")
        return recorded_at > deadline
    return now > deadline


#: R-NCRS-24H: a report time this close to the incident's opening is the incident's opening (a form
#: that shows minutes only loses the seconds; that is not a change of time).
REPORT_TIME_TOLERANCE = timedelta(minutes=1)


@dataclass(frozen=True)
class ReportTime:
    """When the report first reached the force, as a crime recorded from it keeps it (R-NCRS-24H)."""

    #: The time the 24-hour clock runs from.
    reported_at: datetime
    #: The incident's opening, when the report came from an incident: the first incident-log time.
    incident_opened_at: datetime | None = None
    #: Why `reported_at` is not the incident's opening; blank when it is.
    reason: str = ""


def report_time(
    *, incident_opened_at: datetime | None, given: datetime | None, reason: str = ""
) -> ReportTime:
    """R-NCRS-24H: the clock runs from the first incident-log time. With an incident, the report time is
    its opening: left out, or within REPORT_TIME_TOLERANCE of it, it is the opening exactly; any other
    time needs a reason (a ReportError naming `reported_at_reason`), and the clock then runs from the
    time given, the reason saying why not from the incident. Without an incident the time must be given."""
    reason = reason.strip()
    if incident_opened_at is None:
        if given is None:
            raise ReportError("Give the time the report first reached the force.", "reported_at")
        require_aware(given, "reported_at")
        return ReportTime(reported_at=given)
    require_aware(incident_opened_at, "incident_opened_at")
    if given is None:
        return ReportTime(reported_at=incident_opened_at, incident_opened_at=incident_opened_at)
    require_aware(given, "reported_at")
    if abs(given - incident_opened_at) <= REPORT_TIME_TOLERANCE:
        return ReportTime(reported_at=incident_opened_at, incident_opened_at=incident_opened_at)
    if not reason:
        raise ReportError(
            f"The incident was opened {london_time(incident_opened_at)}, and the 24-hour clock runs from "
            "then: say why the report time differs from it (R-NCRS-24H).",
            "reported_at_reason",
        )
    return ReportTime(reported_at=given, incident_opened_at=incident_opened_at, reason=reason)


def rule_version_for(reported_at: datetime) -> RuleVersion:
    """R-RULE-VERSION: the rule set in force when the report first reached the force."""
    require_aware(reported_at, "reported_at")
    if reported_at < PRINCIPAL_OFFENCE_FROM:
        return RuleVersion.CONDUCT_IN_ADDITION
    return RuleVersion.PRINCIPAL_OFFENCE
