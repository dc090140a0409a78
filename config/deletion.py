"""Nothing is hard-deleted without an audited reason.

`record_delete` is the only way a domain record is deleted: it refuses an empty reason, refuses a
model without django-simple-history (its deletion could not be audited), and deletes inside a
transaction so simple-history's deletion row (history_type "-") carries who and why. The admin offers
no delete for crimes and complaint cases."""

from __future__ import annotations

import logging
from typing import Any

from django.db import models, transaction

from config.exceptions import DomainError

logger = logging.getLogger(__name__)


@transaction.atomic
def record_delete(*, obj: models.Model, actor: Any, reason: str) -> None:
    """Delete `obj`, keeping a history row with the actor and the reason."""
    reason = " ".join((reason or "").split())
    if not reason:
        raise DomainError("Say why this record is being deleted.", field="reason")
    model = type(obj)
    if not hasattr(model, "history"):
        raise DomainError(
            f"{model._meta.label} keeps no history, so it cannot be deleted with an audit.", field="reason"
        )
    obj._change_reason = f"Deleted: {reason}"  # type: ignore[attr-defined]
    obj._history_user = actor  # type: ignore[attr-defined]
    label, pk = model._meta.label, obj.pk
    obj.delete()
    logger.info("deleted %s %s by %s: %s", label, pk, getattr(actor, "pk", None), reason)
