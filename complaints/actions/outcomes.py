"""Ending a case: closing with outcomes, signposting, withdrawal, discontinuance, and reassigning it.
(`complaints.actions` collects every stage in the page's order.)"""

from __future__ import annotations

from complaints import forms, permissions
from complaints.actions.spec import (
    OUTCOME_NOTICE,
    ActionSpec,
    needs_user,
    version_of,
)
from complaints.models import CaseAction
from complaints.rules import actions as action_rules
from complaints.services.outcomes import (
    complaint_close,
    complaint_discontinue,
    complaint_withdraw,
)
from complaints.services.people import case_reassign
from complaints.services.signposting import complaint_signpost

SPECS: tuple[ActionSpec, ...] = (
    ActionSpec(
        name="close",
        label="Record the outcome and close",
        button="Record outcome",
        form=forms.CloseForm,
        clock=OUTCOME_NOTICE,
        letter="outcome",
        api="complaint-case-outcome",
        log=CaseAction.Kind.OUTCOME,
        handler=lambda case_id, actor, d: complaint_close(
            case_id=case_id,
            actor=actor,
            outcome_code=d.get("outcome", ""),
            outcome_on=d.get("outcome_on"),
            allegation_outcomes=d.get("allegation_outcomes") or {},
            reason=d.get("reason", ""),
            version=version_of(d),
        ),
        done=lambda _: "Outcome recorded and case closed.",
    ),
    ActionSpec(
        name="signpost",
        label="Signpost to another organisation",
        button="Record signposting",
        form=forms.SignpostForm,
        precondition=action_rules.signpostable,
        suggest=action_rules.signpost_suggested,
        letter="signposting",
        log=CaseAction.Kind.SIGNPOSTED,
        handler=lambda case_id, actor, d: complaint_signpost(
            case_id=case_id,
            actor=actor,
            organisation=d.get("organisation") or "",
            organisation_other=d.get("organisation_other", ""),
            reason=d.get("reason", ""),
            version=version_of(d),
        ),
        done=lambda signpost: f"Signposted to {signpost.organisation_name}; the case is closed.",
    ),
    ActionSpec(
        name="withdraw",
        label="Withdrawn by the complainant",
        button="Withdraw",
        form=forms.ReasonForm,
        log=CaseAction.Kind.WITHDRAWN,
        handler=lambda case_id, actor, d: complaint_withdraw(
            case_id=case_id, actor=actor, reason=d.get("reason", ""), version=version_of(d)
        ),
        done=lambda _: "Case withdrawn.",
    ),
    ActionSpec(
        name="discontinue",
        label="Discontinue the investigation",
        button="Discontinue",
        form=forms.ReasonForm,
        precondition=action_rules.investigation,
        log=CaseAction.Kind.DISCONTINUED,
        handler=lambda case_id, actor, d: complaint_discontinue(
            case_id=case_id, actor=actor, reason=d.get("reason", ""), version=version_of(d)
        ),
        done=lambda _: "Investigation discontinued.",
    ),
    ActionSpec(
        name="reassign",
        label="Reassign (manager)",
        button="Reassign",
        form=forms.ReassignForm,
        precondition=action_rules.open_case,
        who=permissions.can_reassign,
        who_refusal="Only a manager can reassign a case.",
        log=CaseAction.Kind.REASSIGNED,
        check=needs_user("assignee", "Choose who to give the case to."),
        handler=lambda case_id, actor, d: case_reassign(
            case_id=case_id,
            actor=actor,
            assignee=d["assignee"],
            reason=d.get("reason", ""),
            version=version_of(d),
        ),
        done=lambda _: "Case reassigned.",
    ),
)
