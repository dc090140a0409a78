"""Enqueueing background work so that a broker (Redis) outage never breaks the request that asked for it.

`enqueue(task, ...)` sends the task after the surrounding transaction commits (never for work that was
rolled back), with a short bounded retry policy. If the broker is still unreachable, it logs that the
work is delayed and returns None instead of raising: the web request succeeds, the "Background work
is delayed" banner shows (config.faults), and the periodic tasks catch up when Redis is back because
they are idempotent and draw what they missed (qa.services.catch_up, the sweep's NOT EXISTS)."""

from __future__ import annotations

import logging
from typing import Any

from celery import Task
from django.db import transaction
from kombu.exceptions import OperationalError as BrokerError

logger = logging.getLogger(__name__)

RETRY_POLICY = {"max_retries": 2, "interval_start": 0, "interval_step": 0.2, "interval_max": 0.5}


def send_now(task: Task, *args: Any, **options: Any) -> Any:
    """apply_async with the retry policy; None (logged "delayed") when the broker cannot be reached."""
    try:
        return task.apply_async(args=args, retry=True, retry_policy=RETRY_POLICY, **options)
    except (BrokerError, ConnectionError, TimeoutError) as exc:
        logger.warning("background work delayed: %s not queued, broker unreachable (%s)", task.name, exc)
        return None


def enqueue(task: Task, *args: Any, **options: Any) -> None:
    """Queue `task(*args)` once the current transaction commits (at once outside a transaction)."""
    transaction.on_commit(lambda: send_now(task, *args, **options))
