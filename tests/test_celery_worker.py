"""A real Celery worker, started as a subprocess against Redis and the test database, runs a task sent
by the test, and the test observes both its result and its effect on PostgreSQL."""

from __future__ import annotations

import pytest

from recording.models import Offence
from staffing.tasks import reference_load_task

pytestmark = [pytest.mark.worker]


def test_a_real_worker_loads_the_reference_data(
    no_reference_data: None, celery_worker_process: str, celery_live: None
) -> None:
    assert not Offence.objects.exists()
    result = reference_load_task.apply_async(queue=celery_worker_process)
    counts = result.get(timeout=60)
    assert counts["recording.Offence"] == 127
    assert Offence.objects.filter(code="8N", title="Assault with injury").exists()
