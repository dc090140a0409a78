"""Read-replica routing for dashboards and exports (docs/scaling.md).

When DATABASE_REPLICA_URL is set, settings add a "replica" database alias (a streaming-replication copy
of the primary) and this router. Reads made inside `replica_reads()` — the daily dashboard and the
exports, which read much and tolerate a second of replication lag — go to the replica; every other read
and every write goes to "default" (the primary). Without the alias the router changes nothing, so one
machine with one database works exactly as before.

    @replica_reads()                 # as a view decorator
    def dashboard_daily(request): ...

    with replica_reads():            # or around a block
        rows = list(export_rows())

Querysets are lazy: evaluate them inside the block (the router is asked when the query runs)."""

from __future__ import annotations

import contextvars
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from django.conf import settings
from django.db import models

REPLICA = "replica"
DEFAULT = "default"

_use_replica: contextvars.ContextVar[bool] = contextvars.ContextVar("resolve_use_replica", default=False)


def replica_configured() -> bool:
    return REPLICA in settings.DATABASES


@contextmanager
def replica_reads() -> Iterator[None]:
    """Send the reads inside this block (or decorated function) to the replica, when there is one.

    A generator context manager, not a class: used as `@replica_reads()` it makes a fresh context
    manager for every call, so the token it resets belongs to that call. (A class instance used as a
    decorator is one object shared by every thread: two requests at once overwrote each other's token
    and the reset failed, a 500 under concurrent load.)"""
    token = _use_replica.set(True)
    try:
        yield
    finally:
        _use_replica.reset(token)


@contextmanager
def primary_reads() -> Iterator[None]:
    """Force reads back to the primary inside a replica block (e.g. read-your-own-write)."""
    token = _use_replica.set(False)
    try:
        yield
    finally:
        _use_replica.reset(token)


class ReplicaRouter:
    """Django database router: see the module docstring."""

    def db_for_read(self, model: type[models.Model], **hints: Any) -> str:
        if _use_replica.get() and replica_configured():
            return REPLICA
        return DEFAULT

    def db_for_write(self, model: type[models.Model], **hints: Any) -> str:
        return DEFAULT

    def allow_relation(self, obj1: models.Model, obj2: models.Model, **hints: Any) -> bool:
        return True  # both aliases hold the same data

    def allow_migrate(self, db: str, app_label: str, model_name: str | None = None, **hints: Any) -> bool:
        return db == DEFAULT  # the replica follows the primary by replication, never by migrate
