from __future__ import annotations

from celery import shared_task
from django.db import OperationalError

from staffing.reference import reference_load


@shared_task(acks_late=True, autoretry_for=(OperationalError,), retry_backoff=True, max_retries=5)
def reference_load_task() -> dict[str, int]:
    """Reload the reference tables (a correction to a code is a data change, picked up nightly)."""
    return {r.table: r.total for r in reference_load()}


@shared_task(acks_late=True, autoretry_for=(OperationalError,), retry_backoff=True, max_retries=5)
def idempotency_forget_expired_task() -> int:
    """Idempotency-Key answers are kept 24 hours; drop the older ones nightly."""
    from staffing.services.idempotency import idempotency_forget_expired

    return idempotency_forget_expired()


@shared_task(acks_late=True, autoretry_for=(OperationalError,), retry_backoff=True, max_retries=5)
def delayed_tasks_send_task() -> dict[str, int]:
    """Every minute: queue the background work kept while Redis was away (config.tasks.enqueue)."""
    from staffing.services.delayed import delayed_tasks_send

    return delayed_tasks_send()
