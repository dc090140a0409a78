"""Handling a case: initial contact, informal handling, recording, IOPC referral, PCC handling,
contacts and letters."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone

from complaints import rules
from complaints.models import (
    AppropriateAuthority,
    CaseAction,
    Complainant,
    ComplaintCase,
    Contact,
    Route,
)
from complaints.selectors import (
    case_triage,
)
from complaints.selectors.reference import time_limits
from complaints.services.common import (
    SCHEDULE_3_ROUTES,
    _lock_open,
    _log,
    _save,
    on_day,
)
from config.exceptions import DomainError
from staffing.letter_sources import SentLetter
from staffing.models import User


# ---------------------------------------------------------------- handling
@transaction.atomic
def complaint_initial_contact(
    *, case_id: int, actor: User, at: dt.datetime, method: str, summary: str, version: int | None = None
) -> ComplaintCase:
    """C-INITIAL-CONTACT: ask the complainant how they would like the complaint handled."""
    case = _lock_open(case_id, version)
    if at > timezone.now():
        raise DomainError("The contact time cannot be in the future.", field="at")
    _contact(case, actor=actor, at=at, method=method, summary=summary, is_update=False)
    case.initial_contact_at = at
    _save(case, "Initial contact made", ["initial_contact_at"])
    _log(
        case,
        actor=actor,
        kind=CaseAction.Kind.INITIAL_CONTACT,
        summary=f"Initial contact by {Complainant.ContactMethod(method).label.lower()}",
        reason=summary,
        rule_ids=["C-INITIAL-CONTACT"],
    )
    return case


@transaction.atomic
def complaint_service_recovery(
    *, case_id: int, actor: User, complainant_agreed: bool, reason: str, version: int | None = None
) -> ComplaintCase:
    """Handle outside Schedule 3 (C-OUTSIDE-S3) only with agreement and no must-record trigger."""
    case = _lock_open(case_id, version)
    if not complainant_agreed:
        raise DomainError(
            "Handling outside Schedule 3 needs the complainant's agreement (C-OUTSIDE-S3-CONDITIONS).",
            field="complainant_agreed",
        )
    case.complainant_agrees_outside_schedule_3 = True
    proposal = case_triage(case)
    if proposal.must_record or case.complainant_wants_recording:
        why = [r for r in proposal.rules if r.startswith("C-RECORD-")] or ["C-RECORD-WHEN-WANTED"]
        raise DomainError(
            "This complaint must be recorded under Schedule 3 and cannot be handled outside it ("
            + ", ".join(why)
            + ").",
            field="route",
        )
    case.route = Route.OUTSIDE_SCHEDULE_3
    _save(case, "Handled outside Schedule 3", ["route", "complainant_agrees_outside_schedule_3"])
    _log(
        case,
        actor=actor,
        kind=CaseAction.Kind.SERVICE_RECOVERY,
        summary="Service recovery outside Schedule 3 agreed",
        reason=reason,
        rule_ids=["C-OUTSIDE-S3", "C-OUTSIDE-S3-CONDITIONS", "C-OUTSIDE-S3-LOG"],
    )
    return case


@transaction.atomic
def complaint_record(
    *,
    case_id: int,
    actor: User,
    recorded_on: dt.date,
    dse_handover_on: dt.date | None = None,
    dse_reference: str = "",
    reason: str = "",
    version: int | None = None,
) -> ComplaintCase:
    """Record under Schedule 3 and hand over to the force's DSE (C-RECORD-*, C-RECORD-COPY). A chief
    officer complaint stays with the PCC (C-CHIEF-OFFICER) and is not handed to DSE."""
    case = _lock_open(case_id, version)
    today = timezone.localdate()
    if recorded_on > today:
        raise DomainError("The recording date cannot be in the future.", field="recorded_on")
    if recorded_on < timezone.localdate(case.received_at):
        raise DomainError("A complaint cannot be recorded before it was received.", field="recorded_on")
    pcc = case.appropriate_authority == AppropriateAuthority.LOCAL_POLICING_BODY
    if not pcc:
        if dse_handover_on is None:
            raise DomainError("Give the date the case was handed to DSE.", field="dse_handover_on")
        if dse_handover_on > today:
            raise DomainError("The handover date cannot be in the future.", field="dse_handover_on")
        if not dse_reference.strip():
            raise DomainError("Give DSE's reference for the case.", field="dse_reference")
    case.recorded_on = recorded_on
    if case.route in ("", Route.OUTSIDE_SCHEDULE_3):
        proposal = case_triage(case)
        wanted = proposal.route or ""
        case.route = wanted if wanted in SCHEDULE_3_ROUTES else Route.SCHEDULE_3_RP
    fields = ["recorded_on", "route"]
    if not pcc:
        case.dse_handover_on, case.dse_reference = dse_handover_on, dse_reference.strip()
        fields += ["dse_handover_on", "dse_reference"]
    _save(case, "Recorded under Schedule 3", fields)
    _log(
        case,
        actor=actor,
        kind=CaseAction.Kind.RECORDED,
        summary=f"Recorded under Schedule 3 on {on_day(recorded_on)}",
        reason=reason,
        rule_ids=["C-RECORD-COPY"],
    )
    if pcc:
        _log(
            case,
            actor=actor,
            kind=CaseAction.Kind.PCC_HANDLING,
            summary="Chief officer complaint: the PCC handles it as appropriate authority",
            reason=reason,
            rule_ids=["C-CHIEF-OFFICER"],
        )
    else:
        _log(
            case,
            actor=actor,
            kind=CaseAction.Kind.DSE_HANDOVER,
            summary=f"Handed to DSE on {on_day(dse_handover_on)}, reference {dse_reference}",
            reason=reason,
        )
    return case


@transaction.atomic
def complaint_refer_iopc(
    *,
    case_id: int,
    actor: User,
    referred_on: dt.date,
    iopc_reference: str = "",
    reason: str = "",
    version: int | None = None,
) -> ComplaintCase:
    """Refer to the IOPC (C-MANDATORY-REFERRAL or C-VOLUNTARY-REFERRAL); a referred complaint is recorded."""
    case = _lock_open(case_id, version)
    if referred_on > timezone.localdate():
        raise DomainError("The referral date cannot be in the future.", field="referred_on")
    if not case.must_refer_to_iopc and not reason.strip():
        raise DomainError(
            "Say why this complaint is referred voluntarily (C-VOLUNTARY-REFERRAL).", field="reason"
        )
    case.iopc_referred_on, case.iopc_reference = referred_on, iopc_reference.strip()
    case.route = Route.REFERRED_TO_IOPC
    case.must_refer_to_iopc = True
    if case.recorded_on is None:
        case.recorded_on = referred_on
    _save(
        case,
        "Referred to the IOPC",
        ["iopc_referred_on", "iopc_reference", "route", "must_refer_to_iopc", "recorded_on"],
    )
    _log(
        case,
        actor=actor,
        kind=CaseAction.Kind.IOPC_REFERRAL,
        summary=f"Referred to the IOPC on {on_day(referred_on)}"
        + (f", reference {iopc_reference}" if iopc_reference else ""),
        reason=reason,
        rule_ids=["C-MANDATORY-REFERRAL" if reason == "" else "C-VOLUNTARY-REFERRAL", "C-REFERRAL-PROMPT"],
    )
    return case


@transaction.atomic
def complaint_pcc_handle(
    *, case_id: int, actor: User, reason: str = "", version: int | None = None
) -> ComplaintCase:
    """A complaint about the chief officer: the PCC (local policing body) is the AA (C-CHIEF-OFFICER)."""
    case = _lock_open(case_id, version)
    if not case.about_chief_officer:
        raise DomainError(
            "Only complaints about the chief officer are handled by the PCC as appropriate authority.",
            field="about_chief_officer",
        )
    case.appropriate_authority = AppropriateAuthority.LOCAL_POLICING_BODY
    _save(case, "PCC handles the chief officer complaint", ["appropriate_authority"])
    _log(
        case,
        actor=actor,
        kind=CaseAction.Kind.PCC_HANDLING,
        summary="The PCC is the appropriate authority (complaint about the chief officer)",
        reason=reason,
        rule_ids=["C-CHIEF-OFFICER"],
    )
    return case


# ---------------------------------------------------------------- contacts and letters
def _contact(
    case: ComplaintCase,
    *,
    actor: User,
    at: dt.datetime,
    method: str,
    summary: str,
    is_update: bool,
    direction: str = Contact.Direction.OUTBOUND,
    withheld_reason: str = "",
) -> Contact:
    if method not in Complainant.ContactMethod.values:
        raise DomainError(f"Unknown contact method {method!r}.", field="method")
    if not summary.strip():
        raise DomainError("Say what was discussed.", field="summary")
    contact = Contact(
        case=case,
        at=at,
        method=method,
        direction=direction,
        is_update=is_update,
        summary=summary,
        withheld_reason=withheld_reason,
        by=actor,
    )
    contact._change_reason = "Contact logged"  # type: ignore[attr-defined]
    contact.save()
    return contact


@transaction.atomic
def contact_log(
    *,
    case_id: int,
    actor: User,
    at: dt.datetime,
    method: str,
    summary: str,
    is_update: bool = False,
    direction: str = Contact.Direction.OUTBOUND,
    withheld_reason: str = "",
    version: int | None = None,
) -> Contact:
    """Log a contact; a progress update sets the next update due 28 days on (C-UPDATE-28D)."""
    case = _lock_open(case_id, version)
    if at > timezone.now():
        raise DomainError("The contact time cannot be in the future.", field="at")
    if direction not in Contact.Direction.values:
        raise DomainError(f"Unknown direction {direction!r}.", field="direction")
    contact = _contact(
        case,
        actor=actor,
        at=at,
        method=method,
        summary=summary,
        is_update=is_update,
        direction=direction,
        withheld_reason=withheld_reason,
    )
    fields: list[str] = []
    if is_update:
        case.last_update_at = at
        case.next_update_due = rules.next_update_due(timezone.localdate(at), time_limits())
        fields += ["last_update_at", "next_update_due"]
    _save(case, "Contact logged", fields)
    _log(
        case,
        actor=actor,
        kind=CaseAction.Kind.CONTACT,
        summary=("Progress update" if is_update else "Contact")
        + f" by {Complainant.ContactMethod(method).label.lower()}",
        reason=summary[:500],
        rule_ids=["C-UPDATE-28D"] if is_update else [],
    )
    return contact


PURPOSE_RULES = {
    "update": ["C-UPDATE-28D"],
    "outcome": ["C-OUTCOME-CONTENT", "C-OUTCOME-5WD"],
    "acknowledgement": [],
}


@transaction.atomic
def case_letter_sent(event: SentLetter) -> None:
    """A letter about the case went out (staffing's letters call this through the case's record kind):
    a contact in the case log, and the clock it answers moved: an update letter sets the next update
    due 28 days from the day it was sent (C-UPDATE-28D); an outcome letter is logged against the
    outcome notice's 5 working days (C-OUTCOME-5WD)."""
    case = ComplaintCase.objects.select_for_update().get(pk=event.record_id)
    method = Complainant.ContactMethod.EMAIL if event.method == "email" else Complainant.ContactMethod.LETTER
    is_update = event.purpose == "update"
    _contact(
        case,
        actor=event.actor,
        at=event.at,
        method=method,
        summary=f"Letter sent: {event.subject}",
        is_update=is_update,
    )
    if is_update:
        case.last_update_at = event.at
        case.next_update_due = rules.next_update_due(timezone.localdate(event.at), time_limits())
        _save(case, "Update letter sent", ["last_update_at", "next_update_due"])
    rule_ids = list(PURPOSE_RULES.get(event.purpose, []))
    if event.purpose == "outcome" and case.outcome_notice_due:
        late = timezone.localdate(event.at) > case.outcome_notice_due
        note = f" ({'late: ' if late else ''}due by {on_day(case.outcome_notice_due)})"
    else:
        note = ""
    _log(
        case,
        actor=event.actor,
        kind=CaseAction.Kind.LETTER,
        summary=f"Letter sent by {method.label.lower()}: {event.subject}{note}"[:300],
        rule_ids=rule_ids,
    )


@transaction.atomic
def case_letter_undelivered(event: SentLetter) -> None:
    """A letter came back undelivered (GOV.UK Notify's permanent failure): the contact it made did not
    happen, so the update it answered is due again today, and the case log says so."""
    case = ComplaintCase.objects.select_for_update().get(pk=event.record_id)
    if event.purpose == "update" and case.is_open:
        case.next_update_due = timezone.localdate()
        _save(case, "Update letter not delivered", ["next_update_due"])
    _log(
        case,
        actor=event.actor,
        kind=CaseAction.Kind.LETTER,
        summary=f"Letter not delivered: {event.subject}. Contact the complainant another way."[:300],
        rule_ids=list(PURPOSE_RULES.get(event.purpose, [])),
    )
