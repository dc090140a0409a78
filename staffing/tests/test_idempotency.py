"""staffing.services.idempotency: one create per (caller, scope, key) within 24 hours."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from config.exceptions import DomainError
from staffing.models import IdempotencyKey
from staffing.services.idempotency import (
    IdempotencyConflict,
    idempotency_forget_expired,
    idempotency_run,
)

pytestmark = pytest.mark.django_db


class Counter:
    def __init__(self, status_code: int = 201) -> None:
        self.calls = 0
        self.status_code = status_code

    def __call__(self) -> tuple[int, Any]:
        self.calls += 1
        return self.status_code, {"made": self.calls}


def test_it_runs_once_and_replays_the_first_answer(make_user: Any) -> None:
    user, create = make_user(), Counter()
    first = idempotency_run(user=user, scope="s", key="k1", body={"a": 1, "b": 2}, create=create)
    again = idempotency_run(user=user, scope="s", key="k1", body={"b": 2, "a": 1}, create=create)
    assert create.calls == 1
    assert (first.replayed, again.replayed) == (False, True)
    assert again.status_code == 201 and again.body == {"made": 1}


def test_it_refuses_the_same_key_with_another_body(make_user: Any) -> None:
    user, create = make_user(), Counter()
    idempotency_run(user=user, scope="s", key="k1", body={"a": 1}, create=create)
    with pytest.raises(IdempotencyConflict):
        idempotency_run(user=user, scope="s", key="k1", body={"a": 2}, create=create)
    assert create.calls == 1


def test_keys_are_each_callers_own(make_user: Any) -> None:
    create = Counter()
    idempotency_run(user=make_user(), scope="s", key="k1", body={}, create=create)
    idempotency_run(user=make_user(), scope="s", key="k1", body={}, create=create)
    assert create.calls == 2


def test_a_refused_first_attempt_leaves_the_key_free(make_user: Any) -> None:
    user = make_user()

    def refuse() -> tuple[int, Any]:
        raise DomainError("bad", field="x")

    with pytest.raises(DomainError):
        idempotency_run(user=user, scope="s", key="k1", body={}, create=refuse)
    answer = idempotency_run(user=user, scope="s", key="k1", body={"fixed": True}, create=Counter())
    assert answer.replayed is False and IdempotencyKey.objects.count() == 1


def test_a_400_answer_is_not_kept(make_user: Any) -> None:
    user, create = make_user(), Counter(status_code=400)
    idempotency_run(user=user, scope="s", key="k1", body={}, create=create)
    idempotency_run(user=user, scope="s", key="k1", body={}, create=create)
    assert create.calls == 2 and not IdempotencyKey.objects.exists()


def test_a_key_older_than_24_hours_is_free_again_and_forgotten(make_user: Any) -> None:
    user, create = make_user(), Counter()
    idempotency_run(user=user, scope="s", key="k1", body={}, create=create)
    IdempotencyKey.objects.update(created_at=timezone.now() - timedelta(hours=25))
    assert idempotency_run(user=user, scope="s", key="k1", body={"x": 1}, create=create).replayed is False
    IdempotencyKey.objects.update(created_at=timezone.now() - timedelta(hours=25))
    assert idempotency_forget_expired() == 1


@pytest.mark.parametrize("key", ["", "   ", "k" * 201])
def test_it_refuses_an_empty_or_overlong_key(make_user: Any, key: str) -> None:
    with pytest.raises(DomainError):
        idempotency_run(user=make_user(), scope="s", key=key, body={}, create=Counter())
