"""A real Celery worker (subprocess, Redis broker, PostgreSQL test database) runs the QA tasks: the
unrecorded-incident sweep (R-NSIR-AUDIT-TRAIL) and the nightly dip-test (R-DIP-TEST)."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from qa.models import DipTest, UnrecordedFlag
from qa.tasks import dip_test_draw_task, sweep_unrecorded_task
from qa.tests.factories import make_crime, make_incident
from staffing.reference import reference_load

pytestmark = [pytest.mark.worker]


def test_a_real_worker_runs_the_sweep_idempotently_and_closes_flags(
    celery_worker_process: str, celery_live: None
) -> None:
    reference_load()
    waiting = make_incident(opened_at=timezone.now() - timedelta(hours=30))
    make_incident(opened_at=timezone.now() - timedelta(hours=26))
    make_incident(opened_at=timezone.now() - timedelta(hours=1))  # inside the grace period
    first = sweep_unrecorded_task.apply_async(queue=celery_worker_process).get(timeout=60)
    assert first == {"flagged": 2, "closed": 0, "open": 2, "complete": True}
    again = sweep_unrecorded_task.apply_async(queue=celery_worker_process).get(timeout=60)
    assert again["flagged"] == 0
    assert UnrecordedFlag.objects.count() == 2
    waiting.crime_number = "XX/2026/000001"
    waiting.save(update_fields=["crime_number"])
    closing = sweep_unrecorded_task.apply_async(queue=celery_worker_process).get(timeout=60)
    assert (closing["closed"], closing["open"]) == (1, 1)
    assert UnrecordedFlag.objects.get(incident=waiting).status == UnrecordedFlag.Status.RESOLVED


def test_a_real_worker_draws_the_nightly_dip_test(celery_worker_process: str, celery_live: None) -> None:
    reference_load()
    noon = datetime(2026, 3, 1, 12, tzinfo=ZoneInfo("Europe/London"))
    for _ in range(3):
        make_crime(recorded_at=noon)
    make_crime(recorded_at=noon, cancelled_at=noon, status="cancelled")
    result = dip_test_draw_task.apply_async(args=["2026-03-01"], queue=celery_worker_process).get(timeout=60)
    assert result["date"] == "2026-03-01"
    test = DipTest.objects.get(date=date(2026, 3, 1))
    assert test.samples.filter(stratum="cancellation").count() == 1
    assert result["sampled"] == test.samples.count() == 4
    # Redelivery (acks_late) draws nothing new.
    dip_test_draw_task.apply_async(args=["2026-03-01"], queue=celery_worker_process).get(timeout=60)
    assert DipTest.objects.count() == 1
    assert test.samples.count() == 4


def test_a_real_worker_runs_the_nightly_hidden_crime_screen_twice_with_no_duplicate_flags(
    celery_worker_process: str, celery_live: None
) -> None:
    from qa.models import HiddenCrimeFlag, ScreenedIncident
    from qa.tasks import hidden_crime_screen_task

    reference_load()
    opened = timezone.now() - timedelta(hours=8)
    for summary, code in (
        ("Caller states her partner pushed her against the wall and punched her in the face.", "PS-DOMESTIC"),
        ("Youths smashed the bus shelter window and ran off towards the park.", "ASB-ROWDY"),
        ("Neighbour dispute over parking. Words only, no offences disclosed.", "ASB-NEIGHBOURS"),
    ):
        make_incident(nsir=code, summary=summary, opened_at=opened, closed_at=opened + timedelta(hours=1))
    first = hidden_crime_screen_task.apply_async(queue=celery_worker_process).get(timeout=120)
    assert (first["screened"], first["flagged"], first["open"], first["complete"]) == (3, 2, 2, True)
    again = hidden_crime_screen_task.apply_async(queue=celery_worker_process).get(timeout=120)
    assert (again["screened"], again["flagged"], again["open"]) == (0, 0, 2)
    assert HiddenCrimeFlag.objects.count() == 2
    assert HiddenCrimeFlag.objects.values("incident").distinct().count() == 2
    assert ScreenedIncident.objects.count() == 3
