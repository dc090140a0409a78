"""Every complaint case action, specified once (issue 22 House).

One `ActionSpec` per action says its stable name (the page's URL slug, the API's `action`, the
dispatch key), the label people read, who may take it, when it may be taken (a pure precondition of
complaints.action_rules giving the reason in words), the clock it moves, the letter it offers, the
page's form, the API endpoint that takes it, the CaseAction kind it writes in the case log, and the
handler that maps the form's or serializer's keys onto its service. The dispatch
(complaints.services.case_action), the case page (complaints.views.handling), the API
(complaints.serializers.handling.ActionIn) and the case log all read SPECS: adding an action is adding
one entry here (and its service and form)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django import forms as django_forms
from django.urls import reverse
from django.utils import timezone

from complaints import action_rules, forms, permissions
from complaints.action_rules import CaseState
from complaints.models import Allegation, CaseAction, ComplaintCase, Contact, ReviewApplication
from complaints.services.handling import (
    complaint_initial_contact,
    complaint_pcc_handle,
    complaint_record,
    complaint_refer_iopc,
    complaint_service_recovery,
    contact_log,
)
from complaints.services.intake import allegation_add
from complaints.services.outcomes import (
    complaint_close,
    complaint_discontinue,
    complaint_withdraw,
    recommendation_follow_up,
    review_decide,
    review_log,
)
from complaints.services.people import case_reassign, compliment_forward, subject_confirm
from complaints.services.signposting import complaint_signpost
from complaints.services.suspension import case_resume, case_suspend
from complaints.services.triage import complaint_facts_answer, complaint_triage_decide
from config.exceptions import DomainError
from staffing.models import User
from staffing.services.letters import letter_draft

Handler = Callable[[int, User, dict[str, Any]], Any]


@dataclass(frozen=True)
class Clock:
    """A deadline an action moves, in words, with the rule that sets it."""

    label: str
    rule: str


NEXT_UPDATE = Clock("Next update due", "C-UPDATE-28D")
INITIAL_CONTACT = Clock("Initial contact due", "C-INITIAL-CONTACT")
OUTCOME_NOTICE = Clock("Outcome notice due (and the review deadline)", "C-OUTCOME-5WD")
REVIEW_DEADLINE = Clock("Review application deadline", "C-REVIEW-28D")
SUSPENSION = Clock("Days to finalise, excluding suspension (IOPC figure)", "C-DATA-RETURN")


@dataclass(frozen=True)
class ActionSpec:
    name: str  # stable code: URL slug, API `action`, dispatch key
    label: str  # what people read: the action's heading on the case page
    button: str
    form: type[django_forms.Form]
    handler: Handler
    log: str  # the CaseAction.Kind the action writes in the case log
    done: Callable[[Any], str]  # the message once done, from what the handler returned
    precondition: action_rules.Precondition = action_rules.open_complaint
    who: Callable[[Any], bool] = permissions.can_list
    who_refusal: str = "Only complaints staff may do this."
    clock: Clock | None = None
    letter: str = ""  # the LetterTemplate purpose the page offers once the action is done
    # The API endpoint that takes it: "actions" is POST .../cases/{id}/actions/ with `action`; any other
    # value is the URL name of the action's own endpoint.
    api: str = "actions"
    section: str = "actions"  # where the case page shows it
    per_item: bool = False  # one form per item (a review, a recommendation, a subject): built by the page
    initial: Callable[[ComplaintCase], dict[str, Any]] = field(default=lambda case: {"version": case.version})
    check: Callable[[dict[str, Any]], None] = field(default=lambda data: None)  # input checks
    # Where triage or the case's state makes this the next step: the reason in words, else "".
    suggest: Callable[[CaseState], str] = field(default=lambda state: "")
    # Where the page goes once it is done (default: back to the case).
    goes_to: Callable[[Any], str] | None = None


# ---------------------------------------------------------------- helpers the handlers share
def _version_of(data: dict[str, Any]) -> int | None:
    value = data.get("version")
    return int(value) if value is not None else None


def _today_if_none(value: dt.date | None) -> dt.date:
    return value or timezone.localdate()


def _now() -> dt.datetime:
    return timezone.localtime().replace(second=0, microsecond=0)


def _review_of_case(case_id: int, review_id: Any) -> int:
    review = (
        ReviewApplication.objects.filter(case_id=case_id, pk=review_id).values_list("pk", flat=True).first()
    )
    if review is None:
        raise DomainError("No such review application on this case.", field="review")
    return int(review)


def _int_of(value: Any, field: str) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        raise DomainError(f"Give the {field} by its number.", field=field) from None


def _needs_user(key: str, message: str, *, optional: bool = False) -> Callable[[dict[str, Any]], None]:
    def check(data: dict[str, Any]) -> None:
        value = data.get(key)
        if (value or not optional) and not isinstance(value, User):
            raise DomainError(message, field=key)

    return check


def _known_facts(data: dict[str, Any]) -> None:
    unknown = sorted(set(data.get("facts") or {}) - set(Allegation.FLAGS) - set(Allegation.OPTIONAL_FACTS))
    if unknown:
        raise DomainError(f"Unknown allegation fact {unknown[0]!r}.", field="facts")


def _letter_kind(data: dict[str, Any]) -> None:
    if not data.get("kind"):
        raise DomainError("Choose the letter kind.", field="kind")


def _versioned(**extra: Callable[[], Any]) -> Callable[[ComplaintCase], dict[str, Any]]:
    return lambda case: {"version": case.version, **{k: make() for k, make in extra.items()}}


# ---------------------------------------------------------------- the actions, in the page's order
_SPECS = (
    ActionSpec(
        name="facts",
        label="Record the answers",
        button="Record answers",
        form=forms.FactsForm,
        section="triage",
        precondition=action_rules.facts_to_ask,
        log=CaseAction.Kind.EDITED,
        handler=lambda case_id, actor, d: complaint_facts_answer(
            case_id=case_id, actor=actor, answers=d.get("answers") or {}, version=_version_of(d)
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
            version=_version_of(d),
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
        check=_needs_user("recipient", "Choose who to forward it to.", optional=True),
        handler=lambda case_id, actor, d: compliment_forward(
            case_id=case_id, actor=actor, recipient=d.get("recipient"), note=d.get("reason", "")
        ),
        done=lambda _: "Compliment forwarded.",
    ),
    ActionSpec(
        name="initial_contact",
        label="Log the initial contact",
        button="Log initial contact",
        form=forms.InitialContactForm,
        precondition=action_rules.contact_not_made,
        clock=INITIAL_CONTACT,
        letter="acknowledgement",
        log=CaseAction.Kind.INITIAL_CONTACT,
        initial=lambda case: {"version": case.version, "at": _now(), "method": "phone"},
        handler=lambda case_id, actor, d: complaint_initial_contact(
            case_id=case_id,
            actor=actor,
            at=d.get("at") or timezone.now(),
            method=d.get("method", ""),
            summary=d.get("summary", ""),
            version=_version_of(d),
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
            version=_version_of(d),
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
        initial=_versioned(recorded_on=timezone.localdate, dse_handover_on=timezone.localdate),
        handler=lambda case_id, actor, d: complaint_record(
            case_id=case_id,
            actor=actor,
            recorded_on=_today_if_none(d.get("recorded_on")),
            dse_handover_on=d.get("dse_handover_on"),
            dse_reference=d.get("dse_reference", ""),
            reason=d.get("reason", ""),
            version=_version_of(d),
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
        initial=_versioned(referred_on=timezone.localdate),
        handler=lambda case_id, actor, d: complaint_refer_iopc(
            case_id=case_id,
            actor=actor,
            referred_on=_today_if_none(d.get("referred_on")),
            iopc_reference=d.get("iopc_reference", ""),
            reason=d.get("reason", ""),
            version=_version_of(d),
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
            case_id=case_id, actor=actor, reason=d.get("reason", ""), version=_version_of(d)
        ),
        done=lambda _: "The PCC is the appropriate authority.",
    ),
    ActionSpec(
        name="allegation",
        label="Add an allegation",
        button="Add allegation",
        form=forms.AllegationForm,
        log=CaseAction.Kind.EDITED,
        check=_known_facts,
        handler=lambda case_id, actor, d: allegation_add(
            case_id=case_id,
            actor=actor,
            category_code=d.get("category") or "",
            description=d.get("description", ""),
            version=_version_of(d),
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
        initial=lambda case: {"version": case.version, "at": _now()},
        handler=lambda case_id, actor, d: contact_log(
            case_id=case_id,
            actor=actor,
            at=d["at"],
            method=d.get("method", ""),
            summary=d.get("summary", ""),
            is_update=d.get("is_update", False),
            direction=d.get("direction", Contact.Direction.OUTBOUND),
            withheld_reason=d.get("withheld_reason", ""),
            version=_version_of(d),
        ),
        done=lambda _: "Contact logged.",
    ),
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
            version=_version_of(d),
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
            version=_version_of(d),
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
            case_id=case_id, actor=actor, reason=d.get("reason", ""), version=_version_of(d)
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
            case_id=case_id, actor=actor, reason=d.get("reason", ""), version=_version_of(d)
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
        check=_needs_user("assignee", "Choose who to give the case to."),
        handler=lambda case_id, actor, d: case_reassign(
            case_id=case_id,
            actor=actor,
            assignee=d["assignee"],
            reason=d.get("reason", ""),
            version=_version_of(d),
        ),
        done=lambda _: "Case reassigned.",
    ),
    ActionSpec(
        name="review",
        label="Log a review application",
        button="Log review",
        form=forms.ReviewForm,
        section="review",
        precondition=action_rules.review_application,
        clock=REVIEW_DEADLINE,
        api="complaint-case-review",
        log=CaseAction.Kind.REVIEW,
        initial=lambda case: {"received_on": timezone.localdate()},
        handler=lambda case_id, actor, d: review_log(
            case_id=case_id,
            actor=actor,
            received_on=d["received_on"],
            result_code=d.get("result", ""),
            decided_on=d.get("decided_on"),
            recommendations=d.get("recommendations", ""),
            notes=d.get("notes", ""),
            follow_up_by=d.get("follow_up_by"),
            owner=d.get("owner"),
        ),
        done=lambda review: f"Review application logged ({'in time' if review.in_time else 'late'}).",
    ),
    ActionSpec(
        name="review_result",
        label="Record the review result",
        button="Record result",
        form=forms.ReviewResultForm,
        section="review",
        per_item=True,
        precondition=action_rules.review_awaiting_result,
        letter="review_decision",
        api="complaint-case-review-result",
        log=CaseAction.Kind.REVIEW,
        initial=lambda case: {"decided_on": timezone.localdate()},
        handler=lambda case_id, actor, d: review_decide(
            review_id=_review_of_case(case_id, d.get("review")),
            actor=actor,
            result_code=d.get("result", ""),
            decided_on=d.get("decided_on"),
            recommendations=d.get("recommendations", ""),
            notes=d.get("notes", ""),
            follow_up_by=d.get("follow_up_by"),
            owner=d.get("owner"),
        ),
        done=lambda review: (
            "Review result recorded."
            + (
                " The case is reopened: follow up each recommendation."
                if review.recommendation_items.exists()
                else ""
            )
        ),
    ),
    ActionSpec(
        name="recommendation",
        label="Follow up a recommendation",
        button="Record follow-up",
        form=forms.RecommendationForm,
        section="recommendations",
        per_item=True,
        precondition=action_rules.recommendation_open,
        log=CaseAction.Kind.RECOMMENDATION,
        initial=lambda case: {},
        handler=lambda case_id, actor, d: recommendation_follow_up(
            case_id=case_id,
            actor=actor,
            recommendation_id=d.get("recommendation"),
            status=d.get("status", ""),
            response=d.get("response", ""),
        ),
        done=lambda item: f"Recommendation marked {item.get_status_display().lower()}.",
    ),
    ActionSpec(
        name="suspend",
        label="Suspend handling",
        button="Suspend handling",
        form=forms.SuspendForm,
        section="suspension",
        precondition=action_rules.schedule_3_running,
        clock=SUSPENSION,
        log=CaseAction.Kind.SUSPENDED,
        handler=lambda case_id, actor, d: case_suspend(
            case_id=case_id,
            actor=actor,
            started_on=d.get("started_on"),
            reason=d.get("reason", ""),
            version=_version_of(d),
        ),
        done=lambda s: "Handling suspended: the days until it resumes are left out of the IOPC figure.",
    ),
    ActionSpec(
        name="resume",
        label="Resume handling",
        button="Resume handling",
        form=forms.ResumeForm,
        section="suspension",
        precondition=action_rules.schedule_3_suspended,
        clock=SUSPENSION,
        log=CaseAction.Kind.RESUMED,
        handler=lambda case_id, actor, d: case_resume(
            case_id=case_id, actor=actor, ended_on=d.get("ended_on"), version=_version_of(d)
        ),
        done=lambda s: f"Handling resumed after {(s.ended_on - s.started_on).days} days suspended.",
    ),
    ActionSpec(
        name="letter",
        label="Draft a letter",
        button="Draft letter",
        form=forms.LetterForm,
        section="letters",
        precondition=action_rules.complaint_any_status,
        log=CaseAction.Kind.LETTER,  # written when the drafted letter is issued (complaints.letters)
        initial=lambda case: {},
        check=_letter_kind,
        # A letter is drafted from the template that fits the case (staffing's letters, issue 22).
        handler=lambda case_id, actor, d: letter_draft(
            record_type="complaint_case", record_id=case_id, actor=actor, purpose=d.get("kind") or ""
        ),
        done=lambda letter: f"{letter.get_purpose_display()} letter drafted: edit it, then issue it.",
        goes_to=lambda letter: reverse("staffing:letter", kwargs={"letter_id": letter.pk}),
    ),
    ActionSpec(
        name="subject_confirm",
        label="Confirm who a subject is",
        button="Confirm",
        form=forms.SubjectConfirmForm,
        section="subjects",
        per_item=True,
        precondition=action_rules.subjects_pending,
        log=CaseAction.Kind.SUBJECT_CONFIRMED,
        initial=lambda case: {},
        check=_needs_user("person", "Choose who the subject is.", optional=True),
        handler=lambda case_id, actor, d: subject_confirm(
            case_id=case_id,
            subject_id=_int_of(d.get("subject"), "subject"),
            actor=actor,
            person=d.get("person") or None,  # a User, or none of the possible matches
            reason=d.get("reason", ""),
        ),
        done=lambda subject: f"Confirmed who {subject.name} is.",
    ),
)
SPECS: dict[str, ActionSpec] = {spec.name: spec for spec in _SPECS}
# The actions POST /api/v1/complaints/cases/{id}/actions/ takes by `action`; the rest have their own
# endpoints (spec.api names them).
API_ACTIONS: tuple[str, ...] = tuple(s.name for s in _SPECS if s.api == "actions")


# ---------------------------------------------------------------- the case, as the preconditions read it
def case_state(case: ComplaintCase, **page: Any) -> CaseState:
    """The snapshot the preconditions read (reviews, recommendations, suspensions and subjects' candidates
    come from the case's prefetched relations where the page loaded them). `page` adds what only the
    page works out: `proposal_eligible` and `has_questions`."""
    reviews = list(case.reviews.all())
    return CaseState(
        reference=case.reference,
        kind=case.kind,
        status=case.status,
        status_label=str(case.get_status_display()),
        route=case.route,
        eligible=case.eligible,
        not_a_complaint=case.not_a_complaint,
        contact_made=case.initial_contact_at is not None,
        recorded=case.recorded_on is not None,
        referred=case.iopc_referred_on is not None,
        about_chief_officer=case.about_chief_officer,
        suspended=any(s.ended_on is None for s in case.suspensions.all()),
        review_right=bool(case.review_body and case.review_deadline),
        has_review=bool(reviews),
        awaiting_review_result=any(r.result_id is None for r in reviews),
        open_recommendations=any(r.status == "open" for r in case.recommendations.all()),
        pending_subjects=any(c for s in case.subjects.all() for c in s.candidates.all()),
        **page,
    )


def refusal(spec: ActionSpec, *, user: Any, state: CaseState) -> str:
    """Why `user` may not take the action on a case in `state` now, in words; "" when they may."""
    if not spec.who(user):
        return spec.who_refusal
    return spec.precondition(state)
