"""Complaint pages: thin views over selectors and services (need-to-know in selectors/permissions)."""

from __future__ import annotations

import datetime as dt
import io
import json
import zipfile
from collections.abc import Callable
from functools import wraps
from typing import Any, cast

from django import forms as django_forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.views.decorators.http import require_POST

from complaints import forms, permissions, queues, selectors, services
from complaints.api.bundle import case_bundle_response
from complaints.models import (
    AppropriateAuthority,
    ComplaintCase,
    ComplaintCategory,
    LessonLearned,
    ReviewBody,
    Route,
    Subject,
)
from config.access import roles_required
from config.exceptions import DomainError
from config.exports import csv_bytes, csv_response
from config.listing import Column, list_page, safe_next
from config.permissions import Role
from staffing.access_audit import purpose_from
from staffing.models import User
from staffing.services import access_log_record

View = Callable[..., HttpResponse]


def _me(request: Any) -> User:
    """The signed-in user (the permission checks have already refused anonymous callers)."""
    return cast(User, request.user)


# Lists and forms: advisors, managers and admins; anyone else 403.
complaints_staff = roles_required(*Role.COMPLAINTS)


def complaints_case(view: View) -> View:
    """A single case: anyone without need-to-know gets 404, so they cannot learn it exists. Every role
    is declared (the matrix then expects 404, not 403, for the others)."""

    @roles_required(*Role.ALL)
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not permissions.can_list(request.user):
            raise Http404("No such complaint case")
        return view(request, *args, **kwargs)

    return wrapper


def _crumbs(*items: tuple[str, str | None]) -> list[dict[str, str | None]]:
    crumbs: list[dict[str, str | None]] = [
        {"label": "Home", "url": reverse("home")},
        {"label": "Complaints", "url": reverse("complaints:mine")},
    ]
    crumbs.extend({"label": a, "url": b} for a, b in items)
    return crumbs


# ---------------------------------------------------------------- lists
CASE_COLUMNS = [
    Column("reference", "Reference", ("reference",)),
    Column("complainant", "Complainant"),
    Column("about", "About"),
    Column("received", "Received", ("received_at",)),
    Column("route", "Route", ("route",)),
    Column("due", "Next update due", ("next_update_due", "received_at")),
    Column("status", "Status"),
]
# The caseload adds a priority column: overdue first, then due within 7 days (selectors._priority_order).
PRIORITY = Column("priority", "Priority", ("band", "next_update_due", "received_at"))


def _case_list(
    request: HttpRequest,
    cases: Any,
    *,
    title: str,
    crumb: str,
    empty: str,
    default_sort: str,
    priority: bool = False,
    extra: dict[str, Any] | None = None,
) -> HttpResponse:
    columns = [PRIORITY, *CASE_COLUMNS] if priority else CASE_COLUMNS
    listing = list_page(
        request, cases, columns=columns, default_sort=default_sort, filter_keys=("q", "category")
    )
    return render(
        request,
        "complaints/case_list.html",
        {
            "listing": listing,
            "cases": listing.items,
            "priority": priority,
            "title": title,
            "today": timezone.localdate(),
            "breadcrumbs": _crumbs((crumb, None)),
            "empty": empty,
            **(extra or {}),
        },
    )


@complaints_staff
def case_mine(request: HttpRequest) -> HttpResponse:
    """The advisor's caseload: overdue first, then due within 7 days, then the rest (C-UPDATE-28D,
    C-INITIAL-CONTACT); any column can re-sort it."""
    user = _me(request)
    return _case_list(
        request,
        selectors.case_list_mine(user=user),
        title="My cases",
        crumb="My cases",
        empty="You have no open cases. New complaints you log or are given appear here.",
        default_sort="priority",
        priority=True,
        extra={"figures": queues.caseload_figures(user)},
    )


@complaints_staff
def case_overdue(request: HttpRequest) -> HttpResponse:
    return _case_list(
        request,
        selectors.case_list_overdue(user=_me(request)),
        title="Overdue updates and contacts",
        crumb="Overdue",
        empty="Nothing is overdue. Well done.",
        default_sort="due",
    )


@complaints_staff
def case_search(request: HttpRequest) -> HttpResponse:
    q = request.GET.get("q", "")[:200]
    category = request.GET.get("category", "")[:6]
    return _case_list(
        request,
        selectors.case_search(user=_me(request), q=q, category=category),
        title="Search cases",
        crumb="Search",
        empty=(
            "No case matches. Search by complainant name, case reference (CO/2026/00042) or officer name "
            "or collar number."
        ),
        default_sort="-received",
        extra={
            "q": q,
            "search": True,
            "category": category,
            "categories": ComplaintCategory.objects.order_by("title"),  # retired ones find older cases
        },
    )


@complaints_staff
def case_export_download(request: HttpRequest) -> HttpResponse:
    """The search page's export: the same response as GET /api/v1/complaints/export/."""
    from rest_framework.exceptions import ValidationError

    from complaints.api.export import case_export_response

    try:
        return case_export_response(user=_me(request), params=request.GET, path=request.path)
    except ValidationError as exc:
        problems = "; ".join(f"{field}: {' '.join(map(str, errs))}" for field, errs in exc.detail.items())  # type: ignore[union-attr]
        messages.error(request, f"The export needs a valid date range ({problems}).")
        return redirect(reverse("complaints:search") + "?" + urlencode({"q": request.GET.get("q", "")}))


# ---------------------------------------------------------------- intake
@complaints_staff
def case_create(request: HttpRequest) -> HttpResponse:
    form = forms.IntakeForm(request.POST or None, initial={"kind": request.GET.get("kind", "complaint")})
    if request.method == "POST" and form.is_valid():
        try:
            case = services.complaint_create(actor=_me(request), **form.service_kwargs())
        except DomainError as exc:
            form.add_error(exc.field if exc.field in form.fields else None, exc.message)
        else:
            messages.success(request, f"Case {case.reference} created.")
            return redirect("complaints:detail", pk=case.pk)
    _mark_errors(form)
    return render(
        request,
        "complaints/case_form.html",
        {"form": form, "breadcrumbs": _crumbs(("New case", None))},
        status=400 if form.errors else 200,
    )


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


def _mark_errors(form: django_forms.Form) -> None:
    """Link each field to its error message for screen readers."""
    for name in form.errors:
        if name in form.fields:
            form.fields[name].widget.attrs["aria-describedby"] = f"{form[name].auto_id}_error"
            form.fields[name].widget.attrs["aria-invalid"] = "true"


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
        "can_see_equality": permissions.can_view_equality(_me(request)),
        "can_reassign": permissions.can_reassign(_me(request)),
        "today": timezone.localdate(),
        "breadcrumbs": _crumbs((case.reference, None)),
        "back": safe_next(request, reverse("complaints:mine")),
        "bound_form": next(iter(bound), "") if bound else "",
    }
    return render(request, "complaints/case_detail.html", context, status=400 if bound else 200)


@complaints_case
def case_detail(request: HttpRequest, pk: int) -> HttpResponse:
    case = services.case_open(
        user=_me(request), pk=pk, purpose=purpose_from(request, "Complaint handling"), path=request.path
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
    case = selectors.case_get_for_user(user=_me(request), pk=pk)
    if name not in ACTIONS:
        raise Http404("No such action")
    form = _make_form(case, name, request.POST)
    if form.is_valid():
        action_data = getattr(form, "action_data", None)
        data = action_data() if action_data is not None else dict(form.cleaned_data)
        try:
            done = services.case_action(name, case_id=case.pk, actor=_me(request), data=data)
        except DomainError as exc:
            form.add_error(exc.field if exc.field in form.fields else None, exc.message)
        else:
            messages.success(request, DONE[name](done))
            if name == "letter":  # the draft opens for editing (staffing's letter page)
                return redirect("staffing:letter", letter_id=done.pk)
            return redirect("complaints:detail", pk=case.pk)
    _mark_errors(form)
    return _render_case(request, case, {name: form})


# ---------------------------------------------------------------- review bundle
@complaints_staff
def case_bundle(request: HttpRequest, pk: int) -> StreamingHttpResponse:
    """The review bundle (the same stream as GET /api/v1/complaints/cases/{id}/bundle/)."""
    return case_bundle_response(
        user=_me(request),
        pk=pk,
        purpose=purpose_from(request, "Review bundle for the review body"),
        path=request.path,
    )


# ---------------------------------------------------------------- learning
def _period(request: HttpRequest) -> tuple[str, int, int, dt.date, dt.date, str]:
    """The period asked for, or this month with the reason the request was refused (shown, and the
    page answers 400)."""
    today = timezone.localdate()
    refused = ""
    try:
        period, year, number = selectors.learning_period(
            period=request.GET.get("period"),
            year=request.GET.get("year"),
            number=request.GET.get("number"),
            today=today,
        )
    except DomainError as exc:
        refused = exc.message
        period, year, number = "month", today.year, today.month
    start, end = selectors.period_bounds(period=period, year=year, number=number)
    return period, year, number, start, end, refused


@complaints_staff
def learning(request: HttpRequest) -> HttpResponse:
    period, year, number, start, end, refused = _period(request)
    if refused and request.GET.get("format") == "csv":
        return HttpResponse(refused, status=400, content_type="text/plain; charset=utf-8")
    report = selectors.learning_report(start=start, end=end)
    if request.GET.get("format") == "csv":
        header, *rows = selectors.learning_report_rows(report)
        return csv_response(filename=f"complaints-{period}-{year}-{number}.csv", headers=header, rows=rows)
    form = forms.LessonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        case_ids = [int(x) for x in request.POST.getlist("cases") if x.isdigit()]
        try:
            services.lesson_create(
                actor=_me(request),
                title=d["title"],
                description=d["description"],
                level=d["level"],
                category_code=d["category"].code if d["category"] else "",
                case_ids=case_ids,
            )
        except DomainError as exc:
            form.add_error(exc.field if exc.field in form.fields else None, exc.message)
        else:
            messages.success(request, "Lesson recorded.")
            return redirect(reverse("complaints:learning") + f"?period={period}&year={year}&number={number}")
    lessons = LessonLearned.objects.select_related("category").prefetch_related("cases")[:50]
    return render(
        request,
        "complaints/learning.html",
        {
            "report": report,
            "review_rows": [(selectors.REVIEW_LABELS[k], n) for k, n in report.reviews.items()],
            "period": period,
            "year": year,
            "number": number,
            "form": form,
            "lessons": lessons,
            "breadcrumbs": _crumbs(("Learning and reports", None)),
            "last_day": end - dt.timedelta(days=1),
            "period_error": refused,
        },
        status=400 if form.errors or refused else 200,
    )


# ---------------------------------------------------------------- subject access
@roles_required(Role.MANAGER, Role.ADMIN)
def subject_access(request: HttpRequest) -> HttpResponse:
    if not permissions.can_export_subject_access(_me(request)):
        raise PermissionDenied("Subject access exports are for managers.")
    name = request.GET.get("name", "").strip()
    data = selectors.subject_access_data(name=name, user=_me(request)) if name else None
    if data is not None:
        access_log_record(
            user=_me(request),
            record_type="complaint_subject_access",
            record_id=name[:60],
            label=name,
            action="export",
            purpose=purpose_from(request, "Subject access request"),
            path=request.path,
        )
        fmt = request.GET.get("format")
        if fmt == "json":
            response = HttpResponse(json.dumps(data, indent=2), content_type="application/json")
            response["Content-Disposition"] = 'attachment; filename="subject-access.json"'
            return response
        if fmt == "zip":
            return _subject_access_zip(data)
    return render(
        request,
        "complaints/subject_access.html",
        {
            "name": name,
            "data": data,
            # The export keeps the subject's kind as its code; the page says it in words.
            "as_subject": [(row, Subject.Kind(row["kind"]).label) for row in data["as_subject"]]
            if data
            else [],
            "breadcrumbs": _crumbs(("Subject access", None)),
        },
    )


def _subject_access_zip(data: dict[str, Any]) -> HttpResponse:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("subject-access.json", json.dumps(data, indent=2))
        for section in ("as_complainant", "as_subject"):
            rows = data[section]
            headers = list(rows[0].keys()) if rows else []
            cells = [[json.dumps(v) if isinstance(v, list | dict) else v for v in r.values()] for r in rows]
            archive.writestr(f"{section}.csv", csv_bytes(headers, cells) if rows else b"")
    response = HttpResponse(buffer.getvalue(), content_type="application/zip")
    response["Content-Disposition"] = 'attachment; filename="subject-access.zip"'
    return response


@roles_required(Role.MANAGER, Role.ADMIN)
def data_return_page(request: HttpRequest) -> HttpResponse:
    """The IOPC data return for a quarter or year (C-DATA-RETURN): the same figures as
    GET /api/v1/complaints/data-return/, each with its definition, and the force's time to finalise
    beside the national mean, the median force and the quickest quarter of forces (IOPC 2024/25)."""
    from complaints.returns.definitions import national_table
    from complaints.returns.rules import PeriodError, period_parse
    from complaints.returns.selectors import data_return, national_comparison

    today = timezone.localdate()
    default = f"{today.year if today.month >= 4 else today.year - 1}-Q{((today.month - 4) % 12) // 3 + 1}"
    asked = request.GET.get("period", "").strip() or default
    error = ""
    try:
        period = period_parse(asked)
    except PeriodError as exc:
        error, period = str(exc), period_parse(default)
    figures = data_return(period)
    forces, _published = national_table()
    return render(
        request,
        "complaints/data_return.html",
        {
            "asked": asked,
            "error": error,
            "data": figures,
            "comparison": national_comparison(period, settings.RESOLVE_FORCE_NAME),
            "forces": len(forces),
            "csv_url": reverse("api:complaint-data-return") + f"?period={period.label}&format=csv",
        },
        status=400 if error else 200,
    )
