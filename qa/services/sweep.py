"""The unrecorded-incident sweep (R-NSIR-AUDIT-TRAIL) and the sergeant's actions on its flags.

Cost and indexes. The sweep never walks the incident table: it reads recording's partial index
`incident_unrecorded_idx` on Incident(opened_at) WHERE crime_related AND crime_number IS NULL, so the
work grows with the incidents that can still be flagged (crime-related, no crime number), not with the
whole log. Closing walks qa's partial index `qa_flag_open_idx` on UnrecordedFlag(id) WHERE status='open',
so it grows with the open flags. Both passes are set-based SQL (INSERT ... SELECT ... WHERE NOT EXISTS
and UPDATE ... FROM) over keyset chunks, each chunk in its own transaction: an interrupted sweep keeps
what it committed, and a rerun picks up the rest without duplicating (NOT EXISTS + the partial unique
constraint `qa_one_open_flag_per_incident` + ON CONFLICT DO NOTHING). On databases without data-modifying
CTEs (the SQLite demo) the same chunks run as ORM bulk operations with the same keyset and guards.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Q
from django.utils import timezone

from config.exceptions import DomainError
from qa import rules
from qa.models import UnrecordedFlag
from qa.services.allocation import allocate_to
from recording.models import Crime, Incident, NsirCode
from staffing.models import User
from staffing.services import allocation_finish, allocation_finish_many

logger = logging.getLogger(__name__)

# 5,000 rows a chunk: a repeat run over 30,000 open flags took 0.3 s instead of 1.1 s with 1,000 (each chunk
# is a transaction, and its commit dominates); memory stays flat because the chunk never leaves SQL.
SWEEP_CHUNK_SIZE = 5000
SWEEP_REASON = (
    "Sweep: crime-related incident with no crime number after the grace period (R-NSIR-AUDIT-TRAIL)"
)
CLOSE_REASON = "Sweep: the incident now has a crime number (R-NSIR-AUDIT-TRAIL)"


@dataclass(frozen=True)
class SweepResult:
    flagged: int
    closed: int
    open: int
    complete: bool


# Hook for tests: called after each committed chunk, so a test can interrupt the sweep half-way.
after_chunk: Callable[[str, int], None] | None = None
# PostgreSQL runs each chunk as one statement (data-modifying CTE); other databases (the SQLite demo) use
# the portable ORM chunk. Tests run both against PostgreSQL by switching this.
FORCE_PORTABLE = False


def _set_based_sql() -> bool:
    return connection.vendor == "postgresql" and not FORCE_PORTABLE


def _flag_chunk(
    *, now: datetime, cutoff: datetime, after: tuple[datetime, int] | None, size: int
) -> tuple[tuple[datetime, int] | None, int, list[int]]:
    flag_table = UnrecordedFlag._meta.db_table
    incident_table = Incident._meta.db_table
    keyset = "AND (i.opened_at, i.id) > (%(after_at)s, %(after_id)s)" if after else ""
    sql = f"""
        WITH candidates AS (
            SELECT i.id, i.opened_at FROM {incident_table} i
            WHERE i.crime_related AND i.crime_number IS NULL AND i.opened_at < %(cutoff)s {keyset}
            ORDER BY i.opened_at, i.id
            LIMIT %(size)s
        ), inserted AS (
            INSERT INTO {flag_table}
                (incident_id, incident_opened_at, flagged_at, status, resolved_crime_number, dismiss_reason,
                 escalation_note)
            SELECT c.id, c.opened_at, %(now)s, 'open', '', '', '' FROM candidates c
            WHERE NOT EXISTS (SELECT 1 FROM {flag_table} f WHERE f.incident_id = c.id)
            ON CONFLICT DO NOTHING
            RETURNING id
        )
        SELECT
            (SELECT opened_at FROM candidates ORDER BY opened_at DESC, id DESC LIMIT 1),
            (SELECT id FROM candidates ORDER BY opened_at DESC, id DESC LIMIT 1),
            (SELECT count(*) FROM candidates),
            ARRAY(SELECT id FROM inserted)
    """  # noqa: S608 - table names come from model metadata; values are bound parameters
    params: dict[str, datetime | int] = {"cutoff": cutoff, "size": size, "now": now}
    if after:
        params.update(after_at=after[0], after_id=after[1])
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        last_at, last_id, seen, inserted = cursor.fetchone()
    return (last_at, last_id) if seen else None, seen, list(inserted or [])


def _close_chunk(*, now: datetime, after: int, size: int) -> tuple[int | None, int, list[int]]:
    flag_table = UnrecordedFlag._meta.db_table
    incident_table = Incident._meta.db_table
    # The incident is looked up by primary key per flag of the chunk (LATERAL ... LIMIT 1 keeps the planner
    # from hash-joining the chunk against every incident that has a crime number, which grows with the
    # whole log: ~0.5 s a chunk at 2 million incidents).
    sql = f"""
        WITH chunk AS MATERIALIZED (
            SELECT f.id, f.incident_id FROM {flag_table} f WHERE f.status = 'open' AND f.id > %(after)s
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
            RETURNING f.id
        )
        SELECT (SELECT max(id) FROM chunk), (SELECT count(*) FROM chunk), ARRAY(SELECT id FROM closed)
    """  # noqa: S608 - table names come from model metadata; values are bound parameters
    with connection.cursor() as cursor:
        cursor.execute(sql, {"after": after, "size": size, "now": now})
        last_id, seen, closed = cursor.fetchone()
    return last_id, seen, list(closed or [])


def _flag_chunk_portable(
    *, now: datetime, cutoff: datetime, after: tuple[datetime, int] | None, size: int
) -> tuple[tuple[datetime, int] | None, int, list[int]]:
    """The same chunk with ORM bulk operations, for databases without data-modifying CTEs (the SQLite
    demo). Same keyset, same NOT EXISTS, same partial index; the unique constraint still guards."""
    candidates = Incident.objects.filter(crime_related=True, crime_number__isnull=True, opened_at__lt=cutoff)
    if after:
        candidates = candidates.filter(Q(opened_at__gt=after[0]) | Q(opened_at=after[0], pk__gt=after[1]))
    rows = list(candidates.order_by("opened_at", "pk").values_list("opened_at", "pk")[:size])
    if not rows:
        return None, 0, []
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
    return rows[-1], len(rows), [flag.pk for flag in created]


def _close_chunk_portable(*, now: datetime, after: int, size: int) -> tuple[int | None, int, list[int]]:
    chunk = list(
        UnrecordedFlag.objects.filter(status=UnrecordedFlag.Status.OPEN, pk__gt=after)
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
    return (chunk[-1][0] if chunk else None), len(chunk), [flag.pk for flag in flags]


def _record_history(ids: list[int], *, reason: str, now: datetime) -> None:
    """One history row per flag written or closed, copied by one INSERT ... SELECT (the same rows
    bulk_history_create writes, without loading the flags into Python)."""
    if not ids:
        return
    if not _set_based_sql():
        flags = list(UnrecordedFlag.objects.filter(pk__in=ids))
        UnrecordedFlag.history.bulk_history_create(flags, default_change_reason=reason, default_date=now)
        return
    history = UnrecordedFlag.history.model
    tracked = ", ".join(
        connection.ops.quote_name(f.column)
        for f in history._meta.concrete_fields
        if not f.name.startswith("history_")
    )
    sql = f"""
        INSERT INTO {history._meta.db_table}
            ({tracked}, history_date, history_change_reason, history_type, history_user_id)
        SELECT {tracked}, %s, %s, '+', NULL FROM {UnrecordedFlag._meta.db_table} WHERE id = ANY(%s)
    """  # noqa: S608 - names come from model metadata; values are bound parameters
    with connection.cursor() as cursor:
        cursor.execute(sql, [now, reason, ids])


def sweep_unrecorded(
    *, now: datetime | None = None, chunk_size: int | None = None, max_chunks: int | None = None
) -> SweepResult:
    """Flag every crime-related incident with no crime number opened more than
    RESOLVE_SWEEP_GRACE_HOURS ago, and resolve open flags whose incident now has a crime number.
    Idempotent; commits per chunk; `max_chunks` stops early (the next run carries on)."""
    now = now or timezone.now()
    chunk_size = chunk_size or int(getattr(settings, "RESOLVE_SWEEP_CHUNK_SIZE", SWEEP_CHUNK_SIZE))
    cutoff = rules.sweep_cutoff(now, settings.RESOLVE_SWEEP_GRACE_HOURS)
    chunks = 0
    flagged = closed = 0
    complete = True

    after: tuple[datetime, int] | None = None
    while True:
        if max_chunks is not None and chunks >= max_chunks:
            complete = False
            break
        with transaction.atomic():
            flag_chunk = _flag_chunk if _set_based_sql() else _flag_chunk_portable
            after, seen, inserted = flag_chunk(now=now, cutoff=cutoff, after=after, size=chunk_size)
            _record_history(inserted, reason=SWEEP_REASON, now=now)
        chunks += 1
        flagged += len(inserted)
        if after_chunk is not None:
            after_chunk("flag", len(inserted))
        if seen < chunk_size:
            break

    if flagged > chunk_size and _set_based_sql():
        # Thousands of new rows since autovacuum last looked: refresh the planner's statistics before the
        # close pass, or it plans for an empty table and joins every open flag with every chunk row.
        with connection.cursor() as cursor:
            cursor.execute(f"ANALYZE {UnrecordedFlag._meta.db_table}")

    last_flag = 0
    while complete:
        if max_chunks is not None and chunks >= max_chunks:
            complete = False
            break
        with transaction.atomic():
            close_chunk = _close_chunk if _set_based_sql() else _close_chunk_portable
            last, seen, done = close_chunk(now=now, after=last_flag, size=chunk_size)
            _record_history(done, reason=CLOSE_REASON, now=now)
            allocation_finish_many(model=UnrecordedFlag, ids=done, reason=CLOSE_REASON)
        chunks += 1
        closed += len(done)
        if after_chunk is not None:
            after_chunk("close", len(done))
        if seen < chunk_size or last is None:
            break
        last_flag = last

    open_count = UnrecordedFlag.objects.filter(status=UnrecordedFlag.Status.OPEN).count()
    logger.info(
        "sweep_unrecorded: flagged=%s closed=%s open=%s complete=%s", flagged, closed, open_count, complete
    )
    return SweepResult(flagged=flagged, closed=closed, open=open_count, complete=complete)


# ---------------------------------------------------------------- a sergeant's actions on a flag
def _open_flag(flag_id: int) -> UnrecordedFlag:
    flag = UnrecordedFlag.objects.select_for_update().select_related("incident").get(pk=flag_id)
    if flag.status != UnrecordedFlag.Status.OPEN:
        raise DomainError(f"This flag is already {flag.get_status_display().lower()}.", field="status")
    return flag


@transaction.atomic
def flag_assign(*, flag_id: int, investigator: User, actor: User, reason: str = "") -> UnrecordedFlag:
    """Give the flag to an investigator through staffing's allocation service (Skill.UNRECORDED_FLAGS),
    so the flag's `assigned_to` and its open Allocation agree and the investigator's workload counts it.
    Someone the staffing rules would not choose (no valid training, off shift, at capacity) needs a
    sergeant's reason; nothing is changed when refused."""
    if investigator.role != User.Role.INVESTIGATOR or not investigator.is_active:
        raise DomainError("Choose an active investigator.", field="assigned_to")
    flag = _open_flag(flag_id)
    flag.assigned_to = investigator
    flag._change_reason = f"Assigned to {investigator} by {actor}"  # type: ignore[attr-defined]
    flag.save(update_fields=["assigned_to"])
    try:
        allocate_to(item=flag, assignee=investigator, actor=actor, reason=reason)
    except DomainError as exc:
        raise DomainError(exc.message, field="reason" if exc.field == "assignee" else exc.field) from exc
    return flag


@transaction.atomic
def flag_resolve(*, flag_id: int, crime_number: str, actor: User) -> UnrecordedFlag:
    crime_number = crime_number.strip()
    if not crime_number:
        raise DomainError("Give the crime number that was recorded.", field="crime_number")
    if not Crime.objects.filter(crime_number=crime_number).exists():
        raise DomainError(f"No crime {crime_number} is recorded.", field="crime_number")
    flag = _open_flag(flag_id)
    flag.status = UnrecordedFlag.Status.RESOLVED
    flag.resolved_crime_number = crime_number
    flag.closed_at = timezone.now()
    flag.closed_by = actor
    flag._change_reason = f"Resolved by {actor}: crime {crime_number} recorded"  # type: ignore[attr-defined]
    flag.save(update_fields=["status", "resolved_crime_number", "closed_at", "closed_by"])
    allocation_finish(item=flag, actor=actor)
    return flag


@transaction.atomic
def flag_dismiss(*, flag_id: int, reason: str, closing_nsir_code: str, actor: User) -> UnrecordedFlag:
    """Close a flag with a written reason that shows the NCRS was not breached (R-NSIR-AUDIT-TRAIL), e.g.
    the incident was not crime-related after all, with its NSIR closing code."""
    reason = reason.strip()
    if not reason:
        raise DomainError("Say why no crime needs recording.", field="reason")
    code = NsirCode.objects.filter(code=closing_nsir_code.strip()).first()
    if code is None:
        raise DomainError("Choose the NSIR closing code.", field="closing_nsir_code")
    if code.crime_related:
        raise DomainError(
            "A crime-related closing code means a crime must be recorded: "
            "resolve the flag with its crime number instead.",
            field="closing_nsir_code",
        )
    flag = _open_flag(flag_id)
    flag.status = UnrecordedFlag.Status.DISMISSED
    flag.dismiss_reason = reason
    flag.closing_nsir_code = code
    flag.closed_at = timezone.now()
    flag.closed_by = actor
    flag._change_reason = f"Dismissed by {actor}: {reason}"  # type: ignore[attr-defined]
    flag.full_clean()
    flag.save(update_fields=["status", "dismiss_reason", "closing_nsir_code", "closed_at", "closed_by"])
    allocation_finish(item=flag, actor=actor)
    return flag


@transaction.atomic
def flag_escalate(*, flag_id: int, note: str, actor: User) -> UnrecordedFlag:
    """Send the flag to the control room with a note; it stays open until a crime or a reason closes it."""
    note = note.strip()
    if not note:
        raise DomainError("Write a note for the control room.", field="note")
    flag = _open_flag(flag_id)
    flag.escalated_at = timezone.now()
    flag.escalation_note = note
    flag._change_reason = f"Escalated to the control room by {actor}: {note}"  # type: ignore[attr-defined]
    flag.save(update_fields=["escalated_at", "escalation_note"])
    return flag
