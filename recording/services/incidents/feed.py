"""The feed's write paths: validate and upsert incidents in bulk, all or nothing (the API's feed; the CSV
import, recording.services.incidents.csv_import, comes here too).

Speed (issue 24 part 2): on PostgreSQL the rows are staged, checked and moved by the server
(recording.services.incidents.staging): staged in a temporary table (a CSV file by COPY as it is, the
feed's rows by json_to_recordset), then one INSERT ... SELECT checks every row as it inserts the new
incidents. New incidents in the usual forms (nearly every feed and file) skip the staged table: Python
checks them in a few passes over all their values and they go by COPY straight into the incident table
(`copy_new`), as the floor of the benchmark does. Only a row SQL cannot pass (named by
incident_row_clean, in its words, by CSV line or request index), a reference held already (merged by one
statement, `INSERT ... SELECT ... ON CONFLICT (reference) DO UPDATE`, which also keeps a crime link the
feed does not know and links incidents to the crimes they name) or input the server would read
otherwise than Python (cleaned in Python, then staged) takes a longer road. Counting: a new reference
counts as `created`, a held one as `updated`; a reference repeated inside one import counts once as
created (if new) and then as updated for each repeat (the last copy wins). Other databases (the SQLite
demo) clean rows in Python and write them through the ORM.

Audit: incidents arrive by the thousand, so their history is the ImportBatch row (who, when, source,
counts) that each upserted incident points at, not a history row per incident; only a change of NSIR
code writes the incident a history row (the incident page shows the code over time)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from itertools import islice
from typing import Any

from django.db import DataError, IntegrityError, connection, transaction
from django.db.models import OuterRef, Subquery
from django.utils import timezone

from recording.models import Crime, ImportBatch, Incident, NsirCode
from recording.services.incidents import check_move, staging
from recording.services.incidents.rows import (
    CLEAN_FIELDS,
    CleanRow,
    IncidentFeedErrors,
    IncidentRowError,
    incident_row_clean,
    nsir_map,
)
from staffing.models import User

CHUNK_SIZE = staging.CHUNK_SIZE
MAX_API_INCIDENTS = 5000
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


@dataclass(frozen=True)
class ImportResult:
    created: int
    updated: int
    batch: ImportBatch


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
        check_move.fill_merge_source(
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
    return check_move.stored_references()


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


def copy_new(
    chunks: Iterable[Mapping[str, Sequence[Any]]], *, nsir: Mapping[str, tuple[int, bool]], batch: ImportBatch
) -> int | None:
    """New incidents in the usual forms, chunk by chunk (each a list per field), COPYed straight into the
    incident table (check_move.copy_as_is) in one savepoint and linked to the crimes they name; how many,
    or None, having written nothing, when a chunk is not as it is (staging.NotAsIs) or the table refuses a
    row (a bad one, a reference held already or repeated): the rows then take the longer road."""
    now = timezone.now()
    total = 0
    numbered = False
    try:
        with transaction.atomic():
            for by_field in chunks:
                if not check_move.copy_as_is(
                    by_field, columns=COPY_COLUMNS, nsir=nsir, batch_id=batch.pk, now=now
                ):
                    raise staging.NotAsIs("a check the table does not make")
                total += len(by_field["reference"])
                numbered = numbered or any(by_field["crime_number"])
            if numbered:
                check_move.link_numbered(batch.pk)
    except (staging.NotAsIs, DataError, IntegrityError):
        return None
    return total


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
                created = check_move.insert_new(
                    columns=COPY_COLUMNS, batch_id=batch.pk, now=now, checked=False
                )
        except (DataError, IntegrityError):
            created = None
    if created is None:
        check_move.check(
            clean=lambda row: incident_row_clean(row, nsir),
            codes={pk: code for code, (pk, _related) in nsir.items()},
            original=original,
            where=where,
            collect_all_errors=collect_all_errors,
            error=IncidentRowError,
            errors_of=IncidentFeedErrors,
        )
        created = check_move.moved(
            columns=COPY_COLUMNS,
            batch_id=batch.pk,
            now=now,
            held_lookup=lambda: _stored_references(staging.STAGED),
            merge=lambda held: _merge_staged(held, batch=batch, now=now),
        )
    return _finish(batch, total=check_move.counts()[0], created=created)


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
    PostgreSQL new incidents in the usual forms go by COPY (`copy_new`); others are staged as JSON read by
    the server (json_to_recordset) and checked and moved in SQL (recording.services.incidents.staging);
    they are held in memory meanwhile (a feed request of at most
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
    if as_is and (copied := copy_new([staging.by_field(items)], nsir=nsir, batch=batch)) is not None:
        return _finish(batch, total=copied, created=copied)
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
