"""The triage stage: answering the facts the proposal asks, the triage decision, forwarding a compliment.
(`complaints.actions` collects every stage in the page's order.)"""

from __future__ import annotations

from complaints import forms
from complaints.actions.spec import (
    NEXT_UPDATE,
    ActionSpec,
    needs_user,
    version_of,
)
from complaints.models import CaseAction
from complaints.rules import actions as action_rules
from complaints.services.people import compliment_forward
from complaints.services.triage import complaint_facts_answer, complaint_triage_decide

SPECS: tuple[ActionSpec, ...] = (
    ActionSpec(
        name="facts",
        label="Record the answers",
        button="Record answers",
        form=forms.FactsForm,
        section="triage",
        precondition=action_rules.facts_to_ask,
        log=CaseAction.Kind.EDITED,
        handler=lambda case_id, actor, d: complaint_facts_answer(
            case_id=case_id, actor=actor, answers=d.get("answers") or {}, version=version_of(d)
        ),
        done=lambda _: "Answers recorded: the proposal now rests on them.",
    ),
    ActionSpec(
        name="triage",
        label="Accept or override the proposal",
        button="Record triage decision",
        form=forms.TriageForm,
        section="triage",
        clock=NEXT_UPDATE,
        log=CaseAction.Kind.TRIAGE,
        initial=lambda case: {
            "version": case.version,
            "route": case.route,
            "appropriate_authority": case.appropriate_authority,
        },
        handler=lambda case_id, actor, d: complaint_triage_decide(
            case_id=case_id,
            actor=actor,
            accept=d["accept"],
            route=d.get("route", ""),
            must_refer_to_iopc=d.get("must_refer_to_iopc"),
            appropriate_authority=d.get("appropriate_authority", ""),
            reason=d.get("reason", ""),
            not_a_complaint=d.get("not_a_complaint", ""),
            version=version_of(d),
        ),
        done=lambda case: (
            "Triage decision recorded."
            + (" It is not a complaint: signpost the person onward." if case.not_a_complaint else "")
        ),
    ),
    ActionSpec(
        name="forward",
        label="Forward to the officer's line manager",
        button="Forward compliment",
        form=forms.ForwardForm,
        precondition=action_rules.open_compliment,
        log=CaseAction.Kind.COMPLIMENT_FORWARDED,
        initial=lambda case: {},
        check=needs_user("recipient", "Choose who to forward it to.", optional=True),
        handler=lambda case_id, actor, d: compliment_forward(
            case_id=case_id, actor=actor, recipient=d.get("recipient"), note=d.get("reason", "")
        ),
        done=lambda _: "Compliment forwarded.",
    ),
)
