"""The unrecorded-incident sweep (R-NSIR-AUDIT-TRAIL). The sergeant's actions on its flags are in
qa.services.flags.

Full and incremental runs. A full run walks every incident that can still be flagged and every open
flag. Between full runs (at least one every RESOLVE_SWEEP_FULL_EVERY_HOURS) a run is incremental: it
reads only what can have changed since the last complete run (qa.models.SweepRun) — incidents whose
grace period ended since then (opened_at in [last cutoff, this cutoff)), and incidents written since the
last run's `changes_from` (a late feed row, an incident that lost its crime number, one that gained
one). `changes_from` is the start of that run or of the oldest transaction then open, whichever was
earlier, less RESOLVE_SWEEP_OVERLAP_MINUTES for clock skew: a feed transaction still open when a run
starts commits rows with updated_at after its own start, so the next run still reads them. Every
service that changes an incident's crime number or NSIR code writes updated_at (the feed upsert, crime
recording); the daily full run is the backstop for anything that did not.

Cost and indexes. The full flag pass reads recording's partial index `incident_unrecorded_idx` on
Incident(opened_at) WHERE crime_related AND crime_number IS NULL, so it grows with the incidents that
can still be flagged, not the whole log; the full close pass walks qa's partial index `qa_flag_open_idx`
on the flags open before the run began (flags this run made were just seen without a crime number).
Incremental passes read `incident_unrecorded_idx` over the new window and `incident_updated_idx`
(updated_at, id) over the changes, so a repeat run with nothing new costs a few index probes. Each pass
is set-based SQL over keyset chunks — one statement per chunk writes the flags and their history rows —
and each chunk commits on its own: an interrupted sweep keeps what it committed, and a rerun picks up the
rest without duplicating (NOT EXISTS + the partial unique constraint `qa_one_open_flag_per_incident` +
ON CONFLICT DO NOTHING). On databases without data-modifying CTEs (the SQLite demo) every run is full
and the same chunks run as ORM bulk operations with the same keyset and guards. The chunks themselves
(both kinds) are qa.services.sweep_chunks; the runs, their passes and their clock are here.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Max
from django.utils import timezone

from config.statistics import analyse_after_bulk_write
from qa import rules
from qa.models import SweepRun, UnrecordedFlag
from qa.services.sweep_chunks import (
    CLOSE_REASON,
    Keyset,
    close_changed_chunk,
    close_chunk_portable,
    close_open_chunk,
    flag_chunk,
    flag_chunk_portable,
)
from staffing.services import allocation_finish_many

logger = logging.getLogger(__name__)

# 20,000 rows a chunk: the first full run over 300,000 candidates took 1.26x one INSERT ... SELECT instead
# of 1.66x with 5,000 (each chunk is a transaction with its own keyset seek and commit; bench/, issue 9).
# Memory stays flat because the chunk never leaves SQL; a chunk holds its locks for about a second.
SWEEP_CHUNK_SIZE = 20_000


@dataclass(frozen=True)
class SweepResult:
    flagged: int
    closed: int
    open: int
    complete: bool
    full: bool = True


# Hook for tests: called after each committed chunk, so a test can interrupt the sweep half-way.
after_chunk: Callable[[str, int], None] | None = None
# PostgreSQL runs each chunk as one statement (data-modifying CTE); other databases (the SQLite demo) use
# the portable ORM chunk. Tests run both against PostgreSQL by switching this.
FORCE_PORTABLE = False


def _set_based_sql() -> bool:
    return connection.vendor == "postgresql" and not FORCE_PORTABLE


def _clock_and_changes_from() -> tuple[datetime, datetime]:
    """The database's clock now, and where the next incremental run must start reading changes: now or
    the start of the oldest transaction still open on this database, whichever is earlier, less the
    overlap for clock skew. (A role sees other sessions' xact_start only for its own sessions or with
    pg_read_all_stats: Resolve's processes share one role.)"""
    overlap = timedelta(minutes=int(settings.RESOLVE_SWEEP_OVERLAP_MINUTES))
    if connection.vendor != "postgresql":
        now = timezone.now()
        return now, now - overlap
    with connection.cursor() as cursor:
        # Activity statistics are a snapshot kept until the transaction ends: drop it, or a run called
        # inside a transaction would read the sessions as they were at its first look.
        cursor.execute("SELECT pg_stat_clear_snapshot()")
        cursor.execute(
            "SELECT clock_timestamp(), LEAST(clock_timestamp(), ("
            "  SELECT min(xact_start) FROM pg_stat_activity"
            "  WHERE datname = current_database() AND pid <> pg_backend_pid() AND xact_start IS NOT NULL"
            "))"
        )
        now, oldest = cursor.fetchone()
    return now, oldest - overlap


def _previous_runs() -> tuple[SweepRun | None, datetime | None]:
    complete = SweepRun.objects.filter(complete=True)
    last = complete.order_by("-started_at").first()
    last_full = (
        complete.filter(full=True).order_by("-started_at").values_list("started_at", flat=True).first()
    )
    return last, last_full


class _Budget:
    """Counts chunks across the passes of one run; `max_chunks` stops the run early."""

    def __init__(self, max_chunks: int | None) -> None:
        self.max_chunks = max_chunks
        self.used = 0

    def spent(self) -> bool:
        return self.max_chunks is not None and self.used >= self.max_chunks


def _flag_pass(
    *, now: datetime, cutoff: datetime, size: int, budget: _Budget, start: Keyset | None = None,
    since: datetime | None = None, opened_before: datetime | None = None,
) -> tuple[int, bool]:  # fmt: skip
    """Flag in chunks until the candidates run out; returns (flagged, finished)."""
    flagged = 0
    after = start
    while True:
        if budget.spent():
            return flagged, False
        with transaction.atomic():
            if _set_based_sql():
                after, seen, inserted = flag_chunk(
                    now=now, cutoff=cutoff, after=after, size=size, since=since, opened_before=opened_before
                )
            else:
                after, seen, inserted = flag_chunk_portable(now=now, cutoff=cutoff, after=after, size=size)
        budget.used += 1
        flagged += inserted
        if after_chunk is not None:
            after_chunk("flag", inserted)
        if seen < size:
            return flagged, True


def _close_pass(
    *, now: datetime, size: int, budget: _Budget, upto: int | None = None, since: datetime | None = None
) -> tuple[int, bool]:
    """Resolve, in chunks, open flags whose incident has a crime number: every flag up to id `upto`, or
    the flags of incidents written since `since`. Returns (closed, finished)."""
    closed = 0
    after_flag = 0
    after_change: Keyset | None = None
    while True:
        if budget.spent():
            return closed, False
        with transaction.atomic():
            if since is not None:
                after_change, seen, done = close_changed_chunk(
                    now=now, since=since, after=after_change, size=size
                )
            else:
                close_chunk = close_open_chunk if _set_based_sql() else close_chunk_portable
                last, seen, done = close_chunk(now=now, after=after_flag, upto=upto or 0, size=size)
                after_flag = last if last is not None else after_flag
            allocation_finish_many(model=UnrecordedFlag, ids=done, reason=CLOSE_REASON)
        budget.used += 1
        closed += len(done)
        if after_chunk is not None:
            after_chunk("close", len(done))
        if seen < size:  # a short chunk (or an empty one) was the last
            return closed, True


def sweep_unrecorded(
    *,
    now: datetime | None = None,
    chunk_size: int | None = None,
    max_chunks: int | None = None,
    full: bool = False,
) -> SweepResult:
    """Flag every crime-related incident with no crime number opened more than
    RESOLVE_SWEEP_GRACE_HOURS ago, and resolve open flags whose incident now has a crime number.
    Incremental since the last complete run unless `full`, the last full run is older than
    RESOLVE_SWEEP_FULL_EVERY_HOURS, or there is none. Idempotent; commits per chunk; `max_chunks` stops
    early (the next run carries on: an unfinished run is never a watermark)."""
    now = now or timezone.now()
    size = chunk_size or int(getattr(settings, "RESOLVE_SWEEP_CHUNK_SIZE", SWEEP_CHUNK_SIZE))
    cutoff = rules.sweep_cutoff(now, settings.RESOLVE_SWEEP_GRACE_HOURS)
    clock, changes_from = _clock_and_changes_from()
    last, last_full = _previous_runs()
    full_every = timedelta(hours=int(settings.RESOLVE_SWEEP_FULL_EVERY_HOURS))
    full = (
        full
        or not _set_based_sql()
        or last is None
        or last_full is None
        or last_full < clock - full_every
        or cutoff < last.cutoff
    )
    run = SweepRun.objects.create(
        started_at=clock,
        full=full,
        cutoff=cutoff,
        since=None if full or last is None else last.changes_from,
        changes_from=changes_from,
    )
    budget = _Budget(max_chunks)
    if full:
        upto = UnrecordedFlag.objects.aggregate(top=Max("pk"))["top"] or 0
        flagged, finished = _flag_pass(now=now, cutoff=cutoff, size=size, budget=budget)
        if finished:
            # Many new rows since the statistics were taken (the first full run into an empty table above
            # all): refresh them before the close pass and the sergeant's queue plan for the table as it is.
            analyse_after_bulk_write(UnrecordedFlag, flagged)
        closed = 0
        if finished:
            closed, finished = _close_pass(now=now, size=size, budget=budget, upto=upto)
    else:
        assert last is not None and run.since is not None  # noqa: S101 - an incremental run has both
        # The grace period ended since the last run for incidents opened in [last cutoff, cutoff).
        flagged, finished = _flag_pass(
            now=now, cutoff=cutoff, size=size, budget=budget, start=(last.cutoff, 0)
        )
        closed = 0
        if finished:
            # Written since the last run and already due then: a late feed row, one that lost its number.
            more, finished = _flag_pass(
                now=now, cutoff=cutoff, size=size, budget=budget, since=run.since, opened_before=last.cutoff
            )
            flagged += more
        if finished:
            analyse_after_bulk_write(UnrecordedFlag, flagged)  # a big import between full runs
            closed, finished = _close_pass(now=now, size=size, budget=budget, since=run.since)

    open_count = UnrecordedFlag.objects.filter(status=UnrecordedFlag.Status.OPEN).count()
    run.flagged, run.closed, run.open_after, run.complete = flagged, closed, open_count, finished
    run.finished_at = timezone.now()
    run.save(update_fields=["flagged", "closed", "open_after", "complete", "finished_at"])
    logger.info(
        "sweep_unrecorded: full=%s flagged=%s closed=%s open=%s complete=%s",
        full, flagged, closed, open_count, finished,
    )  # fmt: skip
    return SweepResult(flagged=flagged, closed=closed, open=open_count, complete=finished, full=full)
