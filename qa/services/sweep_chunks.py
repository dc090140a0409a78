"""One chunk of the unrecorded-incident sweep (qa.services.sweep runs them): a set-based statement on
PostgreSQL (a data-modifying CTE that writes the flags and their history rows without loading them into
Python), or the same chunk as portable ORM bulk operations with the same keyset and guards. Each is
called inside the sweep's per-chunk transaction."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.db import connection
from django.db.models import Q

from qa.models import UnrecordedFlag
from recording.models import Incident

SWEEP_REASON = (
    "Sweep: crime-related incident with no crime number after the grace period (R-NSIR-AUDIT-TRAIL)"
)
CLOSE_REASON = "Sweep: the incident now has a crime number (R-NSIR-AUDIT-TRAIL)"

Keyset = tuple[datetime, int]
# A close chunk's result: the last flag id it read, how many flags it read, the ids it closed.
CloseChunk = tuple[int | None, int, list[int]]


def _history_sql(source: str, history_type: str) -> str:
    """INSERT ... SELECT writing one history row per row of the CTE `source` (rows of the flag table):
    the rows bulk_history_create would write, without loading the flags into Python."""
    history = UnrecordedFlag.history.model
    tracked = ", ".join(
        connection.ops.quote_name(f.column)
        for f in history._meta.concrete_fields
        if not f.name.startswith("history_")
    )
    return f"""
        INSERT INTO {history._meta.db_table}
            ({tracked}, history_date, history_change_reason, history_type, history_user_id)
        SELECT {tracked}, %(now)s, %(reason)s, '{history_type}', NULL FROM {source}
    """  # noqa: S608 - names come from model metadata


def flag_chunk(
    *,
    now: datetime,
    cutoff: datetime,
    after: Keyset | None,
    size: int,
    since: datetime | None = None,
    opened_before: datetime | None = None,
) -> tuple[Keyset | None, int, int]:
    """Flag one chunk of incidents due a crime number by `cutoff` and write their history rows, in one
    statement. Without `since` the chunk walks them in opened order (opened_at, id); with `since` it
    walks those written since then and opened before `opened_before`, in written order (updated_at, id).
    Returns the keyset to continue from, how many incidents the chunk read and how many it flagged."""
    flag_table = UnrecordedFlag._meta.db_table
    incident_table = Incident._meta.db_table
    key = "updated_at" if since else "opened_at"
    conditions = ["i.crime_related", "i.crime_number IS NULL", "i.opened_at < %(cutoff)s"]
    params: dict[str, Any] = {"cutoff": cutoff, "size": size, "now": now, "reason": SWEEP_REASON}
    if since:
        conditions.append("i.updated_at >= %(since)s")
        params["since"] = since
    if opened_before:
        conditions.append("i.opened_at < %(opened_before)s")
        params["opened_before"] = opened_before
    if after:
        conditions.append(f"(i.{key}, i.id) > (%(after_key)s, %(after_id)s)")
        params.update(after_key=after[0], after_id=after[1])
    sql = f"""
        WITH candidates AS (
            SELECT i.id, i.opened_at, i.{key} AS k FROM {incident_table} i
            WHERE {" AND ".join(conditions)}
            ORDER BY i.{key}, i.id
            LIMIT %(size)s
        ), inserted AS (
            INSERT INTO {flag_table}
                (incident_id, incident_opened_at, flagged_at, status, resolved_crime_number, dismiss_reason,
                 escalation_note)
            SELECT c.id, c.opened_at, %(now)s, 'open', '', '', '' FROM candidates c
            WHERE NOT EXISTS (SELECT 1 FROM {flag_table} f WHERE f.incident_id = c.id)
            ON CONFLICT DO NOTHING
            RETURNING *
        ), logged AS ({_history_sql("inserted", "+")})
        SELECT
            (SELECT k FROM candidates ORDER BY k DESC, id DESC LIMIT 1),
            (SELECT id FROM candidates ORDER BY k DESC, id DESC LIMIT 1),
            (SELECT count(*) FROM candidates),
            (SELECT count(*) FROM inserted)
    """  # noqa: S608 - table names come from model metadata; values are bound parameters
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        last_key, last_id, seen, inserted = cursor.fetchone()
    return (last_key, last_id) if seen else None, seen, int(inserted)


def close_open_chunk(*, now: datetime, after: int, upto: int, size: int) -> tuple[int | None, int, list[int]]:
    """Resolve, in one statement, the open flags of one chunk (flag ids in (after, upto]) whose incident
    now has a crime number, with their history rows. Returns the last flag id read, how many flags the
    chunk read and the ids it closed."""
    flag_table = UnrecordedFlag._meta.db_table
    incident_table = Incident._meta.db_table
    # The incident is looked up by primary key per flag of the chunk (LATERAL ... LIMIT 1 keeps the planner
    # from hash-joining the chunk against every incident that has a crime number, which grows with the
    # whole log: ~0.5 s a chunk at 2 million incidents).
    sql = f"""
        WITH chunk AS MATERIALIZED (
            SELECT f.id, f.incident_id FROM {flag_table} f
            WHERE f.status = 'open' AND f.id > %(after)s AND f.id <= %(upto)s
            ORDER BY f.id LIMIT %(size)s
        ), recorded AS MATERIALIZED (
            SELECT c.id, i.crime_number FROM chunk c
            CROSS JOIN LATERAL (
                SELECT crime_number FROM {incident_table} WHERE id = c.incident_id LIMIT 1
            ) i
            WHERE i.crime_number IS NOT NULL AND i.crime_number <> ''
        ), closed AS (
            UPDATE {flag_table} f
            SET status = 'resolved', closed_at = %(now)s, resolved_crime_number = r.crime_number
            FROM recorded r
            WHERE f.id = r.id AND f.status = 'open'
            RETURNING f.*
        ), logged AS ({_history_sql("closed", "~")})
        SELECT (SELECT max(id) FROM chunk), (SELECT count(*) FROM chunk), ARRAY(SELECT id FROM closed)
    """  # noqa: S608 - table names come from model metadata; values are bound parameters
    params: dict[str, Any] = {"after": after, "upto": upto, "size": size, "now": now, "reason": CLOSE_REASON}
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        last_id, seen, closed = cursor.fetchone()
    return last_id, seen, list(closed or [])


def close_changed_chunk(
    *, now: datetime, since: datetime, after: Keyset | None, size: int
) -> tuple[Keyset | None, int, list[int]]:
    """Resolve, in one statement, the open flags of incidents written since `since` (one chunk of them,
    in written order) that now have a crime number, with their history rows."""
    flag_table = UnrecordedFlag._meta.db_table
    incident_table = Incident._meta.db_table
    keyset = "AND (i.updated_at, i.id) > (%(after_at)s, %(after_id)s)" if after else ""
    sql = f"""
        WITH changed AS MATERIALIZED (
            SELECT i.id, i.updated_at, i.crime_number FROM {incident_table} i
            WHERE i.updated_at >= %(since)s {keyset}
            ORDER BY i.updated_at, i.id
            LIMIT %(size)s
        ), closed AS (
            UPDATE {flag_table} f
            SET status = 'resolved', closed_at = %(now)s, resolved_crime_number = c.crime_number
            FROM changed c
            WHERE f.incident_id = c.id AND f.status = 'open'
              AND c.crime_number IS NOT NULL AND c.crime_number <> ''
            RETURNING f.*
        ), logged AS ({_history_sql("closed", "~")})
        SELECT
            (SELECT updated_at FROM changed ORDER BY updated_at DESC, id DESC LIMIT 1),
            (SELECT id FROM changed ORDER BY updated_at DESC, id DESC LIMIT 1),
            (SELECT count(*) FROM changed),
            ARRAY(SELECT id FROM closed)
    """  # noqa: S608 - table names come from model metadata; values are bound parameters
    params: dict[str, Any] = {"since": since, "size": size, "now": now, "reason": CLOSE_REASON}
    if after:
        params.update(after_at=after[0], after_id=after[1])
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        last_at, last_id, seen, closed = cursor.fetchone()
    return (last_at, last_id) if seen else None, seen, list(closed or [])


def flag_chunk_portable(
    *, now: datetime, cutoff: datetime, after: Keyset | None, size: int
) -> tuple[Keyset | None, int, int]:
    """The same chunk with ORM bulk operations, for databases without data-modifying CTEs (the SQLite
    demo). Same keyset, same NOT EXISTS, same partial index; the unique constraint still guards."""
    candidates = Incident.objects.filter(crime_related=True, crime_number__isnull=True, opened_at__lt=cutoff)
    if after:
        candidates = candidates.filter(Q(opened_at__gt=after[0]) | Q(opened_at=after[0], pk__gt=after[1]))
    rows = list(candidates.order_by("opened_at", "pk").values_list("opened_at", "pk")[:size])
    if not rows:
        return None, 0, 0
    flagged = set(
        UnrecordedFlag.objects.filter(incident_id__in=[pk for _, pk in rows]).values_list(
            "incident_id", flat=True
        )
    )
    created = UnrecordedFlag.objects.bulk_create(
        [
            UnrecordedFlag(incident_id=pk, incident_opened_at=opened_at, flagged_at=now)
            for opened_at, pk in rows
            if pk not in flagged
        ]
    )
    _record_history_portable([flag.pk for flag in created], reason=SWEEP_REASON, now=now)
    return rows[-1], len(rows), len(created)


def close_chunk_portable(
    *, now: datetime, after: int, upto: int, size: int
) -> tuple[int | None, int, list[int]]:
    chunk = list(
        UnrecordedFlag.objects.filter(status=UnrecordedFlag.Status.OPEN, pk__gt=after, pk__lte=upto)
        .order_by("pk")
        .values_list("pk", "incident__crime_number")[:size]
    )
    closing = [(pk, number) for pk, number in chunk if number]
    flags = list(UnrecordedFlag.objects.filter(pk__in=[pk for pk, _ in closing]))
    numbers = dict(closing)
    for flag in flags:
        flag.status = UnrecordedFlag.Status.RESOLVED
        flag.closed_at = now
        flag.resolved_crime_number = numbers[flag.pk]
    UnrecordedFlag.objects.bulk_update(flags, ["status", "closed_at", "resolved_crime_number"])
    _record_history_portable([flag.pk for flag in flags], reason=CLOSE_REASON, now=now)
    return (chunk[-1][0] if chunk else None), len(chunk), [flag.pk for flag in flags]


def _record_history_portable(ids: list[int], *, reason: str, now: datetime) -> None:
    if ids:
        flags = list(UnrecordedFlag.objects.filter(pk__in=ids))
        UnrecordedFlag.history.bulk_history_create(flags, default_change_reason=reason, default_date=now)
