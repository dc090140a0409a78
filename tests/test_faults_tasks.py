"""Faults in background work (issue 10 part 5): a Celery worker killed (SIGKILL) in the middle of the
unrecorded-incident sweep, then run again, leaves exactly one flag per incident; a task queued while the
broker (Redis) is down does not break the request and is logged as delayed; the nightly dip-test
catches up the nights it missed, bounded, and draws nothing twice."""

from __future__ import annotations

import logging
import os
import signal
import socket
import time
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from django.db import transaction
from django.utils import timezone

from config.celery import app
from config.tasks import enqueue, send_now
from qa.models import DipTest, UnrecordedFlag
from qa.services.catch_up import missed_days
from qa.services.dip_test import dip_test_draw
from qa.services.timing import previous_day
from qa.tasks import dip_test_draw_task, sweep_unrecorded_task
from recording.models import Incident, NsirCode
from staffing.reference import reference_load

INCIDENTS = 1500


def _worker_pid(queue: str) -> int:
    """The worker started for this test: the one process whose command line names its unique queue."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                cmdline = (entry / "cmdline").read_bytes().split(b"\0")
            except OSError:
                continue
            if queue.encode() in cmdline and b"celery" in cmdline:
                found.append(int(entry.name))
    assert len(found) == 1, found
    return found[0]


@pytest.fixture
def one_incident_per_chunk(monkeypatch: pytest.MonkeyPatch) -> None:
    """The worker sweeps one incident per transaction, so it can be killed half-way."""
    monkeypatch.setenv("RESOLVE_SWEEP_CHUNK_SIZE", "1")


@pytest.mark.worker
def test_a_worker_killed_mid_sweep_then_run_again_leaves_exactly_one_flag_per_incident(
    one_incident_per_chunk: None, celery_worker_process: str, celery_live: None
) -> None:
    reference_load()
    code = NsirCode.objects.get(code="CRIME-THEFT")
    opened = timezone.now() - timedelta(hours=30)
    Incident.objects.bulk_create(
        Incident(
            reference=f"XX-KILL-{n:06d}",
            opened_at=opened + timedelta(seconds=n),
            nsir_code=code,
            crime_related=True,
            summary="Theft",
        )
        for n in range(INCIDENTS)
    )
    sweep_unrecorded_task.apply_async(queue=celery_worker_process)
    deadline = time.monotonic() + 60
    while UnrecordedFlag.objects.count() < 5:  # the first chunks are committed
        assert time.monotonic() < deadline, "the worker never started the sweep"
        time.sleep(0.02)
    os.kill(_worker_pid(celery_worker_process), signal.SIGKILL)
    time.sleep(0.5)
    interrupted = UnrecordedFlag.objects.count()
    assert 0 < interrupted < INCIDENTS  # killed half-way, what was committed stays
    # Run again (the next beat, or the redelivered task): the rest is flagged, nothing twice.
    result = sweep_unrecorded_task.apply().get()
    assert result["flagged"] == INCIDENTS - interrupted
    assert UnrecordedFlag.objects.count() == INCIDENTS
    assert UnrecordedFlag.objects.values("incident").distinct().count() == INCIDENTS
    assert UnrecordedFlag.history.filter(history_type="+").count() == INCIDENTS
    assert sweep_unrecorded_task.apply().get()["flagged"] == 0


# ---------------------------------------------------------------- broker down
def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def broker_down() -> Iterator[Any]:
    with app.connection_for_write(f"redis://127.0.0.1:{_closed_port()}/0") as connection:
        yield connection


@pytest.mark.django_db
def test_a_task_queued_with_the_broker_down_is_logged_as_delayed_not_raised(
    broker_down: Any, celery_live: None, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING, logger="config.tasks")
    assert send_now(sweep_unrecorded_task, connection=broker_down) is None
    assert "background work delayed: qa.tasks.sweep_unrecorded_task not queued" in caplog.text


@pytest.mark.django_db
def test_enqueue_waits_for_the_commit_and_survives_the_broker_being_down(
    broker_down: Any,
    celery_live: None,
    caplog: pytest.LogCaptureFixture,
    django_capture_on_commit_callbacks: Any,
) -> None:
    caplog.set_level(logging.WARNING, logger="config.tasks")
    with django_capture_on_commit_callbacks(execute=True) as callbacks, transaction.atomic():
        enqueue(sweep_unrecorded_task, connection=broker_down)
        assert "delayed" not in caplog.text  # nothing is sent before the commit
    assert len(callbacks) == 1
    assert "delayed" in caplog.text


# ---------------------------------------------------------------- the nightly dip-test catches up
@pytest.mark.django_db
def test_the_nightly_dip_test_draws_the_nights_it_missed_once(reference_data: None) -> None:
    yesterday = previous_day()
    dip_test_draw(day=yesterday - timedelta(days=3))  # the last night the beat ran
    result = dip_test_draw_task.apply().get()
    expected = [(yesterday - timedelta(days=n)).isoformat() for n in (2, 1, 0)]
    assert result["drawn"] == expected and result["date"] == yesterday.isoformat()
    assert DipTest.objects.count() == 4
    again = dip_test_draw_task.apply().get()
    assert again["drawn"] == [yesterday.isoformat()]
    assert DipTest.objects.count() == 4


@pytest.mark.django_db
def test_the_catch_up_is_bounded(reference_data: None) -> None:
    yesterday = previous_day()
    dip_test_draw(day=yesterday - timedelta(days=30))
    days = missed_days(yesterday=yesterday, limit=7)
    assert days == [yesterday - timedelta(days=n) for n in range(6, -1, -1)]
    assert missed_days(yesterday=yesterday, limit=0) == []


@pytest.mark.django_db
def test_with_no_dip_test_ever_only_yesterday_is_drawn(reference_data: None) -> None:
    assert dip_test_draw_task.apply().get()["drawn"] == [previous_day().isoformat()]
