"""Incident feed: validate and upsert incidents in bulk (API and CSV import).

Speed: each chunk is validated in Python against an in-memory map of NSIR codes, then written with one
`INSERT ... ON CONFLICT (reference) DO UPDATE` (bulk_create with update_conflicts). Counting: before
each chunk is written one indexed query finds which of its references already exist; those rows count
as `updated`, the rest as `created`. A reference repeated inside one request counts once as created
(if new) and then as updated for each repeat (the last copy wins).

Audit: incidents arrive by the thousand, so their history is the ImportBatch row (who, when, source,
counts) that each upserted incident points at, not a history row per incident."""

from __future__ import annotations

import io
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime
from itertools import islice
from typing import Any

from django.db import connection, transaction
from django.db.models import OuterRef, Subquery
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from config.exceptions import DomainError
from recording.models import Crime, Grade, ImportBatch, Incident, NsirCode
from staffing.models import User

CHUNK_SIZE = 2000
GRADES = frozenset(Grade.values)  # looked up once: Grade.values rebuilds its list on every access
MAX_API_INCIDENTS = 5000
FIELDS = ("reference", "opened_at", "closed_at", "nsir_code", "grade", "summary", "location", "crime_number")
UPDATE_FIELDS = [
    "opened_at",
    "closed_at",
    "nsir_code",
    "crime_related",
    "grade",
    "summary",
    "location",
    "crime_number",
    "import_batch",
    "updated_at",
]


class IncidentRowError(DomainError):
    """A bad incident in a feed: `position` is the request index or the CSV line number."""

    def __init__(self, position: int, errors: dict[str, list[str]]) -> None:
        field = next(iter(errors))
        super().__init__(errors[field][0], field=field)
        self.position = position
        self.errors = errors


@dataclass(frozen=True)
class ImportResult:
    created: int
    updated: int
    batch: ImportBatch


def nsir_map() -> dict[str, tuple[int, bool]]:
    """NSIR code -> (id, crime_related): the ~50 codes held in memory for a whole import."""
    return {
        code: (pk, related)
        for code, pk, related in NsirCode.objects.values_list("code", "id", "crime_related")
    }


def _text(value: Any) -> str:
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
            parsed = parse_datetime(raw)
        except ValueError:
            parsed = None
        if parsed is None:
            errors[field] = [f"{raw!r} is not an ISO-8601 time (e.g. 2026-03-01T02:10:00Z)."]
            return None
    if parsed is None or timezone.is_naive(parsed):
        errors[field] = ["Give the time with an offset (e.g. 2026-03-01T02:10:00Z)."]
        return None
    return parsed


def incident_row_clean(row: Mapping[str, Any], nsir: Mapping[str, tuple[int, bool]]) -> Incident:
    """One feed row -> an unsaved Incident, or IncidentRowError(position=-1) naming each bad field."""
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
    if errors:
        raise IncidentRowError(-1, errors)
    assert opened_at is not None and nsir_entry is not None  # noqa: S101 - narrowed by the checks above
    return Incident(
        reference=reference,
        opened_at=opened_at,
        closed_at=closed_at,
        nsir_code_id=nsir_entry[0],
        crime_related=nsir_entry[1],
        grade=grade,
        summary=_text(row.get("summary")),
        location=location,
        crime_number=crime_number,
    )


COPY_COLUMNS = (
    "reference",
    "opened_at",
    "closed_at",
    "nsir_code_id",
    "crime_related",
    "grade",
    "summary",
    "location",
    "crime_number",
    "import_batch_id",
    "created_at",
    "updated_at",
)
_COPY_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


def _copy_value(value: Any) -> str:
    if value is None:
        return "\\N"
    if isinstance(value, bool):
        return "t" if value else "f"
    if isinstance(value, datetime):
        return value.isoformat()
    text = str(value)
    if "\\" in text or "\t" in text or "\n" in text or "\r" in text:
        return text.translate(_COPY_ESCAPES)
    return text


def _upsert_by_copy(incidents: list[Incident]) -> None:
    """The same upsert as bulk_create(update_conflicts=True) on `reference`, with the rows sent by COPY
    into a temporary table and merged with one INSERT ... SELECT ... ON CONFLICT DO UPDATE: no SQL text
    to build per row (the CSV import ran 1.5-2x faster than with bulk_create in bench/, issue 9)."""
    table = Incident._meta.db_table
    columns = ", ".join(COPY_COLUMNS)
    column_of = {f.name: f.column for f in Incident._meta.concrete_fields}
    updates = ", ".join(f"{column_of[name]} = EXCLUDED.{column_of[name]}" for name in UPDATE_FIELDS)
    buffer = io.StringIO()
    for incident in incidents:
        buffer.write("\t".join(_copy_value(getattr(incident, c)) for c in COPY_COLUMNS) + "\n")
    buffer.seek(0)
    with connection.cursor() as cursor:
        cursor.execute(
            f"CREATE TEMPORARY TABLE IF NOT EXISTS incident_feed_rows ON COMMIT DROP AS "  # noqa: S608
            f"SELECT {columns} FROM {table} WITH NO DATA"
        )
        cursor.execute("TRUNCATE incident_feed_rows")
        cursor.cursor.copy_expert(f"COPY incident_feed_rows ({columns}) FROM STDIN", buffer)
        cursor.execute(
            f"INSERT INTO {table} ({columns}) SELECT {columns} FROM incident_feed_rows "  # noqa: S608
            f"ON CONFLICT (reference) DO UPDATE SET {updates}"
        )


def _write_chunk(incidents: list[Incident], batch: ImportBatch) -> tuple[int, int]:
    by_ref: dict[str, Incident] = {}
    for incident in incidents:
        incident.import_batch = batch
        by_ref[incident.reference] = incident  # the last copy of a repeated reference wins
    repeats = len(incidents) - len(by_ref)
    existing = set(Incident.objects.filter(reference__in=list(by_ref)).values_list("reference", flat=True))
    now = timezone.now()
    for incident in by_ref.values():
        incident.created_at = now
        incident.updated_at = now
    if connection.vendor == "postgresql":
        _upsert_by_copy(list(by_ref.values()))
    else:
        Incident.objects.bulk_create(
            list(by_ref.values()),
            update_conflicts=True,
            unique_fields=["reference"],
            update_fields=UPDATE_FIELDS,
            batch_size=CHUNK_SIZE,
        )
    # The feed does not know crime numbers Resolve assigned: a resend with crime_number null must not
    # unlink an incident that already has a crime here.
    Incident.objects.filter(
        reference__in=list(existing), crime_number__isnull=True, crimes__isnull=False
    ).update(
        crime_number=Subquery(
            Crime.objects.filter(incidents=OuterRef("pk")).order_by("recorded_at").values("crime_number")[:1]
        )
    )
    # A feed row that names a crime number Resolve holds links the incident to that crime.
    numbered = list(
        Incident.objects.filter(reference__in=list(by_ref), crime_number__isnull=False).values_list(
            "pk", "crime_number"
        )
    )
    if numbered:
        crime_ids = dict(
            Crime.objects.filter(crime_number__in={n for _pk, n in numbered}).values_list(
                "crime_number", "pk"
            )
        )
        through = Crime.incidents.through
        through.objects.bulk_create(
            [through(incident_id=pk, crime_id=crime_ids[n]) for pk, n in numbered if n in crime_ids],
            ignore_conflicts=True,
        )
    created = len(by_ref) - len(existing)
    return created, len(existing) + repeats


def _chunks(
    rows: Iterable[tuple[int, Mapping[str, Any]]], size: int
) -> Iterator[list[tuple[int, Mapping[str, Any]]]]:
    iterator = iter(rows)
    while chunk := list(islice(iterator, size)):
        yield chunk


@transaction.atomic
def incidents_upsert(
    *,
    rows: Iterable[tuple[int, Mapping[str, Any]]],
    actor: User | None,
    source: str,
    source_name: str = "",
    collect_all_errors: bool = False,
) -> ImportResult:
    """Create or update incidents by reference, all or nothing.

    `rows` yields (position, mapping) where position is the request index or CSV line number; it is
    consumed in chunks, so a file of a million rows is never held in memory. A bad row raises
    IncidentRowError (or, with `collect_all_errors`, IncidentFeedErrors listing every bad row of the
    request) and the transaction rolls back: nothing is stored."""
    nsir = nsir_map()
    batch = ImportBatch.objects.create(source=source, source_name=source_name[:300], created_by=actor)
    created = updated = total = 0
    all_errors: dict[int, dict[str, list[str]]] = {}
    for chunk in _chunks(rows, CHUNK_SIZE):
        cleaned: list[Incident] = []
        for position, row in chunk:
            try:
                cleaned.append(incident_row_clean(row, nsir))
            except IncidentRowError as exc:
                if not collect_all_errors:
                    raise IncidentRowError(position, exc.errors) from None
                all_errors[position] = exc.errors
        total += len(chunk)
        if all_errors:
            continue
        c, u = _write_chunk(cleaned, batch)
        created += c
        updated += u
    if all_errors:
        raise IncidentFeedErrors(all_errors)
    batch.rows = total
    batch.created_count = created
    batch.updated_count = updated
    batch.finished_at = timezone.now()
    batch.save(update_fields=["rows", "created_count", "updated_count", "finished_at"])
    return ImportResult(created=created, updated=updated, batch=batch)


class IncidentFeedErrors(DomainError):
    """Every bad incident of one request, by index: {index: {field: [message]}}."""

    def __init__(self, errors: dict[int, dict[str, list[str]]]) -> None:
        first = next(iter(errors.values()))
        field = next(iter(first))
        super().__init__(first[field][0], field="incidents")
        self.errors = errors

    def as_dict(self) -> dict[str, Any]:
        return {"incidents": {str(index): errs for index, errs in self.errors.items()}}
