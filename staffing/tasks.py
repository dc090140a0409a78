from __future__ import annotations

from typing import Any

from celery import shared_task
from django.db import OperationalError

from staffing.reference import reference_load


@shared_task(acks_late=True, autoretry_for=(OperationalError,), retry_backoff=True, max_retries=5)
def reference_load_task() -> dict[str, int]:
    """Reload the reference tables (a correction to a code is a data change, picked up nightly), and
    add any shipped letter template the force lacks (never touching one it has)."""
    from staffing.services.letters import letter_templates_ship

    totals = {r.table: r.total for r in reference_load()}
    totals["staffing.LetterTemplate (added)"] = letter_templates_ship()
    return totals


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


# ---------------------------------------------------------------- letters (issue 22 part 4)
@shared_task(
    bind=True,
    acks_late=True,
    autoretry_for=(OperationalError,),
    retry_backoff=True,
    max_retries=6,
    soft_time_limit=120,
    time_limit=180,
)
def letter_send_deliver_task(self: Any, send_id: int) -> str:
    """Send one letter once (the service claims it); a transport failure retries with backoff
    (30 s, 1, 2, 4, 8, 16 minutes), then gives up and the letter shows it failed."""
    from staffing.services.letters import SendOutcome, letter_send_deliver

    final = self.request.retries >= self.max_retries
    outcome = letter_send_deliver(send_id=send_id, final_attempt=final)
    if outcome == SendOutcome.RETRY:
        raise self.retry(countdown=30 * 2**self.request.retries)
    return outcome


@shared_task(acks_late=True, autoretry_for=(OperationalError,), retry_backoff=True, max_retries=5)
def letter_send_status_poll_task() -> int:
    """Delivery status of letters sent through GOV.UK Notify."""
    from staffing.services.letters import letter_send_status_poll

    return letter_send_status_poll()


@shared_task(acks_late=True, autoretry_for=(OperationalError,), retry_backoff=True, max_retries=5)
def letter_send_reclaim_stale_task() -> int:
    """Settle sends whose worker died mid-send, without ever sending one twice."""
    from staffing.services.letters import letter_send_reclaim_stale

    return letter_send_reclaim_stale()
