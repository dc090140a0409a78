"""The public complaint form's writes (issue 23 part 1): a submission made into an intake case through
the same intake service the advisors use, an anonymous complainant's details kept masked, every
unmasking logged, and an agent's written authority recorded before handling proceeds."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.core.mail import send_mail
from django.db import transaction
from django.http import Http404
from django.template.loader import render_to_string
from django.utils import timezone

from complaints import permissions
from complaints.models import (
    AgentRelationship,
    CaseAction,
    Complainant,
    ComplaintCase,
    MaskedDetails,
)
from complaints.services.common import CASE_RECORD_TYPE, _lock_open, _log
from complaints.services.intake import complaint_create
from config.exceptions import DomainError
from staffing.models import User
from staffing.services import open_logged

# The account public submissions are made by: it cannot sign in (inactive, no usable password) and
# exists so "who logged this" names the public form, never a member of staff.
PUBLIC_FORM_USERNAME = "public-form"
ANONYMOUS_NAME = "Anonymous complainant"

# What the person says it is about, in their words, against the IOPC category the advisor starts from
# (the advisor re-categorises at triage; C-ALLEGATION-SPLIT).
ABOUT_CATEGORIES: dict[str, tuple[str, str]] = {
    "service": ("A4", "The service I received"),
    "no_action": ("A1", "What the police did, or did not do, after I contacted them"),
    "rude": ("H1", "How an officer or member of staff spoke to me"),
    "force": ("B5", "Force used on me"),
    "arrest": ("B1", "An arrest or detention"),
    "search": ("B3", "A stop and search"),
    "property": ("C1", "My property or home"),
    "discrimination": ("F10", "Being treated unfairly because of who I am"),
    "other": ("A4", "Something else"),
}


@dataclass(frozen=True)
class PublicSubmission:
    """What the public form asks, already checked by the form (bounded, typed)."""

    kind: str
    what_happened: str
    about: str = "other"
    incident_date: dt.date | None = None
    location: str = ""
    people_involved: str = ""
    collar_number: str = ""
    anonymous: bool = False
    name: str = ""
    email: str = ""
    phone: str = ""
    address: str = ""
    preferred_contact: str = Complainant.ContactMethod.EMAIL
    copy_by_email: bool = False
    # Who the person is to what happened (the engine's complainant facts).
    standing: str = "affected"  # affected | witness | agent
    agent_relationship: str = ""
    on_behalf_of: str = ""
    subject_of_conduct: bool | None = None
    affected_only_through_media: bool | None = None
    wants_recording: bool = False
    equality: dict[str, str] = field(default_factory=dict)


def public_form_user() -> User:
    """The public form's own account (made once; inactive, so it can never sign in)."""
    user, _ = User.objects.get_or_create(
        username=PUBLIC_FORM_USERNAME,
        defaults={
            "first_name": "Public",
            "last_name": "complaint form",
            "is_active": False,
            "password": make_password(None),
        },
    )
    return user


def _summary(sub: PublicSubmission) -> str:
    """The case summary: what happened, and who was involved as the person put it."""
    parts = [sub.what_happened.strip()]
    if sub.people_involved.strip() or sub.collar_number.strip():
        who = sub.people_involved.strip()
        if sub.collar_number.strip():
            who = f"{who} (collar number {sub.collar_number.strip()})".strip()
        parts.append(f"Who was involved: {who}")
    return "\n\n".join(parts)


@transaction.atomic
def public_complaint_submit(*, submission: PublicSubmission) -> ComplaintCase:
    """Make the submission an intake case: unallocated, received by web form, its facts set for the
    triage engine (anything the form did not ask stays null and shows as assumed)."""
    sub = submission
    if sub.kind not in ComplaintCase.Kind.values:
        raise DomainError(f"Unknown kind {sub.kind!r}.", field="kind")
    if sub.about not in ABOUT_CATEGORIES:
        raise DomainError("Choose what it is about.", field="about")
    if not sub.anonymous and not sub.name.strip():
        raise DomainError("Enter your name, or choose to complain anonymously.", field="name")
    if sub.copy_by_email and not sub.email.strip():
        raise DomainError("Enter an e-mail address for the copy, or untick the copy.", field="email")
    agent = sub.standing == "agent"
    if agent and sub.agent_relationship not in AgentRelationship.values:
        raise DomainError(
            "Say how you are related to the person you are acting for.", field="agent_relationship"
        )
    if agent and not sub.on_behalf_of.strip():
        raise DomainError("Enter the name of the person you are acting for.", field="on_behalf_of")
    parent = agent and sub.agent_relationship == AgentRelationship.PARENT_GUARDIAN
    person: dict[str, Any] = {
        "name": ANONYMOUS_NAME if sub.anonymous else sub.name.strip(),
        "email": "" if sub.anonymous else sub.email.strip(),
        "phone": "" if sub.anonymous else sub.phone.strip(),
        "address": "" if sub.anonymous else sub.address.strip(),
        "preferred_contact": sub.preferred_contact,
        "adversely_affected": sub.standing == "affected" or parent,
        "witness": sub.standing == "witness",
        "acting_for_someone": agent,
        "on_behalf_of": sub.on_behalf_of.strip() if agent else "",
        "agent_relationship": sub.agent_relationship if agent else "",
        # A parent or guardian of a child needs no written authority; anyone else acting for someone
        # does, and the case waits until it is recorded (C-ELIG-ON-BEHALF).
        "consent_of_affected": parent,
        "consent_evidence": "Parent or guardian of a child (no written authority needed)" if parent else "",
        "authority_awaited": agent and not parent,
        "subject_of_conduct": sub.subject_of_conduct,
        "affected_only_through_media": sub.affected_only_through_media,
        "anonymous": sub.anonymous,
        "equality": {k: v for k, v in sub.equality.items() if v},
    }
    allegations = []
    if sub.kind != ComplaintCase.Kind.COMPLIMENT:
        code, label = ABOUT_CATEGORIES[sub.about]
        allegations.append({"category": code, "description": f"{label}: {sub.what_happened.strip()[:500]}"})
    subjects = []
    if sub.people_involved.strip() or sub.collar_number.strip():
        subjects.append(
            {
                "kind": "officer" if sub.collar_number.strip() else "staff",
                "name": sub.people_involved.strip()[:200],
                "collar_number": sub.collar_number.strip()[:20],
            }
        )
    case = complaint_create(
        actor=public_form_user(),
        kind=sub.kind,
        received_at=timezone.now(),
        channel=ComplaintCase.Channel.WEB,
        summary=_summary(sub),
        complainants=[person],
        allegations=allegations,
        subjects=subjects,
        incident_date=sub.incident_date,
        location=sub.location.strip(),
        complainant_wants_recording=sub.wants_recording,
        unallocated=True,
    )
    if sub.anonymous:
        complainant = case.complainants.get()
        details = MaskedDetails(
            complainant=complainant,
            name=sub.name.strip(),
            email=sub.email.strip(),
            phone=sub.phone.strip(),
            address=sub.address.strip(),
        )
        details.full_clean(exclude=["complainant"])
        details._change_reason = "Anonymous complainant's details masked"  # type: ignore[attr-defined]
        details.save()
    return case


def complainant_unmask(*, user: User, complainant_id: int, reason: str, path: str) -> MaskedDetails:
    """An anonymous complainant's own details, for someone allowed to see them; every unmasking is
    logged in the access log against the case (action "unmask", the reason as its purpose)."""
    if not reason.strip():
        raise DomainError("Say why you need to see the complainant's details.", field="reason")
    details = (
        MaskedDetails.objects.select_related("complainant__case")
        .filter(complainant_id=complainant_id)
        .first()
    )

    def find() -> ComplaintCase:
        if details is None or not permissions.can_unmask(user, details.complainant.case):
            raise Http404("No such masked complainant.")
        return details.complainant.case

    open_logged(
        user=user,
        find=find,
        record_type=CASE_RECORD_TYPE,
        label=lambda case: f"{case.reference}: anonymous complainant's details",
        purpose=reason.strip()[:300],
        path=path,
        action="unmask",
    )
    assert details is not None  # find() refused otherwise
    return details


@transaction.atomic
def complaint_authority_record(
    *, case_id: int, actor: User, complainant_id: int, evidence: str, version: int | None = None
) -> Complainant:
    """The written authority of the person an agent acts for, received: handling may now proceed."""
    case = _lock_open(case_id, version)
    complainant = Complainant.objects.filter(case=case, pk=complainant_id).first()
    if complainant is None or not complainant.authority_awaited:
        raise DomainError("This complainant is not waiting for written authority.", field="complainant")
    if not evidence.strip():
        raise DomainError("Say what written authority was received (and when).", field="evidence")
    complainant.consent_of_affected = True
    complainant.consent_evidence = evidence.strip()
    complainant.authority_awaited = False
    complainant._change_reason = "Written authority recorded"  # type: ignore[attr-defined]
    complainant.save(update_fields=["consent_of_affected", "consent_evidence", "authority_awaited"])
    _log(
        case,
        actor=actor,
        kind=CaseAction.Kind.AUTHORITY,
        summary=f"Written authority of {complainant.on_behalf_of or 'the person'} recorded",
        reason=evidence.strip(),
        rule_ids=["C-ELIG-ON-BEHALF"],
    )
    return complainant


def authority_awaited(case: ComplaintCase) -> list[Complainant]:
    """The agents on the case still waiting for the written authority of the person they act for."""
    return [c for c in case.complainants.all() if c.authority_awaited]


def public_copy_send(*, complainant_id: int) -> bool:
    """E-mail the person a copy of what they sent with its reference (Django's e-mail framework); the
    address is read from the record (masked or not), so it never travels through the task queue."""
    complainant = Complainant.objects.select_related("case").filter(pk=complainant_id).first()
    if complainant is None:
        return False
    masked = MaskedDetails.objects.filter(complainant=complainant).first()
    address = masked.email if masked is not None else complainant.email
    if not address:
        return False
    case = complainant.case
    context = {"case": case, "force_name": settings.RESOLVE_FORCE_NAME}
    send_mail(
        subject=f"Your {case.get_kind_display().lower()}: reference {case.reference}",
        message=render_to_string("complaints/public/copy_email.txt", context),
        from_email=None,
        recipient_list=[address],
    )
    return True
