"""The feed's rows: each incident of the API feed or a CSV import cleaned in Python (`incident_row_clean`,
the rule every path of the import keeps: the SQL checks of recording.services.incidents.check_move pass
only what it accepts, and send it every row they cannot pass), and the errors that name a bad row. Kept
apart from the write paths so the staged path, the ORM path and the CSV reader share one set of words."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from django.utils.dateparse import parse_datetime

from config import fields as bounded
from config.exceptions import DomainError
from config.inputs import MAX_TEXT, TOO_MUCH_TEXT
from recording.models import Grade, NsirCode

GRADES = frozenset(Grade.values)  # looked up once: Grade.values rebuilds its list on every access
FIELDS = ("reference", "opened_at", "closed_at", "nsir_code", "grade", "summary", "location", "crime_number")


class IncidentRowError(DomainError):
    """A bad incident in a feed: `position` is the request index or the CSV line number."""

    def __init__(self, position: int, errors: dict[str, list[str]]) -> None:
        field = next(iter(errors))
        super().__init__(errors[field][0], field=field)
        self.position = position
        self.errors = errors


class IncidentFeedErrors(DomainError):
    """Every bad incident of one request, by index: {index: {field: [message]}}."""

    def __init__(self, errors: dict[int, dict[str, list[str]]]) -> None:
        first = next(iter(errors.values()))
        field = next(iter(first))
        super().__init__(first[field][0], field="incidents")
        self.errors = errors

    def as_dict(self) -> dict[str, Any]:
        return {"incidents": {str(index): errs for index, errs in self.errors.items()}}


def nsir_map() -> dict[str, tuple[int, bool]]:
    """NSIR code -> (id, crime_related): the ~50 codes held in memory for a whole import."""
    return {
        code: (pk, related)
        for code, pk, related in NsirCode.objects.values_list("code", "id", "crime_related")
    }


def _text(value: Any) -> str:
    if value.__class__ is str:  # the common case, CSV and JSON: skip str()
        return value.strip()
    return "" if value is None else str(value).strip()


def _when(value: Any, field: str, errors: dict[str, list[str]], *, required: bool) -> datetime | None:
    if isinstance(value, datetime):
        parsed: datetime | None = value
    else:
        raw = _text(value)
        if not raw:
            if required:
                errors[field] = ["This field is required."]
            return None
        try:
            # fromisoformat reads the feed's usual form in C; parse_datetime adds Django's other forms
            parsed = datetime.fromisoformat(raw)
        except ValueError:
            try:
                parsed = parse_datetime(raw)
            except ValueError:
                parsed = None
        if parsed is None:
            errors[field] = [f"{raw!r} is not an ISO-8601 time (e.g. 2026-03-01T02:10:00Z)."]
            return None
    if parsed is None or parsed.utcoffset() is None:
        errors[field] = ["Give the time with an offset (e.g. 2026-03-01T02:10:00Z)."]
        return None
    if not bounded.within_bounds(parsed):
        # Stored, a year-1 or year-9999 time broke every page that later listed the incident.
        errors[field] = [bounded.OUT_OF_RANGE]
        return None
    return parsed


# A cleaned feed row, in the order of CLEAN_FIELDS: what is stored, before the batch and timestamps.
CleanRow = tuple[str, datetime, datetime | None, int, bool, str, str, str, str | None]
CLEAN_FIELDS = (
    "reference",
    "opened_at",
    "closed_at",
    "nsir_code_id",
    "crime_related",
    "grade",
    "summary",
    "location",
    "crime_number",
)


def incident_row_clean(row: Mapping[str, Any], nsir: Mapping[str, tuple[int, bool]]) -> CleanRow:
    """One feed row -> a CleanRow, or IncidentRowError(position=-1) naming each bad field."""
    errors: dict[str, list[str]] = {}
    reference = _text(row.get("reference"))
    if not reference:
        errors["reference"] = ["This field is required."]
    elif len(reference) > 40:
        errors["reference"] = ["Ensure this field has no more than 40 characters."]
    opened_at = _when(row.get("opened_at"), "opened_at", errors, required=True)
    closed_at = _when(row.get("closed_at"), "closed_at", errors, required=False)
    if opened_at and closed_at and closed_at < opened_at:
        errors["closed_at"] = ["The incident cannot close before it opened."]
    code = _text(row.get("nsir_code"))
    nsir_entry = nsir.get(code)
    if not code:
        errors["nsir_code"] = ["This field is required."]
    elif nsir_entry is None:
        errors["nsir_code"] = [f"Unknown NSIR code {code!r}."]
    grade = _text(row.get("grade"))
    if grade and grade not in GRADES:
        errors["grade"] = [f"{grade!r} is not a valid choice; use one of: {', '.join(Grade.values)}."]
    location = _text(row.get("location"))
    if len(location) > 300:
        errors["location"] = ["Ensure this field has no more than 300 characters."]
    crime_number = _text(row.get("crime_number")) or None
    if crime_number and len(crime_number) > 40:
        errors["crime_number"] = ["Ensure this field has no more than 40 characters."]
    for field in ("summary", "narrative"):  # free text: the feed and the import file bound it as forms do
        if len(_text(row.get(field))) > MAX_TEXT:
            errors[field] = [TOO_MUCH_TEXT]
    if errors:
        raise IncidentRowError(-1, errors)
    assert opened_at is not None and nsir_entry is not None  # noqa: S101 - narrowed by the checks above
    return (
        reference,
        opened_at,
        closed_at,
        nsir_entry[0],
        nsir_entry[1],
        grade,
        _text(row.get("summary")),
        location,
        crime_number,
    )
