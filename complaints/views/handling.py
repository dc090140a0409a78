"""The case screen and its actions (handling through review): thin views over the case action dispatch."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms as django_forms
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from complaints import forms, permissions, selectors, services
from complaints.api.bundle import case_bundle_response
from complaints.models import (
    AppropriateAuthority,
    ComplaintCase,
    ReviewBody,
    Route,
)
from complaints.views.common import complaints_case, complaints_staff, crumbs, mark_errors, me
from config.exceptions import DomainError
from config.listing import safe_next
from staffing.access_audit import purpose_from


# ---------------------------------------------------------------- the case screen
def _questions(assumed: Any) -> list[tuple[str, str, str]]:
    """The facts not asked yet whose answer would change the triage proposal, as questions."""
    return [(a.field, selectors.fact_question(a.field), selectors.would_change_words(a)) for a in assumed]


def _make_form(
    case: ComplaintCase, name: str, data: Any = None, questions: list[tuple[str, str, str]] | None = None
) -> django_forms.Form:
    """The form of one case action, bound to `data` when given (the page and the POST build it alike)."""
    v = {"version": case.version}
    now = timezone.localtime().replace(second=0, microsecond=0)
    today = timezone.localdate()
    form_class = ACTIONS[name]
    kwargs: dict[str, Any] = {"prefix": name}
    if form_class is forms.CloseForm:
        kwargs |= {
            "outcomes": selectors.outcomes_for_route(case.route),
            "allegations": list(case.allegations.all()),
        }
    elif form_class is forms.FactsForm:
        kwargs["questions"] = _questions(selectors.case_assumptions(case)) if questions is None else questions
    initials: dict[str, dict[str, Any]] = {
        "triage": v | {"route": case.route, "appropriate_authority": case.appropriate_authority},
        "initial_contact": v | {"at": now, "method": "phone"},
        "record": v | {"recorded_on": today, "dse_handover_on": today},
        "refer_iopc": v | {"referred_on": today},
        "contact": v | {"at": now},
        "review": {"received_on": today},
        "review_result": {"decided_on": today},
        "letter": {},
        "forward": {},
    }
    initial = initials.get(name, v)
    if data is not None:
        return form_class(data, **kwargs)
    return form_class(initial=initial, **kwargs)


def _forms_for(
    case: ComplaintCase, bound: dict[str, django_forms.Form] | None, questions: list[tuple[str, str, str]]
) -> dict[str, django_forms.Form]:
    out = {
        name: _make_form(case, name, questions=questions)
        for name in ACTIONS
        if name not in {"review_result", "recommendation"}
    }
    out.update(bound or {})
    return out


def _review_result_forms(
    case: ComplaintCase, bound: dict[str, django_forms.Form] | None = None
) -> list[tuple[Any, django_forms.Form]]:
    """One result form per application still awaiting its result (C-REVIEW-OUTCOME)."""
    today = timezone.localdate()
    out: list[tuple[Any, django_forms.Form]] = []
    for review in case.reviews.all():
        if review.result_id is not None:
            continue
        form = (bound or {}).get("review_result")
        if form is None or str(form.data.get("review_result-review")) != str(review.pk):
            form = forms.ReviewResultForm(
                initial={"review": review.pk, "decided_on": today}, prefix="review_result"
            )
        out.append((review, form))
    return out


def _recommendation_forms(
    case: ComplaintCase, bound: dict[str, django_forms.Form] | None = None
) -> list[tuple[Any, django_forms.Form | None]]:
    """Every recommendation of an upheld review, with a follow-up form for each one still open."""
    out: list[tuple[Any, django_forms.Form | None]] = []
    for item in case.recommendations.all():
        form: django_forms.Form | None = None
        if item.status == "open":
            form = (bound or {}).get("recommendation")
            if form is None or str(form.data.get("recommendation-recommendation")) != str(item.pk):
                form = forms.RecommendationForm(initial={"recommendation": item.pk}, prefix="recommendation")
        out.append((item, form))
    return out


def _render_case(
    request: HttpRequest, case: ComplaintCase, bound: dict[str, django_forms.Form] | None = None
) -> HttpResponse:
    proposal = None
    proposal_error = ""
    questions: list[tuple[str, str, str]] = []
    if case.kind != ComplaintCase.Kind.COMPLIMENT and case.allegations.all():
        try:
            proposal, assumed = selectors.case_triage_and_assumptions(case, with_assumptions=case.is_open)
        except DomainError as exc:
            proposal_error = exc.message
        else:
            questions = _questions(assumed)
    complainants = list(case.complainants.all())
    context = {
        "case": case,
        "proposal": proposal,
        "proposal_error": proposal_error,
        "proposal_route": dict(Route.choices).get(proposal.route or "", "None (not eligible)")
        if proposal
        else "",
        "proposal_authority": dict(AppropriateAuthority.choices).get(proposal.appropriate_authority, "")
        if proposal
        else "",
        "proposal_review_body": dict(ReviewBody.choices).get(
            proposal.review_body or "", "None (no right of review)"
        )
        if proposal
        else "",
        "forms": _forms_for(case, bound, questions),
        "questions": questions,
        "review_results": _review_result_forms(case, bound),
        "recommendations": _recommendation_forms(case, bound),
        "schedule_3": case.route in services.SCHEDULE_3_ROUTES,
        "suspended": any(s.ended_on is None for s in case.suspensions.all()),
        "complainants": complainants,
        "adjustments_people": complainants,
        "can_see_equality": permissions.can_view_equality(me(request)),
        "can_reassign": permissions.can_reassign(me(request)),
        "today": timezone.localdate(),
        "breadcrumbs": crumbs((case.reference, None)),
        "back": safe_next(request, reverse("complaints:mine")),
        "bound_form": next(iter(bound), "") if bound else "",
    }
    return render(request, "complaints/case_detail.html", context, status=400 if bound else 200)


@complaints_case
def case_detail(request: HttpRequest, pk: int) -> HttpResponse:
    case = services.case_open(
        user=me(request), pk=pk, purpose=purpose_from(request, "Complaint handling"), path=request.path
    )
    return _render_case(request, case)


# Each case action's form (the page) by the action's one name; services.case_action does the action
# for the page and the API alike.
ACTIONS: dict[str, type[django_forms.Form]] = {
    "triage": forms.TriageForm,
    "facts": forms.FactsForm,
    "initial_contact": forms.InitialContactForm,
    "service_recovery": forms.ServiceRecoveryForm,
    "record": forms.RecordForm,
    "refer_iopc": forms.ReferForm,
    "pcc": forms.PccForm,
    "contact": forms.ContactForm,
    "letter": forms.LetterForm,
    "close": forms.CloseForm,
    "allegation": forms.AllegationForm,
    "withdraw": forms.ReasonForm,
    "discontinue": forms.ReasonForm,
    "review": forms.ReviewForm,
    "review_result": forms.ReviewResultForm,
    "recommendation": forms.RecommendationForm,
    "suspend": forms.SuspendForm,
    "resume": forms.ResumeForm,
    "forward": forms.ForwardForm,
    "reassign": forms.ReassignForm,
    "subject_confirm": forms.SubjectConfirmForm,
}
DONE: dict[str, Callable[[Any], str]] = {
    "triage": lambda _: "Triage decision recorded.",
    "facts": lambda _: "Answers recorded: the proposal now rests on them.",
    "initial_contact": lambda _: "Initial contact logged.",
    "service_recovery": lambda _: "The complaint will be handled outside Schedule 3.",
    "record": lambda _: "Recorded under Schedule 3.",
    "refer_iopc": lambda _: "Referral to the IOPC logged.",
    "pcc": lambda _: "The PCC is the appropriate authority.",
    "contact": lambda _: "Contact logged.",
    "letter": lambda letter: f"{letter.get_purpose_display()} letter drafted: edit it, then issue it.",
    "close": lambda _: "Outcome recorded and case closed.",
    "allegation": lambda _: "Allegation added.",
    "withdraw": lambda _: "Case withdrawn.",
    "discontinue": lambda _: "Investigation discontinued.",
    "review": lambda review: f"Review application logged ({'in time' if review.in_time else 'late'}).",
    "review_result": lambda review: (
        "Review result recorded."
        + (
            " The case is reopened: follow up each recommendation."
            if review.recommendation_items.exists()
            else ""
        )
    ),
    "recommendation": lambda item: f"Recommendation marked {item.get_status_display().lower()}.",
    "suspend": lambda s: "Handling suspended: the days until it resumes are left out of the IOPC figure.",
    "resume": lambda s: f"Handling resumed after {(s.ended_on - s.started_on).days} days suspended.",
    "forward": lambda _: "Compliment forwarded.",
    "reassign": lambda _: "Case reassigned.",
    "subject_confirm": lambda subject: f"Confirmed who {subject.name} is.",
}


@complaints_case
@require_POST
def case_action(request: HttpRequest, pk: int, name: str) -> HttpResponse:
    case = selectors.case_get_for_user(user=me(request), pk=pk)
    if name not in ACTIONS:
        raise Http404("No such action")
    form = _make_form(case, name, request.POST)
    if form.is_valid():
        action_data = getattr(form, "action_data", None)
        data = action_data() if action_data is not None else dict(form.cleaned_data)
        try:
            done = services.case_action(name, case_id=case.pk, actor=me(request), data=data)
        except DomainError as exc:
            form.add_error(exc.field if exc.field in form.fields else None, exc.message)
        else:
            messages.success(request, DONE[name](done))
            if name == "letter":  # the draft opens for editing (staffing's letter page)
                return redirect("staffing:letter", letter_id=done.pk)
            return redirect("complaints:detail", pk=case.pk)
    mark_errors(form)
    return _render_case(request, case, {name: form})


# ---------------------------------------------------------------- review bundle
@complaints_staff
def case_bundle(request: HttpRequest, pk: int) -> StreamingHttpResponse:
    """The review bundle (the same stream as GET /api/v1/complaints/cases/{id}/bundle/)."""
    return case_bundle_response(
        user=me(request),
        pk=pk,
        purpose=purpose_from(request, "Review bundle for the review body"),
        path=request.path,
    )
