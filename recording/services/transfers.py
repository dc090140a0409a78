"""The force directory and transfers between forces (R-LOCATION, R-TRANSFER-PROTOCOL,
R-CANCEL-C1-TRANSFER)."""

from __future__ import annotations

from datetime import date, datetime

from django.db import transaction
from django.utils import timezone

from config.exceptions import DomainError
from config.permissions import Role
from recording import lifecycle
from recording.models import (
    CancellationCriterion,
    CancellationRequest,
    Crime,
    CrimeTransfer,
    Force,
    Offence,
)
from recording.services.common import (
    lock_crime,
    move_status,
    require_past_time,
    require_reason,
    require_supervisor,
    team_scope_refusal,
)
from recording.services.crimes import CrimeDetails, VictimInput, crime_create
from staffing.models import User
from staffing.services import allocation_finish

# ---------------------------------------------------------------- force directory and transfers


@transaction.atomic
def force_save(
    *,
    actor: User,
    code: str,
    name: str,
    transfer_email: str = "",
    transfer_phone: str = "",
    notes: str = "",
    last_verified: date | None = None,
    force: Force | None = None,
    reason: str = "Force directory updated",
) -> Force:
    """Create or update a force directory entry (sergeants maintain it; audited)."""
    require_supervisor(actor, "maintain the force directory")
    code = code.strip().upper()
    if not code:
        raise DomainError("Give the force code.", field="code")
    clash = Force.objects.filter(code=code)
    if force is not None:
        clash = clash.exclude(pk=force.pk)
        force = Force.objects.select_for_update().get(pk=force.pk)
    if clash.exists():
        raise DomainError(f"Force {code} is already in the directory.", field="code")
    if last_verified and last_verified > timezone.localdate():
        raise DomainError("The last-verified date cannot be in the future.", field="last_verified")
    force = force or Force()
    force.code = code
    force.name = name.strip()
    force.transfer_email = transfer_email.strip()
    force.transfer_phone = transfer_phone.strip()
    force.notes = notes
    force.last_verified = last_verified
    force.full_clean()
    force._history_user = actor  # type: ignore[attr-defined]
    force._change_reason = require_reason(reason)  # type: ignore[attr-defined]
    force.save()
    return force


@transaction.atomic
def transfer_out_request(*, crime: Crime, actor: User, force_code: str, reason: str) -> CrimeTransfer:
    crime = lock_crime(crime)
    reason = require_reason(reason)
    force = Force.objects.filter(code=force_code.strip().upper()).first()
    if force is None:
        raise DomainError(f"Force {force_code!r} is not in the force directory.", field="force")
    if lifecycle.transition_error(crime.status, lifecycle.TRANSFERRED):
        raise DomainError(
            lifecycle.transition_error(crime.status, lifecycle.TRANSFERRED) or "", field="status"
        )
    if crime.transfers.filter(status=CrimeTransfer.Status.PENDING).exists():
        raise DomainError("A transfer is already pending for this crime.", field="force")
    transfer = CrimeTransfer(
        crime=crime,
        direction=CrimeTransfer.Direction.OUTGOING,
        force=force,
        reason=reason,
        requested_by=actor,
    )
    transfer._history_user = actor  # type: ignore[attr-defined]
    transfer._change_reason = reason  # type: ignore[attr-defined]
    transfer.save()
    return transfer


@transaction.atomic
def transfer_in_register(
    *,
    actor: User,
    force_code: str,
    their_reference: str,
    offence_code: str,
    reported_at: datetime,
    summary: str,
    victim_name: str = "",
) -> CrimeTransfer:
    """Another force passes us a crime that happened in our area (R-TRANSFER-PROTOCOL); pending until
    accepted, when a crime is created carrying their reference."""
    force = Force.objects.filter(code=force_code.strip().upper()).first()
    if force is None:
        raise DomainError(f"Force {force_code!r} is not in the force directory.", field="force")
    if not their_reference.strip():
        raise DomainError("Give the sending force's reference.", field="their_reference")
    offence = Offence.objects.filter(code=offence_code).first()
    if offence is None:
        raise DomainError(f"Unknown offence code {offence_code!r}.", field="offence")
    require_past_time(reported_at, field="reported_at", future="The report cannot be in the future.")
    transfer = CrimeTransfer(
        direction=CrimeTransfer.Direction.INCOMING,
        force=force,
        their_reference=their_reference.strip(),
        offence=offence,
        reported_at=reported_at,
        summary=summary,
        reason=victim_name,
        requested_by=actor,
    )
    transfer._history_user = actor  # type: ignore[attr-defined]
    transfer._change_reason = f"Incoming transfer from {force.code}"  # type: ignore[attr-defined]
    transfer.save()
    return transfer


def transfer_refusal(*, transfer: CrimeTransfer, actor: User) -> str | None:
    """None when `actor` may record the answer to `transfer`, else why not: a supervisor; for an outgoing
    transfer, of the crime's team (managers and admins across teams). An incoming one belongs to no team
    until accepted."""
    if actor.role not in Role.SUPERVISORS:
        return "Only a sergeant, manager or admin may record a transfer decision."
    if transfer.crime is not None:
        return team_scope_refusal(actor, transfer.crime, "decide this transfer")
    return None


@transaction.atomic
def transfer_decide(
    *, transfer: CrimeTransfer, actor: User, accept: bool, their_reference: str = "", note: str = ""
) -> CrimeTransfer:
    """Outgoing accepted: the crime is cancelled under C1 (R-CANCEL-C1-TRANSFER) keeping the receiving
    force's reference. Incoming accepted: a crime is recorded here with the sending force's reference."""
    transfer = (
        CrimeTransfer.objects.select_for_update(of=("self",))
        .select_related("force", "offence", "crime")
        .get(pk=transfer.pk)
    )
    if transfer.status != CrimeTransfer.Status.PENDING:
        raise DomainError("This transfer has already been decided.", field="status")
    refusal = transfer_refusal(transfer=transfer, actor=actor)
    if refusal:
        raise DomainError(refusal, field="decided_by")
    if transfer.direction == CrimeTransfer.Direction.OUTGOING and accept and not their_reference.strip():
        raise DomainError("Record the receiving force's reference.", field="their_reference")
    if not accept and not note.strip():
        raise DomainError("Say why the transfer was rejected.", field="note")
    now = timezone.now()
    transfer.status = CrimeTransfer.Status.ACCEPTED if accept else CrimeTransfer.Status.REJECTED
    transfer.decided_by = actor
    transfer.decided_at = now
    transfer.decision_note = note
    if their_reference.strip():
        transfer.their_reference = their_reference.strip()
    if accept and transfer.direction == CrimeTransfer.Direction.OUTGOING and transfer.crime is not None:
        crime = lock_crime(transfer.crime)
        move_status(crime, lifecycle.TRANSFERRED)
        c1 = CancellationCriterion.objects.get(code="C1")
        record = CancellationRequest(
            crime=crime,
            criterion=c1,
            evidence=f"Accepted by {transfer.force} as {transfer.their_reference}.",
            status=CancellationRequest.Status.APPROVED,
            requested_by=transfer.requested_by,
            decided_by=actor,
            decided_at=now,
            decision_note=note or "Transfer accepted",
            victim_informed=True,
        )
        record._history_user = actor  # type: ignore[attr-defined]
        record._change_reason = "C1 on transfer acceptance (R-CANCEL-C1-TRANSFER)"  # type: ignore[attr-defined]
        record.save()
        crime.cancelled_under = c1
        crime.cancelled_at = now
        crime.next_victim_update_due = None
        crime._history_user = actor  # type: ignore[attr-defined]
        crime._change_reason = (  # type: ignore[attr-defined]
            f"Transferred to {transfer.force.code} ({transfer.their_reference}); cancelled under C1"
        )
        crime.save(
            update_fields=[
                "status",
                "cancelled_under",
                "cancelled_at",
                "next_victim_update_due",
                "updated_at",
            ]
        )
        allocation_finish(item=crime, actor=actor, reason=f"Crime transferred to {transfer.force.code}")
    if accept and transfer.direction == CrimeTransfer.Direction.INCOMING:
        assert transfer.offence is not None and transfer.reported_at is not None  # noqa: S101
        victims = [VictimInput(name=transfer.reason)] if transfer.reason else []
        transfer.crime = crime_create(
            actor=actor,
            offence_code=transfer.offence.code,
            reported_at=transfer.reported_at,
            victims=victims,
            details=CrimeDetails(summary=transfer.summary),
            sending_force_reference=transfer.their_reference,
            reason=f"Incoming transfer from {transfer.force.code} ({transfer.their_reference})",
        )
    transfer._history_user = actor  # type: ignore[attr-defined]
    transfer._change_reason = f"Transfer {transfer.status}"  # type: ignore[attr-defined]
    transfer.save()
    allocation_finish(item=transfer, actor=actor, reason=f"Transfer {transfer.status} by {actor.username}")
    return transfer
