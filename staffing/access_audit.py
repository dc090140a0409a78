"""The auditor's report of the access log: who looked at which restricted record, when and why.

Reads only (the log is append-only and written by `staffing.services.access_log_record`). Used by the
access-log page and API (managers and admins), per record and per user."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from django.db.models import QuerySet

from config.exports import csv_lines
from staffing.models import AccessLog

LONDON = ZoneInfo("Europe/London")
PURPOSE_MAX = 300
CSV_HEADER = ["at", "username", "role", "action", "record_type", "record_id", "record", "purpose", "path"]


@dataclass(frozen=True)
class AccessLogFilter:
    record_type: str = ""
    record_id: str = ""
    username: str = ""
    date_from: date | None = None
    date_to: date | None = None


def purpose_from(request: Any, default: str = "") -> str:
    """The purpose a person gave for opening a restricted record (`?purpose=` on the link or a form
    field `purpose`), else the default the view states. Trimmed to what the log holds."""
    given = ""
    for source in (getattr(request, "GET", None), getattr(request, "POST", None)):
        if source is not None and source.get("purpose"):
            given = str(source.get("purpose"))
            break
    given = " ".join(given.split())
    return (given or default)[:PURPOSE_MAX]


def _start_of(day: date) -> datetime:
    return datetime.combine(day, time.min, tzinfo=LONDON)


def access_log_search(criteria: AccessLogFilter) -> QuerySet[AccessLog]:
    """Log rows matching the criteria, newest first, each with its user (one query)."""
    rows = AccessLog.objects.select_related("user").order_by("-at", "-pk")
    if criteria.record_type:
        rows = rows.filter(record_type=criteria.record_type)
    if criteria.record_id:
        rows = rows.filter(record_id=criteria.record_id)
    if criteria.username:
        rows = rows.filter(user__username=criteria.username)
    if criteria.date_from:
        rows = rows.filter(at__gte=_start_of(criteria.date_from))
    if criteria.date_to:
        rows = rows.filter(at__lt=_start_of(criteria.date_to + timedelta(days=1)))
    return rows


# How each kind of record in the log reads on the screen (the codes stay in the CSV and the API). Kinds
# logged as "app.Model" and not listed read as the model's own name.
RECORD_TYPE_LABELS = {
    "recording.crime": "Crime",
    "qa.RapeReview": "Rape review",
    "complaint_case": "Complaint case",
    "complaint_subject_access": "Subject access request (complaints)",
    "subject_access": "Subject access request",
    "personnel_notes": "Personnel notes",
}


def record_type_label(record_type: str) -> str:
    """The words for a record type of the log: 'qa.RapeReview' -> 'Rape review'."""
    if record_type in RECORD_TYPE_LABELS:
        return RECORD_TYPE_LABELS[record_type]
    if "." in record_type:
        from django.apps import apps

        try:
            return str(apps.get_model(record_type)._meta.verbose_name).capitalize()
        except (LookupError, ValueError):
            pass
    return record_type.replace("_", " ").replace(".", " ").strip().capitalize() or "–"


def access_log_record_types() -> list[str]:
    """The record types present in the log, for the filter's choices."""
    return list(AccessLog.objects.order_by("record_type").values_list("record_type", flat=True).distinct())


def access_log_csv_rows(rows: Iterable[AccessLog]) -> Iterator[str]:
    """The report as CSV lines (header first), times in Europe/London, streamed through the one
    formula-safe CSV writer."""
    return csv_lines(
        CSV_HEADER,
        (
            [
                row.at.astimezone(LONDON).isoformat(timespec="seconds"),
                row.user.username,
                row.user.role,
                row.action,
                row.record_type,
                row.record_id,
                row.record_label,
                row.purpose,
                row.path,
            ]
            for row in rows
        ),
    )
