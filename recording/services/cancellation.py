"""Cancellation under a HOCR Section C criterion (R-CANCEL-*), decided by a DDM (R-CANCEL-DDM,
R-RAPE-RECORD)."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from config.exceptions import DomainError
from config.permissions import Role
from recording import lifecycle
from recording.models import (
    CancellationCriterion,
    CancellationRequest,
    Crime,
)
from recording.permissions import is_ddm
from recording.selectors import crime_visible
from recording.services.common import lock_crime, move_status, set_review_on, team_scope_refusal
from staffing.models import User
from staffing.services import allocation_finish

# ---------------------------------------------------------------- cancellation (R-CANCEL-*)


def _cancel_evidence(
    criterion: CancellationCriterion, evidence: str, avi: str, duplicate_of: str, crime: Crime, actor: User
) -> None:
    if not evidence.strip():
        raise DomainError(
            f"Give the evidence {criterion.code} needs: {criterion.evidence_required}", field="evidence"
        )
    if criterion.code == "C2" and not avi.strip():
        raise DomainError(
            "C2 needs the additional verifiable information itself (R-CANCEL-AVI); withdrawal of support or "
            "lack of evidence is not AVI.",
            field="avi",
        )
    if criterion.code == "C3":
        # Only a crime the person may see (R-RESTRICTED): a restricted one they may not see answers as
        # a missing one does, so the answer never tells whether such a crime exists.
        surviving = (
            crime_visible(user=actor).filter(crime_number=duplicate_of.strip()).exclude(pk=crime.pk).first()
        )
        if surviving is None:
            raise DomainError("Name the surviving crime number this one duplicates.", field="duplicate_of")


@transaction.atomic
def cancellation_request(
    *, crime: Crime, actor: User, criterion_code: str, evidence: str, avi: str = "", duplicate_of: str = ""
) -> CancellationRequest:
    crime = lock_crime(crime)
    try:
        criterion = CancellationCriterion.objects.get(code=criterion_code)
    except CancellationCriterion.DoesNotExist:
        raise DomainError(f"Unknown cancellation criterion {criterion_code!r}.", field="criterion") from None
    if criterion.code == "C1":
        raise DomainError(
            "Use a transfer: C1 cancellation follows the receiving force's acceptance.", field="criterion"
        )
    if lifecycle.transition_error(crime.status, lifecycle.CANCELLED):
        raise DomainError(lifecycle.transition_error(crime.status, lifecycle.CANCELLED) or "", field="status")
    _cancel_evidence(criterion, evidence, avi, duplicate_of, crime, actor)
    if crime.cancellations.filter(status=CancellationRequest.Status.PENDING).exists():
        raise DomainError("A cancellation is already awaiting a decision.", field="criterion")
    request = CancellationRequest(
        crime=crime,
        criterion=criterion,
        evidence=evidence.strip(),
        avi=avi.strip(),
        duplicate_of=duplicate_of.strip(),
        requested_by=actor,
    )
    request._history_user = actor  # type: ignore[attr-defined]
    request._change_reason = f"Cancellation requested under {criterion.code}"  # type: ignore[attr-defined]
    request.save()
    return request


def cancellation_refusal(
    *, request: CancellationRequest, actor: User, holds_ddm: bool | None = None
) -> str | None:
    """None when `actor` may decide `request`, else why not (R-CANCEL-DDM, R-RAPE-RECORD). A list asks
    once whether the actor is a DDM and passes it as `holds_ddm` for every row. Whatever the criterion
    (C3 too), the person who asked never decides; a sergeant decides for their own team (managers and
    admins across teams). A DDM who is not a supervisor acts for the Force Crime Registrar, outside the
    investigation and its team, so team scope does not narrow them (issue 17)."""
    if request.requested_by_id == actor.pk:
        return "Someone other than the person who asked for the cancellation must decide it."
    if actor.role in Role.SUPERVISORS:
        scope = team_scope_refusal(actor, request.crime, "decide this cancellation")
        if scope:
            return scope
    offence = request.crime.offence
    serious = lifecycle.is_serious_sexual(
        category=offence.category, seriousness_rank=offence.seriousness_rank
    )
    needs_ddm = request.criterion.needs_ddm_approval or serious
    if not needs_ddm:
        if actor.role not in Role.SUPERVISORS:
            return "Only a sergeant, manager or admin may decide this cancellation."
        return None
    return lifecycle.ddm_may_decide(
        role=actor.role,
        holds_ddm=is_ddm(actor) if holds_ddm is None else holds_ddm,
        serious_sexual=serious,
        is_requester=request.requested_by_id == actor.pk,
    )


@transaction.atomic
def cancellation_decide(
    *, request: CancellationRequest, actor: User, approve: bool, note: str = "", victim_informed: bool = False
) -> CancellationRequest:
    request = (
        CancellationRequest.objects.select_for_update()
        .select_related("crime__offence", "criterion")
        .get(pk=request.pk)
    )
    if request.status != CancellationRequest.Status.PENDING:
        raise DomainError("This cancellation has already been decided.", field="status")
    refusal = cancellation_refusal(request=request, actor=actor)
    if refusal:
        raise DomainError(refusal, field="decided_by")
    if not note.strip():
        raise DomainError("Record the reason for the decision.", field="note")
    if approve and not victim_informed:
        raise DomainError(
            "The victim must be told of a cancellation (R-CANCEL-DDM).", field="victim_informed"
        )
    request.status = CancellationRequest.Status.APPROVED if approve else CancellationRequest.Status.REJECTED
    request.decided_by = actor
    request.decided_at = timezone.now()
    request.decision_note = note.strip()
    request.victim_informed = victim_informed
    request._history_user = actor  # type: ignore[attr-defined]
    request._change_reason = f"Cancellation {request.status}: {note}"  # type: ignore[attr-defined]
    request.save()
    if approve:
        crime = lock_crime(request.crime)
        move_status(crime, lifecycle.CANCELLED)
        crime.cancelled_under = request.criterion
        crime.cancelled_at = request.decided_at
        crime.next_victim_update_due = None
        set_review_on(crime, request.decided_at)
        crime._history_user = actor  # type: ignore[attr-defined]
        crime._change_reason = f"Cancelled under {request.criterion.code}: {note}"  # type: ignore[attr-defined]
        crime.save(
            update_fields=[
                "status",
                "cancelled_under",
                "cancelled_at",
                "next_victim_update_due",
                "review_on",
                "updated_at",
            ]
        )
        allocation_finish(item=crime, actor=actor, reason=f"Crime cancelled under {request.criterion.code}")
    return request
