"""A sergeant's actions on an unrecorded-incident flag (R-NSIR-AUDIT-TRAIL): assign, resolve with the
crime recorded for it, dismiss with a reason, escalate to the control room (R-FCR) and record its answer.
The sweep that raises and closes flags is qa.services.sweep."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from config.exceptions import DomainError
from qa import selectors
from qa.models import UnrecordedFlag
from recording.models import NsirCode
from recording.services.incidents import incident_link_crime
from staffing.models import User
from staffing.services import allocation_finish, allocation_give_to

MATCHED_LINK_REASON = "Resolves its unrecorded-incident flag: the crime recorded for this incident"


def _open_flag(flag_id: int) -> UnrecordedFlag:
    flag = UnrecordedFlag.objects.select_for_update().select_related("incident").get(pk=flag_id)
    if flag.status != UnrecordedFlag.Status.OPEN:
        raise DomainError(f"This flag is already {flag.get_status_display().lower()}.", field="status")
    return flag


@transaction.atomic
def flag_assign(*, flag_id: int, investigator: User, actor: User, reason: str = "") -> UnrecordedFlag:
    """Give the flag to an investigator through staffing's allocation service (Skill.UNRECORDED_FLAGS),
    so the flag's `assigned_to` and its open Allocation agree and the investigator's workload counts it.
    Someone the staffing rules would not choose (no valid training, off shift, at capacity) needs a
    sergeant's reason; nothing is changed when refused."""
    if investigator.role != User.Role.INVESTIGATOR or not investigator.is_active:
        raise DomainError("Choose an active investigator.", field="assigned_to")
    flag = _open_flag(flag_id)
    # The flag's assignee has one writer: staffing calls qa's registered callback once it has given the
    # flag to the investigator (qa.services.allocation), so the flag and its Allocation cannot disagree.
    try:
        allocation_give_to(item=flag, assignee=investigator, actor=actor, reason=reason)
    except DomainError as exc:
        raise DomainError(exc.message, field="reason" if exc.field == "assignee" else exc.field) from exc
    flag.refresh_from_db(fields=["assigned_to"])
    return flag


@transaction.atomic
def flag_resolve(*, flag_id: int, crime_number: str, actor: User, reason: str = "") -> UnrecordedFlag:
    """Resolve the flag with the crime recorded for its incident: the crime is linked to the incident
    through recording's link service (both ways, audited) and the incident takes its number. A crime
    that does not match the incident (linked to another incident, of another force, reported more than
    RESOLVE_FLAG_MATCH_DAYS days from the incident's opening, at another place, or of another kind than
    the incident's NSIR code names; qa.rules.flag_crime_match) needs a reason, kept on the flag with
    each thing that did not match. Refused: nothing changes."""
    reason = reason.strip()
    flag = _open_flag(flag_id)
    candidate = selectors.flag_candidate(incident=flag.incident, crime_number=crime_number, user=actor)
    if candidate.match.needs_reason and not reason:
        raise DomainError(
            f"Crime {candidate.crime.crime_number} does not match this incident: "
            f"{'; '.join(candidate.match.explanation)}. Say why it is this incident's crime.",
            field="reason",
        )
    if not candidate.linked:
        incident_link_crime(
            incident_id=flag.incident_id,
            crime_number=candidate.crime.crime_number,
            actor=actor,
            reason=reason or MATCHED_LINK_REASON,
        )
    flag.status = UnrecordedFlag.Status.RESOLVED
    flag.resolved_crime_number = candidate.crime.crime_number
    flag.resolve_mismatch = "; ".join(candidate.match.explanation)
    flag.resolve_reason = reason
    flag.closed_at = timezone.now()
    flag.closed_by = actor
    because = f" despite a mismatch ({flag.resolve_mismatch}): {reason}" if flag.resolve_mismatch else ""
    flag._change_reason = (  # type: ignore[attr-defined]
        f"Resolved by {actor}: crime {flag.resolved_crime_number} linked{because}"
    )
    flag.full_clean()
    flag.save(
        update_fields=[
            "status",
            "resolved_crime_number",
            "resolve_mismatch",
            "resolve_reason",
            "closed_at",
            "closed_by",
        ]
    )
    allocation_finish(item=flag, actor=actor)
    return flag


@transaction.atomic
def flag_dismiss(*, flag_id: int, reason: str, closing_nsir_code: str, actor: User) -> UnrecordedFlag:
    """Close a flag with a written reason that shows the NCRS was not breached (R-NSIR-AUDIT-TRAIL), e.g.
    the incident was not crime-related after all, with its NSIR closing code."""
    reason = reason.strip()
    if not reason:
        raise DomainError("Say why no crime needs recording.", field="reason")
    code = NsirCode.objects.filter(code=closing_nsir_code.strip()).first()
    if code is None:
        raise DomainError("Choose the NSIR closing code.", field="closing_nsir_code")
    if code.crime_related:
        raise DomainError(
            "A crime-related closing code means a crime must be recorded: "
            "resolve the flag with its crime number instead.",
            field="closing_nsir_code",
        )
    flag = _open_flag(flag_id)
    flag.status = UnrecordedFlag.Status.DISMISSED
    flag.dismiss_reason = reason
    flag.closing_nsir_code = code
    flag.closed_at = timezone.now()
    flag.closed_by = actor
    flag._change_reason = f"Dismissed by {actor}: {reason}"  # type: ignore[attr-defined]
    flag.full_clean()
    flag.save(update_fields=["status", "dismiss_reason", "closing_nsir_code", "closed_at", "closed_by"])
    allocation_finish(item=flag, actor=actor)
    return flag


@transaction.atomic
def flag_escalate(*, flag_id: int, note: str, actor: User) -> UnrecordedFlag:
    """Ask the control room (R-FCR: the registrar's office decides counting questions) about the flag.
    The escalation stays open, with its age, until its answer is recorded; the flag stays open until a
    crime or a reason closes it. A flag already waiting for an answer cannot be escalated again."""
    note = note.strip()
    if not note:
        raise DomainError("Write a note for the control room.", field="note")
    flag = _open_flag(flag_id)
    if flag.escalation_open:
        raise DomainError(
            "This flag is already waiting for the control room's answer: record it first.", field="note"
        )
    flag.escalated_at = timezone.now()
    flag.escalation_note = note
    flag.escalation_answer = ""
    flag.escalation_answered_at = None
    flag.escalation_answered_by = None
    flag._change_reason = f"Escalated to the control room by {actor}: {note}"  # type: ignore[attr-defined]
    flag.save(
        update_fields=[
            "escalated_at",
            "escalation_note",
            "escalation_answer",
            "escalation_answered_at",
            "escalation_answered_by",
        ]
    )
    return flag


@transaction.atomic
def flag_escalation_answer(*, flag_id: int, answer: str, actor: User) -> UnrecordedFlag:
    """Record the control room's answer to an escalation, which closes the escalation. The flag is then
    resolved or dismissed on that answer as usual."""
    answer = answer.strip()
    if not answer:
        raise DomainError("Write the control room's answer.", field="answer")
    flag = _open_flag(flag_id)
    if not flag.escalation_open:
        raise DomainError("This flag is not waiting for the control room.", field="answer")
    flag.escalation_answer = answer
    flag.escalation_answered_at = timezone.now()
    flag.escalation_answered_by = actor
    flag._change_reason = f"Control room's answer recorded by {actor}: {answer}"  # type: ignore[attr-defined]
    flag.save(update_fields=["escalation_answer", "escalation_answered_at", "escalation_answered_by"])
    return flag
