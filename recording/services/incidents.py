"""Incidents: the feed (validate and upsert in bulk, API and CSV import), incidents opened in Resolve,
and linking crimes to incidents.

Speed (issue 9): each chunk is validated in Python against an in-memory map of NSIR codes into plain
tuples (no model instances). One indexed query finds which references are already held. New incidents
go in by COPY straight into the table (then linked to the crimes they name); held ones are sent by COPY
into a temporary table and merged by one statement, `INSERT ... SELECT ... ON CONFLICT (reference) DO
UPDATE`, which also keeps a crime link the feed does not know and links incidents to the crimes they
name. Counting: a row that inserted counts as `created`, one that updated as `updated`; a reference repeated
inside one request counts once as created (if new) and then as updated for each repeat (the last copy
wins). Other databases (the SQLite demo) take the same rows through the ORM.

Audit: incidents arrive by the thousand, so their history is the ImportBatch row (who, when, source,
counts) that each upserted incident points at, not a history row per incident; only a change of NSIR
code writes the incident a history row (the incident page shows the code over time)."""

from __future__ import annotations

import io
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime
from itertools import islice
from typing import Any

from django.conf import settings
from django.db import IntegrityError, connection, transaction
from django.db.models import OuterRef, Subquery
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from config import fields as bounded
from config import registry
from config.exceptions import DomainError
from config.inputs import MAX_TEXT, TOO_MUCH_TEXT
from recording.models import Crime, Grade, ImportBatch, Incident, IncidentReferenceCounter, NsirCode
from recording.permissions import crime_scope_refusal
from recording.selectors import crime_visible, incident_get, incident_is_restricted
from staffing.access_audit import purpose_from
from staffing.models import User
from staffing.services import open_logged

# 10,000 rows a chunk: the CSV import ran ~10% faster than with 2,000 (fewer round trips and commits of
# the temporary table), and a chunk is a few MB of tuples.
CHUNK_SIZE = 10_000
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


COPY_COLUMNS = (*CLEAN_FIELDS, "import_batch_id", "created_at", "updated_at")
_COPY_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


def _copy_text(text: str) -> str:
    if "\\" in text or "\t" in text or "\n" in text or "\r" in text:
        return text.translate(_COPY_ESCAPES)
    return text


def _copy_line(row: CleanRow, tail: str) -> str:
    """One row in COPY's text format; `tail` is the batch id and timestamps, the same for the chunk."""
    reference, opened_at, closed_at, nsir_id, related, grade, summary, location, crime_number = row
    return "\t".join(
        (
            _copy_text(reference),
            opened_at.isoformat(),
            "\\N" if closed_at is None else closed_at.isoformat(),
            str(nsir_id),
            "t" if related else "f",
            _copy_text(grade),
            _copy_text(summary),
            _copy_text(location),
            "\\N" if crime_number is None else _copy_text(crime_number),
            tail,
        )
    )


def _copy_buffer(rows: list[CleanRow], tail: str) -> io.StringIO:
    return io.StringIO("\n".join(_copy_line(row, tail) for row in rows) + "\n")


def _history_columns() -> list[str]:
    """The incident columns the history table copies (all but simple-history's own)."""
    history = Incident.history.model
    return [
        connection.ops.quote_name(f.column)
        for f in history._meta.concrete_fields
        if not f.name.startswith("history_")
    ]


def _merge_by_copy(rows: list[CleanRow], *, tail: str, reason: str) -> int:
    """Upsert the rows (unique references) by COPY into a temporary table and one merging statement;
    returns how many were new. The same statement keeps the crime number of an incident the feed resends
    without one while Resolve holds a crime for it (the feed does not know Resolve's crime numbers), and
    links each incident to the crime it names, if Resolve holds that crime.

    An incident whose NSIR code the feed changes gets a history row, so its page shows the code over
    time (and, if it had no history yet, one more row first: the incident as held before the change).
    `changed` reads the incident table as it was before the update (every part of one statement sees
    the same snapshot), by primary key for the merged rows; history rows are written for changed codes
    only."""
    table = Incident._meta.db_table
    through = Crime.incidents.through._meta.db_table
    crime_table = Crime._meta.db_table
    history_table = Incident.history.model._meta.db_table
    nsir_table = NsirCode._meta.db_table
    columns = ", ".join(COPY_COLUMNS)
    tracked = _history_columns()
    history_columns = (
        f"{', '.join(tracked)}, history_date, history_change_reason, history_type, history_user_id"
    )
    updates = ", ".join(
        f"{column} = EXCLUDED.{column}"
        for column in COPY_COLUMNS
        if column not in {"reference", "created_at", "crime_number"}
    )
    buffer = _copy_buffer(rows, tail)
    with connection.cursor() as cursor:
        cursor.execute(
            f"CREATE TEMPORARY TABLE IF NOT EXISTS incident_feed_rows ON COMMIT DROP AS "  # noqa: S608
            f"SELECT {columns} FROM {table} WITH NO DATA"
        )
        cursor.execute("TRUNCATE incident_feed_rows")
        cursor.cursor.copy_expert(f"COPY incident_feed_rows ({columns}) FROM STDIN", buffer)
        cursor.execute(
            f"""
            WITH merged AS (
                INSERT INTO {table} AS i ({columns}) SELECT {columns} FROM incident_feed_rows
                ON CONFLICT (reference) DO UPDATE SET {updates}, crime_number = COALESCE(
                    EXCLUDED.crime_number,
                    (SELECT c.crime_number FROM {crime_table} c JOIN {through} t ON t.crime_id = c.id
                     WHERE t.incident_id = i.id ORDER BY c.recorded_at LIMIT 1)
                )
                RETURNING i.*, (i.xmax = 0) AS created
            ), linked AS (
                INSERT INTO {through} (incident_id, crime_id)
                SELECT m.id, c.id FROM merged m JOIN {crime_table} c ON c.crime_number = m.crime_number
                ON CONFLICT DO NOTHING
            ), changed AS MATERIALIZED (
                SELECT m.id, o.nsir_code_id AS old_code FROM merged m JOIN {table} o ON o.id = m.id
                WHERE m.nsir_code_id <> o.nsir_code_id
            ), baseline AS (
                INSERT INTO {history_table} ({history_columns})
                SELECT {", ".join(f"o.{c}" for c in tracked)}, o.updated_at,
                       'As held before the feed changed its NSIR code', '~', NULL
                FROM {table} o JOIN changed c ON c.id = o.id
                WHERE NOT EXISTS (SELECT 1 FROM {history_table} h WHERE h.id = o.id)
            ), logged AS (
                INSERT INTO {history_table} ({history_columns})
                SELECT {", ".join(f"m.{c}" for c in tracked)}, m.updated_at,
                       %(reason)s || ': NSIR code ' || oc.code || ' to ' || nc.code, '~', NULL
                FROM merged m JOIN changed c ON c.id = m.id
                JOIN {nsir_table} oc ON oc.id = c.old_code JOIN {nsir_table} nc ON nc.id = m.nsir_code_id
            )
            SELECT count(*) FILTER (WHERE created) FROM merged
            """,  # noqa: S608 - names come from model metadata; the rows travel by COPY
            {"reason": reason},
        )
        return int(cursor.fetchone()[0])


def _insert_by_copy(rows: list[CleanRow], *, tail: str) -> None:
    """COPY new incidents straight into the incident table (PostgreSQL's batched insert, the fastest
    path in), then link those that name a crime Resolve holds. A reference stored by another
    transaction meanwhile raises IntegrityError: the caller merges instead."""
    table = Incident._meta.db_table
    through = Crime.incidents.through._meta.db_table
    crime_table = Crime._meta.db_table
    buffer = _copy_buffer(rows, tail)
    numbered = [row[0] for row in rows if row[8] is not None]
    with connection.cursor() as cursor:
        with connection.wrap_database_errors:  # the raw cursor's errors as Django's (IntegrityError)
            cursor.cursor.copy_expert(f"COPY {table} ({', '.join(COPY_COLUMNS)}) FROM STDIN", buffer)
        if numbered:
            cursor.execute(
                f"""
                INSERT INTO {through} (incident_id, crime_id)
                SELECT i.id, c.id FROM {table} i JOIN {crime_table} c ON c.crime_number = i.crime_number
                WHERE i.reference = ANY(%s)
                ON CONFLICT DO NOTHING
                """,  # noqa: S608 - names come from model metadata; values are bound parameters
                [numbered],
            )


def _stored_references(references: list[str]) -> set[str]:
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT reference FROM {Incident._meta.db_table} WHERE reference = ANY(%s)",  # noqa: S608
            [references],
        )
        return {reference for (reference,) in cursor.fetchall()}


def _upsert_by_copy(rows: list[CleanRow], *, batch: ImportBatch, now: datetime) -> int:
    """Upsert the rows (unique references); returns how many were new. Most feed rows are new incidents:
    they go in by COPY straight into the table (the feed API went from 0.45x to 0.58x of a raw COPY at 2
    million incidents against merging every row through ON CONFLICT; bench/, issue 9); rows whose
    reference is stored already are merged."""
    tail = f"{batch.pk}\t{now.isoformat()}\t{now.isoformat()}"
    existing = _stored_references([row[0] for row in rows])
    new = [row for row in rows if row[0] not in existing]
    if new:
        try:
            with transaction.atomic():  # a savepoint: on a clash only this COPY is undone
                _insert_by_copy(new, tail=tail)
        except IntegrityError:
            # Another feed stored one of these references since the look-up: merge the whole chunk.
            return _merge_by_copy(rows, tail=tail, reason=_feed_reason(batch))
    if existing:
        _merge_by_copy([row for row in rows if row[0] in existing], tail=tail, reason=_feed_reason(batch))
    return len(new)


def _feed_reason(batch: ImportBatch) -> str:
    return f"{batch.get_source_display()} batch {batch.pk}"


def _upsert_portable(rows: list[CleanRow], *, batch: ImportBatch, now: datetime) -> int:
    """The same upsert through the ORM, for databases without COPY (the SQLite demo), with the same
    history rows for NSIR codes the feed changes."""
    references = [row[0] for row in rows]
    held = dict(Incident.objects.filter(reference__in=references).values_list("reference", "nsir_code_id"))
    existing = set(held)
    recoded = {row[0]: row[3] for row in rows if row[0] in held and held[row[0]] != row[3]}
    before = list(Incident.objects.filter(reference__in=list(recoded)))
    with_history = set(Incident.history.filter(id__in=[i.pk for i in before]).values_list("id", flat=True))
    before = [incident for incident in before if incident.pk not in with_history]
    Incident.objects.bulk_create(
        [
            Incident(
                **dict(zip(CLEAN_FIELDS, row, strict=True)),
                import_batch=batch,
                created_at=now,
                updated_at=now,
            )
            for row in rows
        ],
        update_conflicts=True,
        unique_fields=["reference"],
        update_fields=UPDATE_FIELDS,
        batch_size=1000,
    )
    if recoded:
        for incident in before:
            incident._change_reason = "As held before the feed changed its NSIR code"  # type: ignore[attr-defined]
        Incident.history.bulk_history_create(
            before, update=True, default_date=before[0].updated_at if before else now
        )
        codes = dict(NsirCode.objects.values_list("id", "code"))
        after = list(Incident.objects.filter(reference__in=list(recoded)))
        for incident in after:
            old_code, new_code = codes[held[incident.reference]], codes[incident.nsir_code_id]
            incident._change_reason = (  # type: ignore[attr-defined]
                f"{_feed_reason(batch)}: NSIR code {old_code} to {new_code}"
            )
        Incident.history.bulk_history_create(after, update=True, default_date=now)
    Incident.objects.filter(
        reference__in=list(existing), crime_number__isnull=True, crimes__isnull=False
    ).update(
        crime_number=Subquery(
            Crime.objects.filter(incidents=OuterRef("pk")).order_by("recorded_at").values("crime_number")[:1]
        )
    )
    numbered = list(
        Incident.objects.filter(reference__in=references, crime_number__isnull=False).values_list(
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
    return len(rows) - len(existing)


# Tests run the ORM path against PostgreSQL too by switching this.
FORCE_PORTABLE = False


def _write_chunk(rows: list[CleanRow], batch: ImportBatch) -> tuple[int, int]:
    by_ref = {row[0]: row for row in rows}  # the last copy of a repeated reference wins
    repeats = len(rows) - len(by_ref)
    unique = list(by_ref.values())
    upsert = _upsert_by_copy if connection.vendor == "postgresql" and not FORCE_PORTABLE else _upsert_portable
    created = upsert(unique, batch=batch, now=timezone.now())
    return created, len(unique) - created + repeats


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
        cleaned: list[CleanRow] = []
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


# ---------------------------------------------------------------- incidents opened in Resolve
# Forces without a command-and-control feed, and reports at a front counter or online: the recorder opens
# the incident here, then goes straight on to the recording decision with its reference.


def incident_reference_next(*, at: datetime, force: str | None = None) -> str:
    """The next free reference in the feed's format, `{FORCE}-{YYYYMMDD}-{NNNN}` (the Europe/London day of
    `at`). A counter row locked with SELECT ... FOR UPDATE gives each recorder their own number; a number
    the feed already holds is skipped. Call inside a transaction."""
    prefix = f"{force or settings.RESOLVE_FORCE_CODE}-{timezone.localtime(at):%Y%m%d}"
    IncidentReferenceCounter.objects.get_or_create(prefix=prefix)
    counter = IncidentReferenceCounter.objects.select_for_update().get(prefix=prefix)
    while True:
        counter.last_value += 1
        reference = f"{prefix}-{counter.last_value:04d}"
        if not Incident.objects.filter(reference=reference).exists():
            break
    counter.save(update_fields=["last_value"])
    return reference


@transaction.atomic
def incident_open(
    *,
    actor: User,
    nsir_code: str,
    summary: str,
    opened_at: datetime | None = None,
    location: str = "",
    grade: str = "",
) -> Incident:
    """Open an incident for a report taken in Resolve: a generated reference, the NSIR code (which decides
    whether it is crime-related, so the sweep watches it like a feed incident), the caller's account."""
    now = timezone.now()
    opened = opened_at or now
    if timezone.is_naive(opened):
        raise DomainError("Give the time with a time zone.", field="opened_at")
    if opened > now:
        raise DomainError("An incident cannot open in the future.", field="opened_at")
    code = NsirCode.objects.filter(code=nsir_code.strip()).first()
    if code is None:
        raise DomainError("Choose the NSIR code.", field="nsir_code")
    if not summary.strip():
        raise DomainError("Write what was reported.", field="summary")
    if grade and grade not in GRADES:
        raise DomainError("Choose a THRIVE grade.", field="grade")
    incident = Incident(
        reference=incident_reference_next(at=opened),
        opened_at=opened,
        nsir_code=code,
        crime_related=code.crime_related,
        grade=grade,
        summary=summary.strip(),
        location=location.strip(),
        opened_by=actor,
    )
    incident.full_clean()
    incident._change_reason = f"Opened in Resolve by {actor} ({code.title})"  # type: ignore[attr-defined]
    incident.save()
    return incident


# ---------------------------------------------------------------- linking crimes and incidents
def _crime_for_link(crime_number: str, *, actor: User, what: str) -> Crime:
    """The crime the actor may see, locked; a crime they may not see reads as no crime (need-to-know).
    Another team's crime is refused (team scope, recording.permissions.crime_scope_refusal): unlinking
    it would put its incident back among the unrecorded (issue 20 part 6)."""
    number = crime_number.strip()
    if not number:
        raise DomainError("Give the crime number.", field="crime_number")
    crime = crime_visible(user=actor).select_for_update().filter(crime_number=number).first()
    if crime is None:
        raise DomainError(f"No crime {number} is recorded.", field="crime_number")
    refusal = crime_scope_refusal(actor, crime, what)
    if refusal:
        raise DomainError(refusal, field="crime_number")
    return crime


def _audit(record: Crime | Incident, *, actor: User, reason: str) -> None:
    """The history row's reason and author, for the save that follows."""
    record._change_reason = reason  # type: ignore[union-attr]
    record._history_user = actor  # type: ignore[union-attr]


@transaction.atomic
def incident_link_crime(*, incident_id: int, crime_number: str, actor: User, reason: str) -> Incident:
    """Link a recorded crime to an incident with a reason: the crime then lists the incident, and an
    incident with no crime number takes this one, so the sweep closes its flag (R-NSIR-AUDIT-TRAIL).
    Both records get a history row with the reason."""
    reason = reason.strip()
    if not reason:
        raise DomainError("Say why this crime belongs to this incident.", field="reason")
    incident = Incident.objects.select_for_update().get(pk=incident_id)
    crime = _crime_for_link(crime_number, actor=actor, what="link it to an incident")
    if crime.incidents.filter(pk=incident.pk).exists():
        raise DomainError(
            f"Crime {crime.crime_number} is already linked to this incident.", field="crime_number"
        )
    crime.incidents.add(incident)
    text = f"Crime {crime.crime_number} linked to incident {incident.reference}: {reason}"
    _audit(crime, actor=actor, reason=text)
    crime.save(update_fields=["updated_at"])
    _audit(incident, actor=actor, reason=text)
    if not incident.crime_number:
        incident.crime_number = crime.crime_number
    incident.save(update_fields=["crime_number", "updated_at"])
    # recording.services.crimes.CRIME_LINKED_TO_INCIDENT: qa closes a possible-hidden-crime flag on it.
    registry.announce("crime_linked_to_incident", incident_id=incident.pk, crime_id=crime.pk)
    return incident


@transaction.atomic
def incident_unlink_crime(*, incident_id: int, crime_number: str, actor: User, reason: str) -> Incident:
    """Unlink a crime from an incident with a reason. If the incident carried that crime's number it takes
    the number of its earliest other crime, or none (and the sweep flags it again if it is crime-related)."""
    reason = reason.strip()
    if not reason:
        raise DomainError("Say why this crime does not belong to this incident.", field="reason")
    incident = Incident.objects.select_for_update().get(pk=incident_id)
    crime = _crime_for_link(crime_number, actor=actor, what="unlink it from an incident")
    if not crime.incidents.filter(pk=incident.pk).exists():
        raise DomainError(f"Crime {crime.crime_number} is not linked to this incident.", field="crime_number")
    crime.incidents.remove(incident)
    text = f"Crime {crime.crime_number} unlinked from incident {incident.reference}: {reason}"
    _audit(crime, actor=actor, reason=text)
    crime.save(update_fields=["updated_at"])
    if incident.crime_number == crime.crime_number:
        incident.crime_number = (
            Crime.objects.filter(incidents=incident)
            .order_by("recorded_at", "pk")
            .values_list("crime_number", flat=True)
            .first()
        )
    _audit(incident, actor=actor, reason=text)
    incident.save(update_fields=["crime_number", "updated_at"])
    return incident


# ---------------------------------------------------------------- need-to-know views (R-RESTRICTED)
ACCESS_RECORD_TYPE = "recording.incident"


def incident_restricted_cached(incident: Incident) -> bool:
    """incident_is_restricted, asked once per loaded incident (the page and the access log both ask)."""
    cached = getattr(incident, "_restricted", None)
    if cached is None:
        cached = incident_is_restricted(incident)
        incident._restricted = cached  # type: ignore[attr-defined]
    return bool(cached)


def incident_get_logged(*, user: User, pk: int | str, request: Any, purpose: str) -> Incident:
    """The incident if the user may know it exists (selectors.incident_get), else Http404. Every view of
    a need-to-know incident goes into the access log, and so does every refused attempt (a 404 for an
    incident that exists is always a need-to-know refusal), so the log shows who tried."""
    lookup = {"pk": pk} if isinstance(pk, int) or str(pk).isdigit() else {"reference": pk}
    return open_logged(
        user=user,
        find=lambda: incident_get(user=user, pk=pk),
        record_type=ACCESS_RECORD_TYPE,
        label=lambda incident: incident.reference,
        purpose=purpose_from(request, purpose),
        path=getattr(request, "path", ""),
        logged=incident_restricted_cached,
        hidden=lambda: Incident.objects.filter(**lookup).values_list("pk", "reference").first(),
    )
