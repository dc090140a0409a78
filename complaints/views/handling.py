"""The case screen and its actions (handling through review): thin views over the case action dispatch."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from django import forms as django_forms
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from complaints import forms, permissions, selectors, services
from complaints.actions import SPECS, ActionSpec, case_state
from complaints.api.bundle import case_bundle_response
from complaints.letters import COMPLAINT_LETTERS
from complaints.models import (
    AppropriateAuthority,
    ComplaintCase,
    ReviewBody,
    Route,
)
from complaints.rules import actions as action_rules
from complaints.views.common import complaints_case, complaints_staff, crumbs, mark_errors, me
from config.exceptions import DomainError
from config.listing import safe_next
from staffing.access_audit import purpose_from


# ---------------------------------------------------------------- the case screen
def _questions(assumed: Any) -> list[tuple[str, str, str]]:
    """The facts not asked yet whose answer would change the triage proposal, as questions."""
    return [(a.field, selectors.fact_question(a.field), selectors.would_change_words(a)) for a in assumed]


def _make_form(
    case: ComplaintCase,
    name: str,
    data: Any = None,
    questions: list[tuple[str, str, str]] | None = None,
    initial: dict[str, Any] | None = None,
) -> django_forms.Form:
    """The form of one case action, bound to `data` when given (the page and the POST build it alike)."""
    spec = SPECS[name]
    kwargs: dict[str, Any] = {"prefix": name}
    if spec.form is forms.CloseForm:
        kwargs |= {
            "outcomes": selectors.outcomes_for_route(case.route),
            "allegations": list(case.allegations.all()),
        }
    elif spec.form is forms.FactsForm:
        kwargs["questions"] = _questions(selectors.case_assumptions(case)) if questions is None else questions
    if data is not None:
        return spec.form(data, **kwargs)
    return spec.form(initial={**spec.initial(case), **(initial or {})}, **kwargs)


@dataclass
class Offered:
    """The case page's actions, from the specification: each section's (spec, form) pairs the user may
    take now, the ones they may not with the reason in words, and the suggested next steps."""

    sections: dict[str, list[tuple[ActionSpec, django_forms.Form]]]
    withheld: list[tuple[ActionSpec, str]]
    next_steps: list[tuple[ActionSpec, str]]
    pages: list[ActionSpec]  # actions taken on their own page, open now: the case page links to them


def _offered(
    case: ComplaintCase,
    user: Any,
    bound: dict[str, django_forms.Form] | None,
    questions: list[tuple[str, str, str]],
    proposal: Any,
    letter: str,
) -> Offered:
    state = case_state(
        case,
        proposal_eligible=proposal.eligible if proposal else None,
        has_questions=bool(questions),
    )
    offered = Offered(sections=defaultdict(list), withheld=[], next_steps=[], pages=[])
    for spec in SPECS.values():
        if spec.per_item or not spec.who(user):
            continue
        reason = spec.precondition(state)
        if reason:
            if (
                spec.section == "actions"
                and state.is_open
                and not state.is_compliment
                and spec.precondition is not action_rules.open_compliment
            ):
                offered.withheld.append((spec, reason))
            continue
        if spec.page:
            offered.pages.append(spec)
            continue
        initial = None
        if letter and spec.form is forms.LetterForm:  # the letter a done action offers, ready to draft
            initial = {"kind": letter}
        form = (bound or {}).get(spec.name) or _make_form(
            case, spec.name, questions=questions, initial=initial
        )
        offered.sections[spec.section].append((spec, form))
        if why := spec.suggest(state):
            offered.next_steps.append((spec, why))
    return offered


def _review_result_forms(
    case: ComplaintCase, bound: dict[str, django_forms.Form] | None = None
) -> list[tuple[Any, django_forms.Form]]:
    """One result form per application still awaiting its result (C-REVIEW-OUTCOME)."""
    spec = SPECS["review_result"]
    out: list[tuple[Any, django_forms.Form]] = []
    for review in case.reviews.all():
        if review.result_id is not None:
            continue
        form = (bound or {}).get(spec.name)
        if form is None or str(form.data.get(f"{spec.name}-review")) != str(review.pk):
            form = _make_form(case, spec.name, initial={"review": review.pk})
        out.append((review, form))
    return out


def _recommendation_forms(
    case: ComplaintCase, bound: dict[str, django_forms.Form] | None = None
) -> list[tuple[Any, django_forms.Form | None]]:
    """Every recommendation of an upheld review, with a follow-up form for each one still open."""
    spec = SPECS["recommendation"]
    out: list[tuple[Any, django_forms.Form | None]] = []
    for item in case.recommendations.all():
        form: django_forms.Form | None = None
        if item.status == "open":
            form = (bound or {}).get(spec.name)
            if form is None or str(form.data.get(f"{spec.name}-recommendation")) != str(item.pk):
                form = _make_form(case, spec.name, initial={"recommendation": item.pk})
        out.append((item, form))
    return out


def _render_case(
    request: HttpRequest, case: ComplaintCase, bound: dict[str, django_forms.Form] | None = None
) -> HttpResponse:
    # A done action that offers a letter comes back with ?draft=<purpose>: the letter form opens on it.
    letter = request.GET.get("draft", "")
    letter = letter if letter in dict(COMPLAINT_LETTERS) else ""
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
        "offered": _offered(case, me(request), bound, questions, proposal, letter),
        "specs": SPECS,
        "signposts": list(case.signpostings.all()),
        "questions": questions,
        "review_results": _review_result_forms(case, bound),
        "recommendations": _recommendation_forms(case, bound),
        "schedule_3": case.route in services.SCHEDULE_3_ROUTES,
        "complainants": complainants,
        "adjustments_people": complainants,
        "can_see_equality": permissions.can_view_equality(me(request)),
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


# Every case action, specified once (complaints.actions): the page's forms, labels and messages.
ACTIONS = SPECS


@complaints_case
@require_POST
def case_action(request: HttpRequest, pk: int, name: str) -> HttpResponse:
    case = selectors.case_get_for_user(user=me(request), pk=pk)
    spec = SPECS.get(name)
    if spec is None or spec.page:  # an action with its own page is taken there
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
            message = spec.done(done)
            if spec.goes_to is not None:  # e.g. a drafted letter opens for editing (staffing's page)
                messages.success(request, message)
                return redirect(spec.goes_to(done))
            url = reverse("complaints:detail", kwargs={"pk": case.pk})
            if spec.letter:  # the letter this action offers, ready to draft
                label = dict(COMPLAINT_LETTERS)[spec.letter]
                message += f" Its letter is ready to draft below: {label}."
                drafting = next(s.name for s in SPECS.values() if s.form is forms.LetterForm)
                url += f"?draft={spec.letter}#action-{drafting}"
            messages.success(request, message)
            return redirect(url)
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
