"""Incidents: the feed (validate and upsert in bulk, API and CSV import), incidents opened in Resolve,
and linking crimes to incidents.

Speed (issue 24 part 2): on PostgreSQL the rows are staged, checked and moved by the server
(recording.services.incident_staging): staged in a temporary table (a CSV file by COPY as it is, the
feed's rows by json_to_recordset), then one INSERT ... SELECT checks every row as it inserts the new
incidents. The feed's rows in the usual forms skip the staged table: one statement reads them from the
request's JSON and inserts them. Only a row SQL cannot pass (named by incident_row_clean, in its words,
by CSV line or request index), a reference held already (merged by one statement, `INSERT ... SELECT ...
ON CONFLICT (reference) DO UPDATE`, which also keeps a crime link the feed does not know and links
incidents to the crimes they name) or input the server would read otherwise than Python (cleaned in
Python, then staged) takes a longer road. Counting: a new reference counts as `created`, a held one as
`updated`; a reference repeated inside one import counts once as created (if new) and then as updated for
each repeat (the last copy wins). Other databases (the SQLite demo) clean rows in Python and write them
through the ORM.

Audit: incidents arrive by the thousand, so their history is the ImportBatch row (who, when, source,
counts) that each upserted incident points at, not a history row per incident; only a change of NSIR
code writes the incident a history row (the incident page shows the code over time)."""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from itertools import islice
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import DataError, IntegrityError, connection, transaction
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
from recording.services import incident_staging as staging
from staffing.access_audit import purpose_from
from staffing.models import User
from staffing.services import open_logged

CHUNK_SIZE = staging.CHUNK_SIZE
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


def _history_columns() -> list[str]:
    """The incident columns the history table copies (all but simple-history's own)."""
    history = Incident.history.model
    return [
        connection.ops.quote_name(f.column)
        for f in history._meta.concrete_fields
        if not f.name.startswith("history_")
    ]


def _merge_staged(held: set[str] | None, *, batch: ImportBatch, now: datetime) -> int:
    """Upsert the last copy of each staged reference (all, or those `held`) through a temporary table and
    one merging statement; returns how many were new. The same statement keeps the crime number of an
    incident the feed resends without one while Resolve holds a crime for it (the feed does not know
    Resolve's crime numbers), and links each incident to the crime it names, if Resolve holds that crime.

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
    with connection.cursor() as cursor:
        cursor.execute(
            f"CREATE TEMPORARY TABLE IF NOT EXISTS incident_feed_rows ON COMMIT DROP AS "  # noqa: S608
            f"SELECT {columns} FROM {table} WITH NO DATA"
        )
        cursor.execute("TRUNCATE incident_feed_rows")
        staging.fill_merge_source(
            source="incident_feed_rows", columns=COPY_COLUMNS, batch_id=batch.pk, now=now, held=held
        )
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
            """,  # noqa: S608 - names come from model metadata; the rows come from the staged table
            {"reason": _feed_reason(batch)},
        )
        return int(cursor.fetchone()[0])


def _stored_references(staged: str) -> set[str]:
    """The references in `staged` (the staged table) that the incident table holds already."""
    assert staged == staging.STAGED  # noqa: S101 - one staged table
    return staging.stored_references()


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


def _staged_path() -> bool:
    return connection.vendor == "postgresql" and not FORCE_PORTABLE


def _write_chunk(rows: list[CleanRow], batch: ImportBatch) -> tuple[int, int]:
    by_ref = {row[0]: row for row in rows}  # the last copy of a repeated reference wins
    repeats = len(rows) - len(by_ref)
    unique = list(by_ref.values())
    created = _upsert_portable(unique, batch=batch, now=timezone.now())
    return created, len(unique) - created + repeats


def _chunks(
    rows: Iterable[tuple[int, Mapping[str, Any]]], size: int
) -> Iterator[list[tuple[int, Mapping[str, Any]]]]:
    iterator = iter(rows)
    while chunk := list(islice(iterator, size)):
        yield chunk


def _finish(batch: ImportBatch, *, total: int, created: int) -> ImportResult:
    batch.rows = total
    batch.created_count = created
    batch.updated_count = total - created  # a repeat of a reference counts as an update
    batch.finished_at = timezone.now()
    batch.save(update_fields=["rows", "created_count", "updated_count", "finished_at"])
    return ImportResult(created=created, updated=batch.updated_count, batch=batch)


def _upsert_portable_rows(
    rows: Iterable[tuple[int, Mapping[str, Any]]],
    *,
    batch: ImportBatch,
    nsir: Mapping[str, tuple[int, bool]],
    collect_all_errors: bool,
) -> ImportResult:
    """Other databases (the SQLite demo): each row cleaned in Python, chunk by chunk, through the ORM."""
    created = total = 0
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
        created += _write_chunk(cleaned, batch)[0]
    if all_errors:
        raise IncidentFeedErrors(all_errors)
    return _finish(batch, total=total, created=created)


def _stage_cleaned(
    rows: Iterable[tuple[int, Mapping[str, Any]]],
    nsir: Mapping[str, tuple[int, bool]],
    *,
    collect_all_errors: bool,
) -> None:
    errors: dict[int, dict[str, list[str]]] = {}
    staging.stage_cleaned(
        rows,
        lambda row: incident_row_clean(row, nsir),
        {pk: code for code, (pk, _related) in nsir.items()},
        errors=errors,
        collect_all_errors=collect_all_errors,
        error=IncidentRowError,
    )
    if errors:
        raise IncidentFeedErrors(errors)


def _check_and_move(
    batch: ImportBatch,
    nsir: Mapping[str, tuple[int, bool]],
    *,
    original: Callable[[int], Mapping[str, Any]] | None,
    where: Callable[[int], int],
    collect_all_errors: bool,
    in_one: bool = True,
) -> ImportResult:
    """Check the staged rows in SQL (a bad one named by `where(position)` with incident_row_clean's words)
    and move them into the incident table. First (`in_one`, unless the caller just tried) in one
    statement, the rows checked as they are inserted: for new incidents in the forms SQL reads (nearly
    every feed) that is all. A row SQL cannot pass, or a reference held already or repeated, undoes it (a
    savepoint), and the rows are checked on their own, the held references looked up and merged."""
    now = timezone.now()
    created: int | None = None
    if in_one:
        try:
            with transaction.atomic():
                created = staging.insert_new(columns=COPY_COLUMNS, batch_id=batch.pk, now=now, checked=False)
        except (DataError, IntegrityError):
            created = None
    if created is None:
        staging.check(
            clean=lambda row: incident_row_clean(row, nsir),
            codes={pk: code for code, (pk, _related) in nsir.items()},
            original=original,
            where=where,
            collect_all_errors=collect_all_errors,
            error=IncidentRowError,
            errors_of=IncidentFeedErrors,
        )
        created = staging.moved(
            columns=COPY_COLUMNS,
            batch_id=batch.pk,
            now=now,
            held_lookup=lambda: _stored_references(staging.STAGED),
            merge=lambda held: _merge_staged(held, batch=batch, now=now),
        )
    return _finish(batch, total=staging.counts()[0], created=created)


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

    `rows` yields (position, mapping) where position is the request index or CSV line number. On
    PostgreSQL they are staged as JSON read by the server (json_to_recordset) and checked and moved in SQL
    (recording.services.incident_staging); they are held in memory meanwhile (a feed request of at most
    5,000, the demo's), because a row SQL cannot pass is looked at again in Python. Elsewhere (the SQLite
    demo) they are cleaned in Python and written through the ORM, chunk by chunk. A bad row raises
    IncidentRowError (or, with `collect_all_errors`, IncidentFeedErrors listing every bad row of the
    request) and the transaction rolls back: nothing is stored."""
    nsir = nsir_map()
    batch = ImportBatch.objects.create(source=source, source_name=source_name[:300], created_by=actor)
    if not _staged_path():
        return _upsert_portable_rows(rows, batch=batch, nsir=nsir, collect_all_errors=collect_all_errors)
    held = list(rows)
    items = [row for _position, row in held]
    as_is = staging.reads_as_is(items)
    if as_is:
        try:
            with transaction.atomic():
                created = staging.insert_as_is(
                    items, columns=COPY_COLUMNS, batch_id=batch.pk, now=timezone.now()
                )
            return _finish(batch, total=len(items), created=created)
        except (DataError, IntegrityError):
            pass  # a row SQL cannot pass, a reference held already or repeated: the longer road
    original: Callable[[int], Mapping[str, Any]] | None = dict(held).__getitem__
    try:
        staging.stage_json(held)
    except staging.NotStaged:
        _stage_cleaned(held, nsir, collect_all_errors=collect_all_errors)
        original = None
    return _check_and_move(
        batch,
        nsir,
        original=original,
        where=lambda position: position,
        collect_all_errors=collect_all_errors,
        in_one=not as_is,
    )


def csv_rows(path: Path, fields: Sequence[str]) -> Iterator[tuple[int, dict[str, Any]]]:
    """The CSV file's rows after its header, as (line number, {column: value}), read by Python's csv module:
    strict (an unterminated quote is an error, not a field that swallows the rest of the file), blank
    lines skipped, a row longer than the header refused."""
    width = len(fields)
    with path.open(newline="", encoding="utf-8-sig") as handle:
        # line_num counts physical lines (a quoted field may span several)
        lines = csv.reader(handle, strict=True)
        next(lines, None)
        for values in lines:
            if not values:
                continue  # a blank line, as DictReader skips it
            if len(values) > width:
                raise IncidentRowError(lines.line_num, {"row": ["More values than header columns."]})
            yield lines.line_num, dict(zip(fields, values, strict=False))


def _csv_line(path: Path, record: int) -> int:
    """The line on which the file's `record`-th row (after the header) ends, as Python's csv module counts
    (read again on the error path only)."""
    with path.open(newline="", encoding="utf-8-sig") as handle:
        lines = csv.reader(handle, strict=True)
        next(lines, None)
        seen = 0
        for values in lines:
            seen += bool(values)
            if seen == record:
                return lines.line_num
    return record + 1


@transaction.atomic
def incidents_import_csv(*, path: Path, fields: Sequence[str], actor: User | None) -> ImportResult:
    """Create or update incidents from a CSV file whose header (`fields`, checked by the caller) names feed
    fields, all or nothing; a bad row raises IncidentRowError naming its line. On PostgreSQL the file goes
    by COPY straight into the staged table when the server reads it as Python's csv module does
    (incident_staging.csv_agrees), else it is read and cleaned in Python, chunk by chunk (a million rows
    are never held in memory); either way it is checked and moved in SQL."""
    if not _staged_path():
        return incidents_upsert(
            rows=csv_rows(path, fields), actor=actor, source=ImportBatch.Source.CSV, source_name=path.name
        )
    nsir = nsir_map()
    batch = ImportBatch.objects.create(
        source=ImportBatch.Source.CSV, source_name=path.name[:300], created_by=actor
    )
    data = path.read_bytes()  # within RESOLVE_IMPORT_MAX_BYTES, checked by the caller
    try:
        if len(set(fields)) != len(fields) or not staging.csv_agrees(data):
            raise staging.NotStaged("read in Python")
        staging.stage_csv(data, fields)
        where: Callable[[int], int] = lambda record: _csv_line(path, record)  # noqa: E731
    except staging.NotStaged:
        _stage_cleaned(csv_rows(path, fields), nsir, collect_all_errors=False)
        where = lambda line: line  # noqa: E731
    return _check_and_move(batch, nsir, original=None, where=where, collect_all_errors=False)


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
