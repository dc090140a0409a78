"""Work on a recorded crime: status, allocation, screening, reclassification (R-RECLASSIFY),
cancellation (R-CANCEL-*), transfers (R-LOCATION, R-TRANSFER-PROTOCOL), outcomes (R-OUTCOME-*),
victim contact, enquiries and appointments. Every write is atomic and leaves a history row with a reason."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone

from config.exceptions import DomainError
from config.permissions import Role
from recording import lifecycle
from recording.models import (
    Appointment,
    CancellationCriterion,
    CancellationRequest,
    ClassificationChange,
    Crime,
    CrimeTransfer,
    CrimeVictim,
    Enquiry,
    Force,
    HomeOfficeOutcome,
    Offence,
    VictimUpdate,
)
from recording.permissions import is_ddm
from recording.services.crimes import CrimeDetails, VictimInput, crime_create
from staffing.models import Team, User


def _reason(reason: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise DomainError("Give a reason.", field="reason")
    return reason


def _lock(crime: Crime) -> Crime:
    return Crime.objects.select_for_update(of=("self",)).select_related("offence").get(pk=crime.pk)


def _require_supervisor(actor: User, what: str) -> None:
    if actor.role not in Role.SUPERVISORS:
        raise DomainError(f"Only a sergeant, manager or admin may {what}.", field="decided_by")


def _move(crime: Crime, new: str) -> None:
    error = lifecycle.transition_error(crime.status, new)
    if error:
        raise DomainError(error, field="status")
    crime.status = new


# ---------------------------------------------------------------- status, allocation, screening


@transaction.atomic
def crime_set_status(*, crime: Crime, actor: User, status: str, reason: str) -> Crime:
    """Move along the lifecycle. Finalising, cancelling and transferring have their own services."""
    crime = _lock(crime)
    if status in {lifecycle.FINALISED, lifecycle.CANCELLED, lifecycle.TRANSFERRED}:
        raise DomainError(f"Use the {status} action: it has its own checks.", field="status")
    if status not in Crime.Status.values:
        raise DomainError(f"Unknown status {status!r}.", field="status")
    _move(crime, status)
    crime._history_user = actor  # type: ignore[attr-defined]
    crime._change_reason = _reason(reason)  # type: ignore[attr-defined]
    crime.save(update_fields=["status", "updated_at"])
    return crime


@transaction.atomic
def crime_allocate(*, crime: Crime, actor: User, owner: User | None, team: Team | None, reason: str) -> Crime:
    crime = _lock(crime)
    if owner is not None and owner.role not in {Role.INVESTIGATOR, Role.SERGEANT}:
        raise DomainError("Crimes are owned by an investigator or a sergeant.", field="owner")
    if crime.status == lifecycle.RECORDED and owner is not None:
        _move(crime, lifecycle.ALLOCATED)
    elif crime.status not in lifecycle.OPEN_STATUSES:
        raise DomainError("Only an open crime can be allocated.", field="status")
    crime.owner = owner
    crime.team = team if team is not None else (owner.team if owner is not None else crime.team)
    crime._history_user = actor  # type: ignore[attr-defined]
    crime._change_reason = _reason(reason)  # type: ignore[attr-defined]
    crime.save(update_fields=["owner", "team", "status", "updated_at"])
    return crime


@transaction.atomic
def crime_update_assessment(
    *,
    crime: Crime,
    actor: User,
    reason: str,
    grade: str | None = None,
    thrive_notes: str | None = None,
    vulnerable_victim: bool | None = None,
    domestic_abuse: bool | None = None,
    hate_crime: bool | None = None,
    safeguarding_referral: bool | None = None,
    safeguarding_notes: str | None = None,
    solvability: str | None = None,
    solvability_factors: Sequence[str] | None = None,
    solvability_reason: str | None = None,
    victim_view: str | None = None,
    victim_view_evidence: str | None = None,
) -> Crime:
    """THRIVE re-grading (R-THRIVE), vulnerability flags, solvability screening and the victim's view."""
    crime = _lock(crime)
    changed: list[str] = []
    values = {
        "grade": grade,
        "thrive_notes": thrive_notes,
        "vulnerable_victim": vulnerable_victim,
        "domestic_abuse": domestic_abuse,
        "hate_crime": hate_crime,
        "safeguarding_referral": safeguarding_referral,
        "safeguarding_notes": safeguarding_notes,
        "solvability": solvability,
        "solvability_factors": list(solvability_factors) if solvability_factors is not None else None,
        "solvability_reason": solvability_reason,
        "victim_view": victim_view,
        "victim_view_evidence": victim_view_evidence,
    }
    for name, value in values.items():
        if value is not None and getattr(crime, name) != value:
            setattr(crime, name, value)
            changed.append(name)
    if crime.solvability != Crime.Solvability.NOT_SCREENED and not crime.solvability_reason.strip():
        raise DomainError("Say why the crime was screened in or out.", field="solvability_reason")
    if crime.victim_view and not crime.victim_view_evidence.strip():
        raise DomainError("Record how the victim's view was obtained.", field="victim_view_evidence")
    if not changed:
        return crime
    crime.full_clean(exclude=["incidents"])
    crime._history_user = actor  # type: ignore[attr-defined]
    crime._change_reason = _reason(reason)  # type: ignore[attr-defined]
    crime.save(update_fields=[*changed, "updated_at"])
    return crime


# ---------------------------------------------------------------- reclassification (R-RECLASSIFY)


@transaction.atomic
def reclassification_propose(
    *, crime: Crime, actor: User, offence_code: str, reason: str
) -> ClassificationChange:
    crime = _lock(crime)
    reason = _reason(reason)
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
    _require_supervisor(actor, "decide a reclassification")
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
        crime = _lock(change.crime)
        crime.offence = change.to_offence
        crime.restricted = change.to_offence.restricted
        crime._history_user = actor  # type: ignore[attr-defined]
        crime._change_reason = (  # type: ignore[attr-defined]
            f"Reclassified {change.from_offence.code if change.from_offence else '?'} -> "
            f"{change.to_offence.code} (R-RECLASSIFY): {change.reason}"
        )
        crime.save(update_fields=["offence", "restricted", "updated_at"])
    return change


# ---------------------------------------------------------------- cancellation (R-CANCEL-*)


def _cancel_evidence(
    criterion: CancellationCriterion, evidence: str, avi: str, duplicate_of: str, crime: Crime
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
        surviving = Crime.objects.filter(crime_number=duplicate_of.strip()).exclude(pk=crime.pk).first()
        if surviving is None:
            raise DomainError("Name the surviving crime number this one duplicates.", field="duplicate_of")


@transaction.atomic
def cancellation_request(
    *, crime: Crime, actor: User, criterion_code: str, evidence: str, avi: str = "", duplicate_of: str = ""
) -> CancellationRequest:
    crime = _lock(crime)
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
    _cancel_evidence(criterion, evidence, avi, duplicate_of, crime)
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


def cancellation_refusal(*, request: CancellationRequest, actor: User) -> str | None:
    """None when `actor` may decide `request`, else why not (R-CANCEL-DDM, R-RAPE-RECORD)."""
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
        holds_ddm=is_ddm(actor),
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
        crime = _lock(request.crime)
        _move(crime, lifecycle.CANCELLED)
        crime.cancelled_under = request.criterion
        crime.cancelled_at = request.decided_at
        crime.next_victim_update_due = None
        crime._history_user = actor  # type: ignore[attr-defined]
        crime._change_reason = f"Cancelled under {request.criterion.code}: {note}"  # type: ignore[attr-defined]
        crime.save(
            update_fields=[
                "status",
                "cancelled_under",
                "cancelled_at",
                "next_victim_update_due",
                "updated_at",
            ]
        )
    return request


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
    _require_supervisor(actor, "maintain the force directory")
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
    force._change_reason = _reason(reason)  # type: ignore[attr-defined]
    force.save()
    return force


@transaction.atomic
def transfer_out_request(*, crime: Crime, actor: User, force_code: str, reason: str) -> CrimeTransfer:
    crime = _lock(crime)
    reason = _reason(reason)
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
    if reported_at > timezone.now():
        raise DomainError("The report cannot be in the future.", field="reported_at")
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


@transaction.atomic
def transfer_decide(
    *, transfer: CrimeTransfer, actor: User, accept: bool, their_reference: str = "", note: str = ""
) -> CrimeTransfer:
    """Outgoing accepted: the crime is cancelled under C1 (R-CANCEL-C1-TRANSFER) keeping the receiving
    force's reference. Incoming accepted: a crime is recorded here with the sending force's reference."""
    transfer = (
        CrimeTransfer.objects.select_for_update(of=("self",))
        .select_related("force", "offence")
        .get(pk=transfer.pk)
    )
    if transfer.status != CrimeTransfer.Status.PENDING:
        raise DomainError("This transfer has already been decided.", field="status")
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
        crime = _lock(transfer.crime)
        _move(crime, lifecycle.TRANSFERRED)
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
    return transfer


# ---------------------------------------------------------------- outcomes (R-OUTCOME-*)


def outcome_problems(crime: Crime, outcome: HomeOfficeOutcome) -> dict[str, str]:
    """Preconditions from ho_outcomes.csv, by the field to blame."""
    problems: dict[str, str] = {}
    identified = any(s.identified for s in crime.suspects.all())
    if outcome.requires_suspect and not identified:
        problems["outcome"] = (
            f"Outcome {outcome.code} needs an identified suspect on the crime (R-OUTCOME-SUSPECT)."
        )
    if outcome.code in {"14", "18"} and identified:
        problems["outcome"] = (
            f"Outcome {outcome.code} is for crimes with no identified suspect (R-OUTCOME-SUSPECT)."
        )
    if outcome.requires_victim_view:
        if not crime.victim_view or not crime.victim_view_evidence.strip():
            problems["victim_view"] = (
                f"Outcome {outcome.code} needs the victim's view recorded with evidence "
                "(R-OUTCOME-VICTIM-VIEW)."
            )
        elif outcome.code in {"14", "16"} and crime.victim_view == Crime.VictimView.SUPPORTS:
            problems["victim_view"] = f"Outcome {outcome.code} rests on the victim not supporting action."
        elif outcome.code == "15" and crime.victim_view != Crime.VictimView.SUPPORTS:
            problems["victim_view"] = "Outcome 15 rests on the victim supporting action."
    return problems


@transaction.atomic
def crime_finalise(*, crime: Crime, actor: User, outcome_code: str, reason: str) -> Crime:
    """Assign the Home Office outcome (R-OUTCOME-ASSIGN). The crime stays counted (R-OUTCOME-NOT-CANCEL)."""
    crime = _lock(crime)
    reason = _reason(reason)
    outcome = HomeOfficeOutcome.objects.filter(code=outcome_code).first()
    if outcome is None:
        raise DomainError(f"Unknown outcome code {outcome_code!r}.", field="outcome")
    if lifecycle.transition_error(crime.status, lifecycle.FINALISED):
        raise DomainError(lifecycle.transition_error(crime.status, lifecycle.FINALISED) or "", field="status")
    problems = outcome_problems(crime, outcome)
    if problems:
        field, message = next(iter(problems.items()))
        raise DomainError(message, field=field)
    crime.status = lifecycle.FINALISED
    crime.outcome = outcome
    crime.outcome_at = timezone.now()
    crime.outcome_reason = reason
    crime.next_victim_update_due = None
    crime._history_user = actor  # type: ignore[attr-defined]
    crime._change_reason = f"Finalised with outcome {outcome.code}: {reason}"  # type: ignore[attr-defined]
    crime.save(
        update_fields=[
            "status",
            "outcome",
            "outcome_at",
            "outcome_reason",
            "next_victim_update_due",
            "updated_at",
        ]
    )
    return crime


# ---------------------------------------------------------------- victim contact, enquiries, appointments


@transaction.atomic
def victim_update_record(
    *,
    crime: Crime,
    actor: User,
    contacted_at: datetime,
    method: str,
    summary: str,
    victim: CrimeVictim | None = None,
) -> VictimUpdate:
    """Log a contact; the next update falls due 28 days later (lifecycle.UPDATE_EVERY)."""
    crime = _lock(crime)
    if victim is not None and victim.crime_id != crime.pk:
        raise DomainError("That victim is not on this crime.", field="victim")
    if method not in VictimUpdate.Method.values:
        raise DomainError(f"Unknown contact method {method!r}.", field="method")
    if contacted_at > timezone.now() + timedelta(minutes=5):
        raise DomainError("A contact cannot be in the future.", field="contacted_at")
    if contacted_at < crime.reported_at:
        raise DomainError("A contact cannot be before the crime was reported.", field="contacted_at")
    if not summary.strip():
        raise DomainError("Say what the victim was told.", field="summary")
    update = VictimUpdate(
        crime=crime,
        victim=victim,
        contacted_at=contacted_at,
        method=method,
        summary=summary.strip(),
        next_due=lifecycle.next_victim_update_due(contacted_at),
        created_by=actor,
    )
    update._history_user = actor  # type: ignore[attr-defined]
    update._change_reason = "Victim update logged"  # type: ignore[attr-defined]
    update.save()
    if crime.status in lifecycle.OPEN_STATUSES:
        latest = crime.victim_updates.order_by("-contacted_at").values_list("next_due", flat=True).first()
        crime.next_victim_update_due = latest
        crime._history_user = actor  # type: ignore[attr-defined]
        crime._change_reason = "Victim update logged"  # type: ignore[attr-defined]
        crime.save(update_fields=["next_victim_update_due", "updated_at"])
    return update


@transaction.atomic
def enquiry_create(
    *,
    crime: Crime,
    actor: User,
    kind: str,
    details: str = "",
    assigned_to: User | None = None,
    due_at: datetime | None = None,
) -> Enquiry:
    if kind not in Enquiry.Kind.values:
        raise DomainError(f"Unknown enquiry type {kind!r}.", field="kind")
    if crime.status not in lifecycle.OPEN_STATUSES:
        raise DomainError("Enquiries can only be raised on an open crime.", field="status")
    enquiry = Enquiry(
        crime=crime, kind=kind, details=details, assigned_to=assigned_to, due_at=due_at, created_by=actor
    )
    enquiry._history_user = actor  # type: ignore[attr-defined]
    enquiry._change_reason = "Fast-track enquiry raised"  # type: ignore[attr-defined]
    enquiry.save()
    return enquiry


@transaction.atomic
def enquiry_update(*, enquiry: Enquiry, actor: User, status: str, result: str = "") -> Enquiry:
    enquiry = Enquiry.objects.select_for_update().get(pk=enquiry.pk)
    if status not in Enquiry.Status.values:
        raise DomainError(f"Unknown status {status!r}.", field="status")
    done = {Enquiry.Status.COMPLETED, Enquiry.Status.NO_RESULT}
    if status in done and not result.strip():
        raise DomainError("Record the result of the enquiry.", field="result")
    enquiry.status = status
    if result.strip():
        enquiry.result = result.strip()
    enquiry._history_user = actor  # type: ignore[attr-defined]
    enquiry._change_reason = f"Enquiry {status}"  # type: ignore[attr-defined]
    enquiry.save()
    return enquiry


@transaction.atomic
def appointment_book(
    *,
    crime: Crime,
    actor: User,
    officer: User,
    starts_at: datetime,
    ends_at: datetime,
    victim: CrimeVictim | None = None,
    location: str = "",
    notes: str = "",
) -> Appointment:
    """Book an officer to see a victim. Refuses a slot overlapping another live booking of the same
    officer; the unique constraint on (officer, starts_at) backs that up against races."""
    if ends_at <= starts_at:
        raise DomainError("The appointment must end after it starts.", field="ends_at")
    if starts_at < timezone.now():
        raise DomainError("An appointment cannot be booked in the past.", field="starts_at")
    if victim is not None and victim.crime_id != crime.pk:
        raise DomainError("That victim is not on this crime.", field="victim")
    if officer.role not in {Role.INVESTIGATOR, Role.SERGEANT, Role.RECORDER}:
        raise DomainError("Book an officer or investigator.", field="officer")
    User.objects.select_for_update().filter(pk=officer.pk).first()  # serialise bookings per officer
    clash = (
        Appointment.objects.filter(officer=officer, starts_at__lt=ends_at, ends_at__gt=starts_at)
        .exclude(status=Appointment.Status.CANCELLED)
        .exists()
    )
    if clash:
        raise DomainError(f"{officer} is already booked at that time.", field="starts_at")
    appointment = Appointment(
        crime=crime,
        officer=officer,
        victim=victim,
        starts_at=starts_at,
        ends_at=ends_at,
        location=location,
        notes=notes,
        created_by=actor,
    )
    appointment._history_user = actor  # type: ignore[attr-defined]
    appointment._change_reason = "Appointment booked"  # type: ignore[attr-defined]
    try:
        with transaction.atomic():
            appointment.save()
    except IntegrityError:
        raise DomainError(f"{officer} is already booked at that time.", field="starts_at") from None
    return appointment


@transaction.atomic
def appointment_set_status(*, appointment: Appointment, actor: User, status: str, reason: str) -> Appointment:
    appointment = Appointment.objects.select_for_update().get(pk=appointment.pk)
    if status not in Appointment.Status.values:
        raise DomainError(f"Unknown status {status!r}.", field="status")
    appointment.status = status
    appointment._history_user = actor  # type: ignore[attr-defined]
    appointment._change_reason = _reason(reason)  # type: ignore[attr-defined]
    appointment.save(update_fields=["status"])
    return appointment
