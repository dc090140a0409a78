"""The unrecorded-incident sweep (R-NSIR-AUDIT-TRAIL; contract "Unrecorded crime-related incidents")."""

from __future__ import annotations

from datetime import timedelta
from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command
from django.utils import timezone

from config.statistics import ANALYZE_MIN_ROWS
from conftest import as_never_analysed
from qa.models import SweepRun, UnrecordedFlag
from qa.services import sweep
from qa.tests.factories import make_incident
from recording.models import Incident

pytestmark = pytest.mark.usefixtures("reference_data")


@pytest.fixture(autouse=True, params=["set-based-sql", "portable-orm"])
def implementation(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Every sweep test runs against both chunk implementations (PostgreSQL CTE and the portable one)."""
    monkeypatch.setattr(sweep, "FORCE_PORTABLE", request.param == "portable-orm")
    return str(request.param)


def open_incident_ids() -> list[int]:
    return sorted(UnrecordedFlag.objects.filter(status="open").values_list("incident_id", flat=True))


def test_it_flags_only_crime_related_incidents_without_a_number_past_the_grace_period(settings: Any) -> None:
    settings.RESOLVE_SWEEP_GRACE_HOURS = 24
    now = timezone.now()
    late = make_incident(opened_at=now - timedelta(hours=25))
    make_incident(opened_at=now - timedelta(hours=23))  # still inside the grace period
    make_incident(opened_at=now - timedelta(hours=30), crime_number="XX/1")  # recorded
    make_incident(nsir="ASB-NOISE", opened_at=now - timedelta(hours=30))  # not crime-related
    result = sweep.sweep_unrecorded(now=now)
    assert result.flagged == 1
    assert result.open == 1
    assert open_incident_ids() == [late.pk]


def test_the_grace_period_comes_from_settings(settings: Any) -> None:
    settings.RESOLVE_SWEEP_GRACE_HOURS = 2
    now = timezone.now()
    incident = make_incident(opened_at=now - timedelta(hours=3))
    sweep.sweep_unrecorded(now=now)
    assert open_incident_ids() == [incident.pk]


def test_running_the_sweep_twice_never_duplicates_a_flag() -> None:
    for _ in range(3):
        make_incident()
    first = sweep.sweep_unrecorded()
    second = sweep.sweep_unrecorded()
    assert (first.flagged, second.flagged) == (3, 0)
    assert UnrecordedFlag.objects.count() == 3
    assert UnrecordedFlag.history.count() == 3  # type: ignore[attr-defined]


def test_a_flag_closes_by_itself_once_the_incident_has_a_crime_number() -> None:
    incident = make_incident()
    sweep.sweep_unrecorded()
    incident.crime_number = "XX/2026/000123"
    incident.save(update_fields=["crime_number", "updated_at"])
    result = sweep.sweep_unrecorded()
    flag = UnrecordedFlag.objects.get()
    assert result.closed == 1
    assert result.open == 0
    assert flag.status == UnrecordedFlag.Status.RESOLVED
    assert flag.resolved_crime_number == "XX/2026/000123"
    assert flag.closed_at is not None
    assert flag.history.first().history_change_reason == sweep.CLOSE_REASON  # type: ignore[attr-defined]


def test_a_dismissed_flag_is_not_raised_again() -> None:
    make_incident()
    sweep.sweep_unrecorded()
    flag = UnrecordedFlag.objects.get()
    flag.status = UnrecordedFlag.Status.DISMISSED
    flag.dismiss_reason = "Not crime-related"
    flag.save()
    assert sweep.sweep_unrecorded().flagged == 0
    assert UnrecordedFlag.objects.count() == 1


def test_a_sweep_interrupted_half_way_and_run_again_leaves_exactly_the_right_flags() -> None:
    now = timezone.now()
    expected = sorted(make_incident(opened_at=now - timedelta(hours=30 + i)).pk for i in range(7))
    recorded = make_incident(opened_at=now - timedelta(hours=40))
    sweep.sweep_unrecorded(now=now)
    recorded.crime_number = "XX/9"
    recorded.save(update_fields=["crime_number", "updated_at"])
    # Stop after two chunks of two: some incidents are flagged, the rest and the closing are not.
    partial = sweep.sweep_unrecorded(now=now, chunk_size=2, max_chunks=2)
    assert partial.complete is False
    full = sweep.sweep_unrecorded(now=now, chunk_size=2)
    assert full.complete is True
    assert open_incident_ids() == expected
    assert UnrecordedFlag.objects.filter(incident=recorded, status="resolved").count() == 1
    assert UnrecordedFlag.objects.count() == 8


def test_a_sweep_that_crashes_mid_way_keeps_its_committed_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    now = timezone.now()
    expected = sorted(make_incident(opened_at=now - timedelta(hours=30 + i)).pk for i in range(5))
    calls: list[int] = []

    def crash_after_first(kind: str, n: int) -> None:
        calls.append(n)
        if len(calls) == 1:
            raise RuntimeError("worker lost")

    monkeypatch.setattr(sweep, "after_chunk", crash_after_first)
    with pytest.raises(RuntimeError):
        sweep.sweep_unrecorded(now=now, chunk_size=2)
    assert UnrecordedFlag.objects.count() == 2  # the first chunk was committed
    monkeypatch.setattr(sweep, "after_chunk", None)
    sweep.sweep_unrecorded(now=now, chunk_size=2)
    assert open_incident_ids() == expected


def test_the_command_prints_the_number_of_open_flags_last() -> None:
    make_incident()
    make_incident()
    out = StringIO()
    call_command("sweep_unrecorded", stdout=out)
    assert out.getvalue().strip().splitlines()[-1] == "2"


def test_the_sweep_query_can_use_the_partial_index_not_the_table() -> None:
    """The candidate scan matches recording's partial index (crime_related AND crime_number IS NULL), so
    its cost grows with incidents that can still be flagged. Seq scans are disabled so the tiny test
    table cannot hide whether the index is usable at all."""
    from django.db import connection, transaction

    from recording.models import Incident

    make_incident()
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(
            f"EXPLAIN SELECT i.id FROM {Incident._meta.db_table} i "  # noqa: S608
            "WHERE i.crime_related AND i.crime_number IS NULL AND i.opened_at < now() "
            "ORDER BY i.opened_at, i.id LIMIT 1000"
        )
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "incident_unrecorded_idx" in plan


# ---------------------------------------------------------------- incremental runs (qa.models.SweepRun)
def test_between_full_runs_the_sweep_reads_only_what_changed(implementation: str, settings: Any) -> None:
    """After a full run, the next run reads the incidents whose grace period ended since, and those
    written since (a late feed row, a crime number arriving) — and nothing older: an incident hidden from
    the watermark is found only by the next full run."""
    settings.RESOLVE_SWEEP_OVERLAP_MINUTES = 0
    settings.RESOLVE_SWEEP_GRACE_HOURS = 24
    start = timezone.now()
    old = make_incident(opened_at=start - timedelta(hours=40))
    recorded_later = make_incident(opened_at=start - timedelta(hours=30))
    due_later = make_incident(opened_at=start - timedelta(hours=23))  # inside the grace period now
    hidden = make_incident(opened_at=start - timedelta(hours=50))
    Incident.objects.filter(pk=hidden.pk).update(crime_number="XX/OLD")
    first = sweep.sweep_unrecorded(now=start)
    assert first.full
    assert open_incident_ids() == sorted([old.pk, recorded_later.pk])

    # Written after the first run: only a change that bypassed updated_at stays unseen until a full run.
    Incident.objects.filter(pk=hidden.pk).update(crime_number=None, updated_at=start - timedelta(days=3))
    late = make_incident(opened_at=start - timedelta(hours=60))  # a feed row arriving late
    Incident.objects.filter(pk=recorded_later.pk).update(crime_number="XX/2026/1", updated_at=timezone.now())
    second = sweep.sweep_unrecorded(now=start + timedelta(hours=2))

    if implementation == "portable-orm":  # the SQLite path always runs in full
        assert second.full
        assert open_incident_ids() == sorted([old.pk, due_later.pk, hidden.pk, late.pk])
        return
    assert not second.full
    assert (second.flagged, second.closed) == (2, 1)
    assert open_incident_ids() == sorted([old.pk, due_later.pk, late.pk])
    assert UnrecordedFlag.objects.get(incident=recorded_later).resolved_crime_number == "XX/2026/1"
    again = sweep.sweep_unrecorded(now=start + timedelta(hours=2))
    assert (again.full, again.flagged, again.closed) == (False, 0, 0)
    backstop = sweep.sweep_unrecorded(now=start + timedelta(hours=2), full=True)
    assert (backstop.full, backstop.flagged) == (True, 1)
    assert open_incident_ids() == sorted([old.pk, due_later.pk, hidden.pk, late.pk])


def test_a_full_run_comes_at_least_every_full_every_hours(implementation: str, settings: Any) -> None:
    make_incident()
    assert sweep.sweep_unrecorded().full
    assert sweep.sweep_unrecorded().full is (implementation == "portable-orm")
    settings.RESOLVE_SWEEP_FULL_EVERY_HOURS = 0
    assert sweep.sweep_unrecorded().full
    # A run for an earlier moment than the last one (a replay) is full too.
    settings.RESOLVE_SWEEP_FULL_EVERY_HOURS = 24
    assert sweep.sweep_unrecorded(now=timezone.now() - timedelta(days=2)).full


def test_an_unfinished_run_is_never_the_watermark() -> None:
    for hours in (30, 31, 32):
        make_incident(opened_at=timezone.now() - timedelta(hours=hours))
    partial = sweep.sweep_unrecorded(chunk_size=1, max_chunks=1)
    assert not partial.complete
    run = SweepRun.objects.get()
    assert (run.complete, run.flagged, run.finished_at is not None) == (False, 1, True)
    assert sweep.sweep_unrecorded(chunk_size=1).full  # no complete run yet: full
    assert len(open_incident_ids()) == 3


def test_the_next_run_reads_back_to_the_oldest_transaction_open_at_the_start(
    implementation: str, settings: Any
) -> None:
    """A feed import still open when a run starts commits rows stamped before that run: the watermark
    for the next run goes back to that transaction's start."""
    import time

    import psycopg2
    from django.db import connection

    if implementation == "portable-orm":
        pytest.skip("the watermark comes from PostgreSQL's pg_stat_activity")
    settings.RESOLVE_SWEEP_OVERLAP_MINUTES = 0
    db = connection.settings_dict
    other = psycopg2.connect(dbname=db["NAME"], user=db["USER"], host=db["HOST"], port=db["PORT"] or 5432)
    pid = other.get_backend_pid()
    try:
        with other.cursor() as cursor:
            cursor.execute("SELECT now()")  # psycopg2 opens a transaction: it stays open
            opened = cursor.fetchone()[0]
        time.sleep(0.2)
        sweep.sweep_unrecorded()
        run = SweepRun.objects.get()
        assert run.changes_from <= opened < run.started_at
    finally:
        other.close()
    # close() returns before the server's backend has gone: on a loaded machine pg_stat_activity still
    # lists it, transaction and all, for a moment, and the next run rightly reads back to it again.
    with connection.cursor() as cursor:
        for _ in range(200):
            cursor.execute("SELECT pg_stat_clear_snapshot()")
            cursor.execute("SELECT 1 FROM pg_stat_activity WHERE pid = %s", [pid])
            if cursor.fetchone() is None:
                break
            time.sleep(0.05)
    sweep.sweep_unrecorded()
    later = SweepRun.objects.order_by("-started_at").first()
    assert later is not None and later.changes_from > opened


def test_recording_a_crime_for_the_incident_closes_its_flag(make_user: Any) -> None:
    """End to end with recording's own service: the crime links the incident and gives it a number."""
    from recording.services.crimes import crime_create

    incident = make_incident(opened_at=timezone.now() - timedelta(hours=30))
    sweep.sweep_unrecorded()
    crime = crime_create(
        actor=make_user("recorder"),
        offence_code="45",
        reported_at=incident.opened_at,
        incident_references=[incident.reference],
    )
    result = sweep.sweep_unrecorded()
    flag = UnrecordedFlag.objects.get()
    assert (result.closed, flag.status, flag.resolved_crime_number) == (1, "resolved", crime.crime_number)


# ---------------------------------------------------------------- planner statistics (issue 24 part 3)
def _flags_statistics() -> tuple[object, float]:
    """last_analyze and reltuples of the flags table, read afresh (stats snapshots are cached per
    transaction otherwise)."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_stat_clear_snapshot()")
        cursor.execute(
            "SELECT s.last_analyze, c.reltuples FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid"
            " WHERE s.relname = %s",
            [UnrecordedFlag._meta.db_table],
        )
        last_analyze, reltuples = cursor.fetchone()
    return last_analyze, float(reltuples)


@pytest.mark.django_db(transaction=True)
def test_a_first_full_sweep_into_an_empty_table_leaves_it_analysed(implementation: str) -> None:
    """Without autovacuum (off on this server) the planner would keep believing the table empty."""
    as_never_analysed(UnrecordedFlag)
    many = ANALYZE_MIN_ROWS + 10
    for _ in range(many):
        make_incident()
    before, _ = _flags_statistics()
    first = sweep.sweep_unrecorded()
    assert (first.full, first.flagged) == (True, many)
    analysed, reltuples = _flags_statistics()
    assert analysed is not None and analysed != before
    assert reltuples == many  # the planner now knows how many flags there are

    again = sweep.sweep_unrecorded(full=True)  # nothing new: no second ANALYZE
    assert again.flagged == 0
    assert _flags_statistics() == (analysed, reltuples)


def test_a_small_sweep_does_not_analyse(implementation: str) -> None:
    make_incident()
    before = _flags_statistics()
    assert sweep.sweep_unrecorded().flagged == 1
    assert _flags_statistics() == before
