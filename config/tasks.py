"""Enqueueing background work so that a Redis outage never breaks the request that asked for it.

`enqueue(task, ...)` sends the task after the surrounding transaction commits (never for work that was
rolled back). Its promise, whatever state Redis is in (the broker, the result store, or the whole
server away, refusing or silently dropping connections):
- it answers within about a second: a broker known to be down (config.faults.broker_available, asked
  at most once a minute with a half-second timeout) is not tried at all, and a try is bounded by short
  connect/send timeouts and one quick retry;
- it never raises into the request;
- the work is not lost: it is kept in the database (staffing.DelayedTask) and sent by
  `staffing.tasks.delayed_tasks_send_task` (every minute on beat) once Redis answers again.
Results are not stored for enqueued work (`ignore_result`): nothing reads them, and asking the result
store would make every enqueue wait on it when it is away."""

from __future__ import annotations

import logging
from typing import Any

from celery import Task
from django.apps import apps
from django.db import DatabaseError, transaction
from kombu.exceptions import OperationalError as BrokerError
from redis.exceptions import RedisError

from config.faults import broker_available

logger = logging.getLogger(__name__)

RETRY_POLICY = {"max_retries": 1, "interval_start": 0.1, "interval_step": 0.2, "interval_max": 0.2}
# What a broker or result store that cannot be reached raises through Celery, kombu and redis-py
# (Celery wraps a result store that will not reconnect in a RuntimeError).
UNREACHABLE = (BrokerError, RedisError, ConnectionError, TimeoutError, OSError, RuntimeError)


def send_now(task: Task, *args: Any, **options: Any) -> Any:
    """apply_async, bounded in time; None (the work kept for later, logged "delayed") when Redis cannot
    be reached."""
    options.setdefault("ignore_result", True)
    if task.app.conf.task_always_eager:
        return task.apply_async(args=args, **options)  # in-process (the demo): its own errors propagate
    if not broker_available():
        keep(task.name, list(args), options, reason="the broker did not answer its last check")
        return None
    try:
        return task.apply_async(args=args, retry=True, retry_policy=RETRY_POLICY, **options)
    except UNREACHABLE as exc:
        keep(task.name, list(args), options, reason=f"{type(exc).__name__}: {exc}")
        return None


def keep(name: str, args: list[Any], options: dict[str, Any], *, reason: str) -> None:
    """Store work that could not be queued, for delayed_tasks_send. Never raises: with the database away
    too, the loss is logged (the periodic tasks still catch up, being idempotent and drawing what they
    missed: qa.services.catch_up, the sweep's NOT EXISTS)."""
    logger.warning("background work delayed: %s not queued, broker unreachable (%s)", name, reason)
    kept_options = {k: v for k, v in options.items() if k != "connection"}
    try:
        apps.get_model("staffing", "DelayedTask").objects.create(
            task=name, args=args, options=kept_options, reason=reason[:2000]
        )
    except DatabaseError:
        logger.exception("background work LOST: %s could not be queued nor kept", name)


def enqueue(task: Task, *args: Any, **options: Any) -> None:
    """Queue `task(*args)` once the current transaction commits (at once outside a transaction)."""
    transaction.on_commit(lambda: send_now(task, *args, **options))
