"""Sending the background work that config.tasks.enqueue kept while Redis was unreachable."""

from __future__ import annotations

import logging

from celery import current_app
from django.db import transaction
from django.utils import timezone

from config.tasks import RETRY_POLICY, UNREACHABLE
from staffing.models import DelayedTask

logger = logging.getLogger(__name__)

BATCH = 200


def delayed_tasks_send(*, limit: int = 5000) -> dict[str, int]:
    """Queue the kept work, oldest first, and delete each row once the broker took it. Rows are claimed
    with SKIP LOCKED, so two runs at once never send the same row; a row whose send fails stays (its
    attempt counted) and the run stops there, since Redis is still away."""
    current_app.loader.import_default_modules()  # every app's tasks registered, whoever calls this
    sent = failed = 0
    while sent + failed < limit:
        with transaction.atomic():
            rows = list(
                DelayedTask.objects.select_for_update(skip_locked=True).order_by("created_at", "pk")[:BATCH]
            )
            if not rows:
                break
            for row in rows:
                try:
                    current_app.tasks[row.task].apply_async(
                        args=row.args, retry=True, retry_policy=RETRY_POLICY, **row.options
                    )
                except UNREACHABLE as exc:
                    DelayedTask.objects.filter(pk=row.pk).update(
                        attempts=row.attempts + 1,
                        tried_at=timezone.now(),
                        reason=f"{type(exc).__name__}: {exc}",
                    )
                    failed += 1
                    logger.warning("delayed work still not queued: %s (%s)", row.task, exc)
                    return {"sent": sent, "waiting": DelayedTask.objects.count()}
                row.delete()
                sent += 1
    return {"sent": sent, "waiting": DelayedTask.objects.count()}
