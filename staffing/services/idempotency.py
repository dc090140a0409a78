"""Idempotent create requests (contract Conventions: Idempotency-Key), for any app's create endpoint.

The key row is inserted in the same transaction as the records it guards: a concurrent repeat waits on
the unique index until the first commits and then reads its answer; a first attempt that fails (a 400)
rolls its key back with everything else, so a corrected retry is judged afresh."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone

from config.exceptions import DomainError
from staffing.models import IdempotencyKey, User

KEEP_FOR = timedelta(hours=24)
MAX_KEY_LENGTH = 200


class IdempotencyConflict(DomainError):
    """The key was already used with a different request body (the API answers 409)."""


@dataclass(frozen=True)
class Answer:
    status_code: int
    body: Any
    replayed: bool  # True: the first answer to this key, nothing was created now


def idempotency_fingerprint(body: Any) -> str:
    """The same request body always gives the same fingerprint, whatever the order of its keys."""
    canonical = json.dumps(body, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(canonical.encode()).hexdigest()


@transaction.atomic
def idempotency_run(
    *, user: User, scope: str, key: str, body: Any, create: Callable[[], tuple[int, Any]]
) -> Answer:
    """Run `create` once per (user, scope, key) within 24 hours and keep its answer (status, JSON body).
    A repeat with the same body replays that answer; with a different body it is an IdempotencyConflict."""
    key = key.strip()
    if not key or len(key) > MAX_KEY_LENGTH:
        raise DomainError(
            f"Give an Idempotency-Key of 1 to {MAX_KEY_LENGTH} characters.", field="idempotency_key"
        )
    fingerprint = idempotency_fingerprint(body)
    now = timezone.now()
    # An expired key is free again: the contract keeps answers for 24 hours.
    IdempotencyKey.objects.filter(user=user, scope=scope, key=key, created_at__lt=now - KEEP_FOR).delete()
    try:
        with transaction.atomic():
            row = IdempotencyKey.objects.create(
                user=user, scope=scope, key=key, fingerprint=fingerprint, created_at=now
            )
    except IntegrityError:
        first = IdempotencyKey.objects.get(user=user, scope=scope, key=key)
        if first.fingerprint != fingerprint:
            raise IdempotencyConflict(
                "This Idempotency-Key was already used with a different request; use a new key.",
                field="idempotency_key",
            ) from None
        return Answer(status_code=first.status_code or 200, body=first.response, replayed=True)
    status_code, response = create()
    if status_code >= 400:  # refused: nothing was created, so the key stays free for a corrected retry
        row.delete()
        return Answer(status_code=status_code, body=response, replayed=False)
    row.status_code = status_code
    row.response = response
    row.save(update_fields=["status_code", "response"])
    return Answer(status_code=status_code, body=response, replayed=False)


def idempotency_forget_expired() -> int:
    """Delete answers older than 24 hours (run daily); returns how many went."""
    deleted, _ = IdempotencyKey.objects.filter(created_at__lt=timezone.now() - KEEP_FOR).delete()
    return deleted
