"""Celery wrappers for QA: each calls one service and nothing else (STYLE.md §8)."""

from __future__ import annotations

from datetime import date

from celery import shared_task
from django.db import OperationalError

from config.tasks import enqueue
from qa.services.catch_up import dip_test_catch_up
from qa.services.dip_test import dip_test_draw
from qa.services.hidden_crimes import hidden_crime_screen
from qa.services.rape_review import rape_review_queue
from qa.services.sweep import sweep_unrecorded
from qa.services.timing import previous_day


@shared_task(acks_late=True, autoretry_for=(OperationalError,), retry_backoff=True, max_retries=5)
def sweep_unrecorded_task() -> dict[str, int | bool]:
    """Every 15 minutes (CELERY_BEAT_SCHEDULE). Idempotent: a redelivered or overlapping run flags nothing
    twice (R-NSIR-AUDIT-TRAIL)."""
    result = sweep_unrecorded()
    return {
        "flagged": result.flagged,
        "closed": result.closed,
        "open": result.open,
        "complete": result.complete,
    }


@shared_task(acks_late=True, autoretry_for=(OperationalError,), retry_backoff=True, max_retries=5)
def dip_test_draw_task(day: str | None = None) -> dict[str, int | str | list[str]]:
    """Nightly: sample the previous day's work (R-DIP-TEST). Idempotent: one dip-test per date. Without
    a day (the beat), it first catches up any nights missed since the last dip-test (bounded)."""
    if day:
        dip_test = dip_test_draw(day=date.fromisoformat(day))
        return {"date": dip_test.date.isoformat(), "sampled": dip_test.samples.count()}
    drawn = dip_test_catch_up(yesterday=previous_day())
    return {
        "date": drawn[-1].date.isoformat(),
        "sampled": drawn[-1].samples.count(),
        "drawn": [d.date.isoformat() for d in drawn],
    }


@shared_task(acks_late=True, autoretry_for=(OperationalError,), retry_backoff=True, max_retries=5)
def rape_review_queue_task(day: str | None = None) -> int:
    """Daily: queue the previous 24 hours' sexual-offence incidents and rape/serious sexual crimes."""
    return rape_review_queue(day=date.fromisoformat(day) if day else previous_day())


# Chunks one task reads before handing the rest to a fresh task: ~2 minutes of screening, far inside the
# task time limit (and the broker's visibility timeout), however large a rescreen is.
SCREEN_CHUNKS_PER_TASK = 120


@shared_task(acks_late=True, autoretry_for=(OperationalError,), retry_backoff=True, max_retries=5)
def hidden_crime_screen_task() -> dict[str, int | bool]:
    """Nightly, before the dip-test (which stratifies on the screen's score): read every narrative closed
    under a non-crime code that the patterns in force have not read (issue 21 part 2). Idempotent and
    restartable: a redelivered run reads only what is still unread and raises no flag twice; a run with
    more to read than one task should take queues the next task to carry on."""
    result = hidden_crime_screen(max_chunks=SCREEN_CHUNKS_PER_TASK)
    if not result.complete:
        enqueue(hidden_crime_screen_task)
    return {
        "screened": result.screened,
        "flagged": result.flagged,
        "closed": result.closed,
        "open": result.open,
        "complete": result.complete,
        "patterns_version": result.patterns_version,
    }
