"""`config.tasks.enqueue` with the whole Redis server unreachable (broker AND result store), not only a
broker connection handed in (issue 20 part 10): it answers within a second, never raises, and keeps the
work, which a real worker runs once Redis answers again."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from qa.models import SweepRun
from staffing.models import DelayedTask
from staffing.services.delayed import delayed_tasks_send

ROOT = Path(__file__).resolve().parent.parent

ENQUEUE = """
from django.db import transaction
from config.tasks import enqueue
from qa.tasks import sweep_unrecorded_task
with transaction.atomic():
    enqueue(sweep_unrecorded_task, queue=QUEUE)
"""
SEND_KEPT = """
from staffing.services.delayed import delayed_tasks_send
answer = delayed_tasks_send()
"""
SCRIPT = """
import json, time
import django
django.setup()
# Imported before the clock starts: what is timed is the enqueue, not loading the tasks' modules (qa.tasks
# brings in the hidden-crime screen, about a second on a busy machine).
import config.tasks, qa.tasks, staffing.services.delayed  # noqa: E401, F401
for body in BODIES:
    started = time.monotonic()
    error = answer = None
    try:
        exec(body)
    except BaseException as exc:
        error = repr(exc)
    print(json.dumps({"seconds": time.monotonic() - started, "error": error, "answer": answer}))
"""


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _with_redis_unreachable(*bodies: str) -> list[dict[str, object]]:
    """Runs each body in turn in one process that cannot reach Redis (one process, not one each: its
    start-up, Django and the tasks' modules, costs seconds) and returns what each answered."""
    db = settings.DATABASES["default"]
    away = f"redis://127.0.0.1:{_closed_port()}/0"
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.test",
        DATABASE_URL=(
            f"postgres://{db['USER']}@{db['HOST']}:{db['PORT'] or 5432}/{connection.settings_dict['NAME']}"
        ),
        REDIS_URL=away,
        CELERY_BROKER_URL=away,
        CELERY_RESULT_BACKEND=away,
        CELERY_TASK_ALWAYS_EAGER="false",
    )
    out = subprocess.run(
        [sys.executable, "-c", SCRIPT.replace("BODIES", repr(bodies))],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 0, out.stderr
    return [dict(json.loads(line)) for line in out.stdout.strip().splitlines()[-len(bodies) :]]


@pytest.mark.worker
def test_enqueue_with_all_of_redis_unreachable_answers_at_once_and_the_work_runs_later(
    celery_worker_process: str, celery_live: None
) -> None:
    # Enqueued, then (still away) the kept work sent again: it fails quickly and keeps it, its attempt
    # counted. The one kept row with two attempts is the enqueue's work, kept and tried again.
    answer, again = _with_redis_unreachable(ENQUEUE.replace("QUEUE", repr(celery_worker_process)), SEND_KEPT)
    assert answer["error"] is None
    assert float(answer["seconds"]) < 1.0  # type: ignore[arg-type]
    assert again["error"] is None and again["answer"] == {"sent": 0, "waiting": 1}
    kept = DelayedTask.objects.get()
    assert kept.task == "qa.tasks.sweep_unrecorded_task"
    assert kept.options["queue"] == celery_worker_process
    assert kept.attempts == 2
    assert SweepRun.objects.count() == 0

    # Redis answers again: the kept work is queued once and a real worker runs it.
    assert delayed_tasks_send() == {"sent": 1, "waiting": 0}
    deadline = time.monotonic() + 60
    while not SweepRun.objects.exists() and time.monotonic() < deadline:
        time.sleep(0.3)
    assert SweepRun.objects.exists()
    assert delayed_tasks_send() == {"sent": 0, "waiting": 0}  # nothing is sent twice


def test_the_visibility_timeout_outlasts_every_task_and_returns_lost_work_within_minutes() -> None:
    """A task lost with a killed worker is redelivered once the visibility timeout passes: longer than
    any task may run (or live work is delivered twice), short enough to be minutes, not Redis's hour."""
    from config.celery import app

    app.loader.import_default_modules()
    timeout = settings.CELERY_BROKER_TRANSPORT_OPTIONS["visibility_timeout"]
    limits = [settings.CELERY_TASK_TIME_LIMIT] + [
        task.time_limit
        for name, task in app.tasks.items()
        if not name.startswith("celery.") and task.time_limit
    ]
    assert timeout > max(limits)
    assert timeout <= 15 * 60
