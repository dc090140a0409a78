"""Shared by the letters services: the record kinds letters are written about, opening a record for a
letter (need-to-know checked and the access logged by its kind), and the values every letter offers."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings

from config.exceptions import DomainError
from staffing.letter_sources import LetterFacts, LetterSource
from staffing.models import User
from staffing.records import RecordKind, record_kinds
from staffing.rules import letters as rules

TEMPLATE_MANAGERS = (User.Role.MANAGER, User.Role.ADMIN)
APPROVERS = (User.Role.MANAGER, User.Role.ADMIN)
STALE_CLAIM = dt.timedelta(minutes=10)


def letter_kind(record_type: str) -> tuple[RecordKind, LetterSource]:
    kind = record_kinds().get(record_type)
    source = getattr(kind, "letters", None) if kind is not None else None
    if kind is None or source is None:
        raise DomainError(f"Letters cannot be written about {record_type!r} records.", field="record_type")
    return kind, source


def letter_record_open(
    *, record_type: str, record_id: int, user: User, purpose: str, path: str = "", action: str = "letter"
) -> tuple[Any, RecordKind, LetterSource, LetterFacts]:
    """The record (need-to-know checked, the access logged by its kind) and its letter facts."""
    kind, source = letter_kind(record_type)
    record = kind.open(user=user, pk=record_id, purpose=purpose, path=path, action=action)
    return record, kind, source, source.facts(record)


def _values(facts: LetterFacts, *, handler: User, recipient_name: str, today: dt.date) -> dict[str, str]:
    return {
        **facts.values,
        "today": rules.long_date(today),
        "recipient_name": recipient_name,
        "force_name": settings.RESOLVE_FORCE_NAME,
        "handler_name": str(handler),
        "handler_role": handler.get_role_display(),
        "handler_phone": handler.direct_phone,
        "handler_email": handler.direct_email,
    }


def _require_role(actor: User, roles: tuple[str, ...], what: str) -> None:
    if actor.role not in roles:
        raise DomainError(f"Only a manager or administrator may {what}.", field="non_field_errors")
