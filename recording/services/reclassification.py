"""Reclassification (R-RECLASSIFY): an investigator proposes, a sergeant decides."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from config.exceptions import DomainError
from recording import lifecycle
from recording.models import (
    ClassificationChange,
    Crime,
    Offence,
)
from recording.services.common import lock_crime, require_reason, require_supervisor
from staffing.models import User

# ---------------------------------------------------------------- reclassification (R-RECLASSIFY)


@transaction.atomic
def reclassification_propose(
    *, crime: Crime, actor: User, offence_code: str, reason: str
) -> ClassificationChange:
    crime = lock_crime(crime)
    reason = require_reason(reason)
    if crime.status not in lifecycle.OPEN_STATUSES | {lifecycle.FINALISED}:
        raise DomainError("A cancelled or transferred crime cannot be reclassified.", field="status")
    try:
        offence = Offence.objects.get(code=offence_code)
    except Offence.DoesNotExist:
        raise DomainError(f"Unknown offence code {offence_code!r}.", field="offence") from None
    if offence.pk == crime.offence_id:
        raise DomainError("The crime is already classified under that code.", field="offence")
    if crime.classification_changes.filter(status=ClassificationChange.Status.PROPOSED).exists():
        raise DomainError("A reclassification is already awaiting approval.", field="offence")
    change = ClassificationChange(
        crime=crime,
        from_offence=crime.offence,
        to_offence=offence,
        reason=reason,
        status=ClassificationChange.Status.PROPOSED,
        proposed_by=actor,
    )
    change._history_user = actor  # type: ignore[attr-defined]
    change._change_reason = reason  # type: ignore[attr-defined]
    change.save()
    return change


@transaction.atomic
def reclassification_decide(
    *, change: ClassificationChange, actor: User, approve: bool, note: str = ""
) -> ClassificationChange:
    """A sergeant approves or rejects. On approval the crime counts under the new class from
    `decided_at` (R-RECLASSIFY): the record is reclassified, never cancelled and re-created."""
    require_supervisor(actor, "decide a reclassification")
    change = ClassificationChange.objects.select_for_update().get(pk=change.pk)
    if change.status != ClassificationChange.Status.PROPOSED:
        raise DomainError("This reclassification has already been decided.", field="status")
    if not approve and not note.strip():
        raise DomainError("Say why the reclassification is rejected.", field="note")
    change.status = ClassificationChange.Status.APPROVED if approve else ClassificationChange.Status.REJECTED
    change.decided_by = actor
    change.decided_at = timezone.now()
    change.decision_note = note
    change._history_user = actor  # type: ignore[attr-defined]
    change._change_reason = f"Reclassification {change.status}: {note}".strip(": ")  # type: ignore[attr-defined]
    change.save()
    if approve:
        crime = lock_crime(change.crime)
        crime.offence = change.to_offence
        crime.restricted = change.to_offence.restricted
        crime._history_user = actor  # type: ignore[attr-defined]
        crime._change_reason = (  # type: ignore[attr-defined]
            f"Reclassified {change.from_offence.code if change.from_offence else '?'} -> "
            f"{change.to_offence.code} (R-RECLASSIFY): {change.reason}"
        )
        crime.save(update_fields=["offence", "restricted", "updated_at"])
    return change
