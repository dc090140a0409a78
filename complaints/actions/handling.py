"""Handling a complaint: initial contact, service recovery, recording, referral, the PCC, allegations,
contacts. (`complaints.actions` collects every stage in the page's order.)"""

from __future__ import annotations

from django.utils import timezone

from complaints import forms
from complaints.actions.spec import (
    INITIAL_CONTACT,
    NEXT_UPDATE,
    ActionSpec,
    known_facts,
    this_minute,
    today_if_none,
    version_of,
    versioned,
)
from complaints.models import CaseAction, Contact
from complaints.rules import actions as action_rules
from complaints.services.handling import (
    complaint_initial_contact,
    complaint_pcc_handle,
    complaint_record,
    complaint_refer_iopc,
    complaint_service_recovery,
    contact_log,
)
from complaints.services.intake import allegation_add

SPECS: tuple[ActionSpec, ...] = (
    ActionSpec(
        name="initial_contact",
        label="Log the initial contact",
        button="Log initial contact",
        form=forms.InitialContactForm,
        precondition=action_rules.contact_not_made,
        clock=INITIAL_CONTACT,
        letter="acknowledgement",
        log=CaseAction.Kind.INITIAL_CONTACT,
        initial=lambda case: {"version": case.version, "at": this_minute(), "method": "phone"},
        handler=lambda case_id, actor, d: complaint_initial_contact(
            case_id=case_id,
            actor=actor,
            at=d.get("at") or timezone.now(),
            method=d.get("method", ""),
            summary=d.get("summary", ""),
            version=version_of(d),
        ),
        done=lambda _: "Initial contact logged.",
    ),
    ActionSpec(
        name="service_recovery",
        label="Handle outside Schedule 3 (service recovery)",
        button="Handle outside Schedule 3",
        form=forms.ServiceRecoveryForm,
        precondition=action_rules.not_recorded,
        log=CaseAction.Kind.SERVICE_RECOVERY,
        handler=lambda case_id, actor, d: complaint_service_recovery(
            case_id=case_id,
            actor=actor,
            complainant_agreed=d.get("complainant_agreed", False),
            reason=d.get("reason", ""),
            version=version_of(d),
        ),
        done=lambda _: "The complaint will be handled outside Schedule 3.",
    ),
    ActionSpec(
        name="record",
        label="Record under Schedule 3 and hand to DSE",
        button="Record",
        form=forms.RecordForm,
        precondition=action_rules.not_recorded,
        letter="acknowledgement",
        log=CaseAction.Kind.RECORDED,
        initial=versioned(recorded_on=timezone.localdate, dse_handover_on=timezone.localdate),
        handler=lambda case_id, actor, d: complaint_record(
            case_id=case_id,
            actor=actor,
            recorded_on=today_if_none(d.get("recorded_on")),
            dse_handover_on=d.get("dse_handover_on"),
            dse_reference=d.get("dse_reference", ""),
            reason=d.get("reason", ""),
            version=version_of(d),
        ),
        done=lambda _: "Recorded under Schedule 3.",
    ),
    ActionSpec(
        name="refer_iopc",
        label="Refer to the IOPC",
        button="Log referral",
        form=forms.ReferForm,
        precondition=action_rules.not_referred,
        log=CaseAction.Kind.IOPC_REFERRAL,
        initial=versioned(referred_on=timezone.localdate),
        handler=lambda case_id, actor, d: complaint_refer_iopc(
            case_id=case_id,
            actor=actor,
            referred_on=today_if_none(d.get("referred_on")),
            iopc_reference=d.get("iopc_reference", ""),
            reason=d.get("reason", ""),
            version=version_of(d),
        ),
        done=lambda _: "Referral to the IOPC logged.",
    ),
    ActionSpec(
        name="pcc",
        label="Chief officer complaint: the PCC handles it",
        button="PCC handles it",
        form=forms.PccForm,
        precondition=action_rules.about_chief_officer,
        log=CaseAction.Kind.PCC_HANDLING,
        handler=lambda case_id, actor, d: complaint_pcc_handle(
            case_id=case_id, actor=actor, reason=d.get("reason", ""), version=version_of(d)
        ),
        done=lambda _: "The PCC is the appropriate authority.",
    ),
    ActionSpec(
        name="allegation",
        label="Add an allegation",
        button="Add allegation",
        form=forms.AllegationForm,
        log=CaseAction.Kind.EDITED,
        check=known_facts,
        handler=lambda case_id, actor, d: allegation_add(
            case_id=case_id,
            actor=actor,
            category_code=d.get("category") or "",
            description=d.get("description", ""),
            version=version_of(d),
            **(d.get("facts") or {}),
        ),
        done=lambda _: "Allegation added.",
    ),
    ActionSpec(
        name="contact",
        label="Log a contact or update",
        button="Log contact",
        form=forms.ContactForm,
        clock=NEXT_UPDATE,
        letter="update",
        api="complaint-case-contacts",
        log=CaseAction.Kind.CONTACT,
        initial=lambda case: {"version": case.version, "at": this_minute()},
        handler=lambda case_id, actor, d: contact_log(
            case_id=case_id,
            actor=actor,
            at=d["at"],
            method=d.get("method", ""),
            summary=d.get("summary", ""),
            is_update=d.get("is_update", False),
            direction=d.get("direction", Contact.Direction.OUTBOUND),
            withheld_reason=d.get("withheld_reason", ""),
            version=version_of(d),
        ),
        done=lambda _: "Contact logged.",
    ),
)
