"""Reclassification (R-RECLASSIFY): an investigator proposes, a sergeant decides."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from config.exceptions import DomainError
from config.permissions import Role
from recording import lifecycle, selectors
from recording.models import (
    ClassificationChange,
    Crime,
    Offence,
    OffenceCode,
)
from recording.services.common import lock_crime, require_reason, team_scope_refusal
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
    # A class code, or a Home Office offence code within a class: the offence code may change alone.
    offence, ho_offence = selectors.offence_resolve(offence_code)
    if offence.pk == crime.offence_id and (ho_offence is None or ho_offence.pk == crime.offence_code_id):
        raise DomainError("The crime is already classified under that code.", field="offence")
    if crime.classification_changes.filter(status=ClassificationChange.Status.PROPOSED).exists():
        raise DomainError("A reclassification is already awaiting approval.", field="offence")
    change = ClassificationChange(
        crime=crime,
        from_offence=crime.offence,
        to_offence=offence,
        from_offence_code=crime.offence_code,
        to_offence_code=ho_offence,
        reason=reason,
        status=ClassificationChange.Status.PROPOSED,
        proposed_by=actor,
    )
    change._history_user = actor  # type: ignore[attr-defined]
    change._change_reason = reason  # type: ignore[attr-defined]
    change.save()
    return change


def reclassification_refusal(*, change: ClassificationChange, actor: User) -> str | None:
    """None when `actor` may decide `change`, else why not: a supervisor of the crime's team (managers
    and admins across teams) who did not propose it (issue 17: a sergeant approved their own
    reclassification of a restricted crime, making it visible to every recorder)."""
    if actor.role not in Role.SUPERVISORS:
        return "Only a sergeant, manager or admin may decide a reclassification."
    if change.proposed_by_id == actor.pk:
        return "Someone other than the person who proposed the reclassification must decide it."
    return team_scope_refusal(actor, change.crime, "decide this reclassification")


@transaction.atomic
def reclassification_decide(
    *, change: ClassificationChange, actor: User, approve: bool, note: str = ""
) -> ClassificationChange:
    """A sergeant approves or rejects. On approval the crime counts under the new class from
    `decided_at` (R-RECLASSIFY): the record is reclassified, never cancelled and re-created."""
    change = ClassificationChange.objects.select_for_update().select_related("crime").get(pk=change.pk)
    if change.status != ClassificationChange.Status.PROPOSED:
        raise DomainError("This reclassification has already been decided.", field="status")
    refusal = reclassification_refusal(change=change, actor=actor)
    if refusal:
        raise DomainError(refusal, field="decided_by")
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
        # A class alone says nothing of the offence within it: the old offence code goes with the old class.
        crime.offence_code = change.to_offence_code
        crime.restricted = change.to_offence.restricted
        crime.seriousness_rank = change.to_offence.seriousness_rank
        crime._history_user = actor  # type: ignore[attr-defined]
        crime._change_reason = (  # type: ignore[attr-defined]
            f"Reclassified {_code(change.from_offence, change.from_offence_code)} -> "
            f"{_code(change.to_offence, change.to_offence_code)} (R-RECLASSIFY): {change.reason}"
        )
        crime.save(update_fields=["offence", "offence_code", "restricted", "seriousness_rank", "updated_at"])
    return change


def _code(offence: Offence | None, offence_code: OffenceCode | None) -> str:
    if offence is None:
        return "?"
    return f"{offence.code} ({offence_code.code})" if offence_code is not None else offence.code
