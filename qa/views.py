"""HTML views of the QA app: thin (permission, form/selector, service, redirect or render)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import cast

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.forms import Form
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from config.access import roles_required
from config.exceptions import DomainError
from config.listing import Column, list_page, safe_next, valid_filters, with_next
from config.permissions import Role, user_has_role
from config.queues import queue_page
from config.registry import age_text
from qa import compliance, forms, rules, selectors
from qa import history as qa_history
from qa import queues as qa_queues
from qa.audit_record import dip_sample_record
from qa.models import Amendment, DipSample, DipTest, RapeReview, UnrecordedFlag
from qa.permissions import can_view_sample
from qa.services import dip_test as dip_services
from qa.services import flags as flag_services
from qa.services import rape_review as rape_services
from qa.services.allocation import dip_sample_barred
from staffing.models import User
from staffing.selectors import allocation_page_url_for
from staffing.services import access_log_record, open_logged

View = Callable[..., HttpResponse]


def actor_of(request: HttpRequest) -> User:
    return cast(User, request.user)


supervisors = roles_required(*Role.SUPERVISORS)


def crumbs(*items: tuple[str, str | None]) -> list[dict[str, str | None]]:
    return [{"label": label, "url": url} for label, url in items]


def _apply(form: Form, action: Callable[[], object]) -> bool:
    """Run a service for a valid form; attach a DomainError to the form. True when it succeeded."""
    if not form.is_valid():
        return False
    try:
        action()
    except DomainError as err:
        field = err.field if err.field in form.fields else None
        for named in ("assign_reason", "resolve_reason", "record_reason"):  # the services' "reason"
            if err.field == "reason" and named in form.fields:
                field = named
        form.add_error(field, err.message)
        return False
    return True


# ---------------------------------------------------------------- work to allocate
@supervisors
def to_allocate(request: HttpRequest) -> HttpResponse:
    """QA work nobody has been given yet, one kind at a time (?kind=flags, samples or amendments), every
    item page by page: the home counts open these same lists (qa.queues)."""
    queue = qa_queues.TO_ALLOCATE.get(request.GET.get("kind", ""), qa_queues.FLAGS_TO_ALLOCATE)
    # The tabs name the other kinds of work without counting them (the home page has the counts).
    tabs = [{"key": q.key, "label": q.label, "url": q.url} for q in qa_queues.TO_ALLOCATE.values()]
    return queue_page(request, queue, tabs=tabs)


# ---------------------------------------------------------------- unrecorded incidents
FLAG_COLUMNS = [
    Column("incident", "Incident", ("incident__reference",)),
    Column("nsir", "NSIR code", ("incident__nsir_code__code", "incident_opened_at")),
    # the flag's indexed copy of the incident's opened_at (qa_flag_queue_idx): the default order uses it
    Column("opened", "Opened", ("incident_opened_at",)),
    Column("hours", "Hours open", numeric=True),
    Column("flagged", "Flagged", ("flagged_at",)),
    Column("assigned", "Assigned to", ("assigned_to__last_name", "assigned_to__first_name")),
    Column("escalated", "Escalated", ("escalated_at",)),
    Column("status", "Status"),
]
FLAG_FILTERS = ("assigned", "q", "escalation", "mismatch")


@supervisors
def flag_list(request: HttpRequest) -> HttpResponse:
    """The sergeant's queue: filter by status, assignment, reference, open escalations to the control room
    and mismatched resolutions; sort by any dated column; oldest incident first by default
    (config.listing). The figures above it count open flags, open escalations and mismatched
    resolutions, each a link to its filter."""
    form = forms.FlagFilterForm(request.GET or None)
    filters = valid_filters(form)  # one bad value never drops the other filters
    status = filters.get("status") or UnrecordedFlag.Status.OPEN
    escalation = filters.get("escalation", "")
    mismatch = filters.get("mismatch", "")
    if mismatch and not filters.get("status"):
        status = UnrecordedFlag.Status.RESOLVED
    flags = selectors.flag_list(
        status=status,
        assigned=filters.get("assigned", ""),
        q=filters.get("q", ""),
        escalation=escalation,
        mismatch=mismatch,
    )
    listing = list_page(request, flags, columns=FLAG_COLUMNS, default_sort="opened", filter_keys=FLAG_FILTERS)
    now = timezone.now()
    rows = [
        (
            flag,
            rules.hours_open(flag.incident.opened_at, flag.closed_at or now),
            age_text(flag.escalated_at, now),
        )
        for flag in listing.items
    ]
    return render(
        request,
        "qa/flag_list.html",
        {
            "listing": listing,
            "rows": rows,
            "status": status,
            "status_label": UnrecordedFlag.Status(status).label.lower(),
            "figures": selectors.flag_figures(),
            "last_sweep": selectors.last_sweep(),
            "filter_form": form,
            "clear_url": reverse("qa:flag-list"),
            "breadcrumbs": crumbs(("Home", reverse("home")), ("Unrecorded incidents", None)),
        },
    )


FLAG_FORMS: dict[str, type[Form]] = {
    "assign": forms.FlagAssignForm,
    "resolve": forms.FlagResolveForm,
    "dismiss": forms.FlagDismissForm,
    "escalate": forms.FlagEscalateForm,
    "answer": forms.FlagAnswerForm,
}


def _flag_page(
    request: HttpRequest,
    flag: UnrecordedFlag,
    bound: dict[str, Form],
    status: int = 200,
    candidate: selectors.FlagCandidate | None = None,
) -> HttpResponse:
    context_forms = {name: bound.get(name) or form_class() for name, form_class in FLAG_FORMS.items()}
    history = flag.history.select_related("history_user").order_by("-history_date")[:20]
    back = safe_next(request, reverse("qa:flag-list"))
    now = timezone.now()
    error_form = next((f for f in bound.values() if f.errors), None)
    return render(
        request,
        "qa/flag_detail.html",
        {
            "flag": flag,
            "back": back,
            "incident": flag.incident,
            "allocate_url": allocation_page_url_for(flag),
            "hours_open": rules.hours_open(flag.incident.opened_at, flag.closed_at or now),
            "escalation_age": age_text(flag.escalated_at, flag.escalation_answered_at or now),
            "forms": context_forms,
            "error_form": error_form,
            "candidate": candidate,
            "history": history,
            "breadcrumbs": crumbs(
                ("Home", reverse("home")),
                ("Unrecorded incidents", back),
                (flag.incident.reference, None),
            ),
        },
        status=status,
    )


@supervisors
def flag_detail(request: HttpRequest, pk: int) -> HttpResponse:
    flag = get_object_or_404(selectors.flag_list(), pk=pk)
    return _flag_page(request, flag, {})


@supervisors
@require_POST
def flag_action(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    """One action on an open flag. Resolving has two steps: "check" shows the crime beside the incident
    (and what does not match, which then needs a reason); "confirm" resolves through the service, which
    applies the same check again."""
    flag = get_object_or_404(selectors.flag_list(), pk=pk)
    if action not in FLAG_FORMS:
        raise PermissionDenied("Unknown action.")
    form = FLAG_FORMS[action](request.POST)
    actor = actor_of(request)

    if action == "resolve" and request.POST.get("step") == "check":
        candidate = None
        if form.is_valid():
            try:
                candidate = selectors.flag_candidate(
                    incident=flag.incident, crime_number=form.cleaned_data["crime_number"], user=actor
                )
            except DomainError as err:
                form.add_error("crime_number", err.message)
        return _flag_page(
            request, flag, {action: form}, status=200 if candidate else 400, candidate=candidate
        )

    def run() -> object:
        data = form.cleaned_data
        if action == "assign":
            return flag_services.flag_assign(
                flag_id=flag.pk, investigator=data["investigator"], actor=actor, reason=data["assign_reason"]
            )
        if action == "resolve":
            return flag_services.flag_resolve(
                flag_id=flag.pk, crime_number=data["crime_number"], actor=actor, reason=data["resolve_reason"]
            )
        if action == "dismiss":
            return flag_services.flag_dismiss(
                flag_id=flag.pk,
                reason=data["reason"],
                closing_nsir_code=data["closing_nsir_code"],
                actor=actor,
            )
        if action == "answer":
            return flag_services.flag_escalation_answer(flag_id=flag.pk, answer=data["answer"], actor=actor)
        return flag_services.flag_escalate(flag_id=flag.pk, note=data["note"], actor=actor)

    if _apply(form, run):
        done = {
            "assign": "assigned",
            "resolve": "resolved",
            "dismiss": "dismissed",
            "escalate": "escalated to the control room",
            "answer": "updated with the control room's answer",
        }[action]
        messages.success(request, f"Flag on {flag.incident.reference} {done}.")
        detail = reverse("qa:flag-detail", args=[flag.pk])
        back = safe_next(request, "")
        return redirect(with_next(detail, back) if back else detail)
    flag.refresh_from_db()
    candidate = None
    number = getattr(form, "cleaned_data", {}).get("crime_number")
    if action == "resolve" and number:
        # Refused on its reason: show the crime beside the incident again, with what did not match.
        try:
            candidate = selectors.flag_candidate(incident=flag.incident, crime_number=number, user=actor)
        except DomainError:
            candidate = None
    return _flag_page(request, flag, {action: form}, status=400, candidate=candidate)


# ---------------------------------------------------------------- dip-tests
@supervisors
def dip_test_list(request: HttpRequest) -> HttpResponse:
    page = Paginator(selectors.dip_test_list(), 30).get_page(request.GET.get("page"))
    return render(
        request,
        "qa/dip_test_list.html",
        {"page": page, "breadcrumbs": crumbs(("Home", reverse("home")), ("Dip-tests", None))},
    )


@supervisors
def dip_test_detail(request: HttpRequest, day: str) -> HttpResponse:
    try:
        dip_test = get_object_or_404(DipTest, date=date.fromisoformat(day))
    except ValueError as err:
        raise Http404("No dip-test: the date must be YYYY-MM-DD.") from err
    samples = selectors.dip_test_samples(dip_test)
    return render(
        request,
        "qa/dip_test_detail.html",
        {
            "dip_test": dip_test,
            "samples": samples,
            "figures": compliance.dip_test_figures(dip_test.date),
            "breadcrumbs": crumbs(
                ("Home", reverse("home")),
                ("Dip-tests", reverse("qa:dip-test-list")),
                (str(dip_test.date), None),
            ),
        },
    )


@supervisors
def dip_sample_audit(request: HttpRequest, pk: int) -> HttpResponse:
    """The auditor reads the whole record (incident, crimes, their histories, the engine's second
    opinion) and answers every question that applies; nothing is pre-selected."""
    sample = get_object_or_404(DipSample.objects.select_related("dip_test", "owner", "team"), pk=pk)
    actor = actor_of(request)
    if not can_view_sample(actor, sample):
        raise Http404("No such sample.")
    form = forms.DipAuditForm(request.POST or None, questions=dip_services.dip_sample_questions(sample))
    status = 200
    if request.method == "POST":
        if _apply(
            form,
            lambda: dip_services.dip_sample_audit(
                sample_id=sample.pk,
                answers=form.answers(),
                notes=form.cleaned_data["notes"],
                actor=actor,
            ),
        ):
            messages.success(request, f"Audit of {sample.label} saved.")
            return redirect("qa:dip-test-detail", day=sample.dip_test.date.isoformat())
        status = 400
    record = dip_sample_record(sample)
    open_logged(
        user=actor,
        find=lambda: sample,
        record_type="qa.DipSample",
        label=lambda sample: sample.label,
        purpose="Dip-test audit (R-DIP-TEST)",
        path=request.path,
        logged=lambda _: any(c.crime.restricted for c in record.crimes),
    )
    return render(
        request,
        "qa/dip_sample_audit.html",
        {
            "sample": sample,
            "form": form,
            "record": record,
            "barred": actor.pk in dip_sample_barred(sample),
            "breadcrumbs": crumbs(
                ("Home", reverse("home")),
                ("Dip-tests", reverse("qa:dip-test-list")),
                (
                    str(sample.dip_test.date),
                    reverse("qa:dip-test-detail", args=[sample.dip_test.date.isoformat()]),
                ),
                (f"Audit {sample.label}", None),
            ),
        },
        status=status,
    )


@supervisors
def compliance_view(request: HttpRequest) -> HttpResponse:
    form = forms.ComplianceFilterForm(request.GET or None)
    today = timezone.localdate()
    by, start, end = "day", today - timedelta(days=28), today
    team_id = None
    # Each valid filter applies even when another is in error (a bad date is shown beside its field).
    filters = valid_filters(form)
    by = filters.get("by") or by
    start = filters.get("start") or start
    end = filters.get("end") or end
    if filters.get("my_team"):
        team_id = actor_of(request).team_id
    rows = compliance.compliance_by(by, start=start, end=end, team_id=team_id)
    return render(
        request,
        "qa/compliance.html",
        {
            "form": form
            if request.GET
            else forms.ComplianceFilterForm(initial={"by": by, "start": start, "end": end}),
            "rows": rows,
            "by": by,
            "start": start,
            "end": end,
            "breadcrumbs": crumbs(("Home", reverse("home")), ("Compliance", None)),
        },
    )


# ---------------------------------------------------------------- amendments
AMENDMENT_COLUMNS = [
    Column("record", "Record", ("finding__sample__label",)),
    Column("error", "Error", ("finding__error_type", "due_on")),
    Column("owner", "Owner", ("owner__last_name", "owner__first_name", "due_on")),
    Column("due", "Due", ("due_on",)),
    Column("status", "Status", ("status", "due_on")),
    Column("action", "Action"),
]


@roles_required(Role.INVESTIGATOR, *Role.SUPERVISORS)
def amendment_list(request: HttpRequest) -> HttpResponse:
    """Amendments to put right, the one due soonest first (R-DIP-TEST); any dated column re-sorts."""
    listing = list_page(
        request,
        selectors.amendment_list(user=actor_of(request)),
        columns=AMENDMENT_COLUMNS,
        default_sort="due",
    )
    return render(
        request,
        "qa/amendment_list.html",
        {
            "listing": listing,
            "page": listing.page,
            "today": timezone.localdate(),
            "fix_form": forms.AmendmentFixForm(),
            "is_supervisor": user_has_role(request.user, Role.SUPERVISORS),
            "breadcrumbs": crumbs(("Home", reverse("home")), ("Amendments", None)),
        },
    )


def _record_links(amendment: Amendment) -> list[tuple[str, str]]:
    """The crimes the amendment's error concerns, with their pages, so the fixer can correct them."""
    crimes = qa_history.sample_crimes(
        amendment.finding.sample, wider=amendment.finding.error_type in qa_history.COUNTING_ERRORS
    )
    return [(crime.crime_number, reverse("recording:crime-detail", args=[crime.pk])) for crime in crimes]


@roles_required(Role.INVESTIGATOR, *Role.SUPERVISORS)
def amendment_fix(request: HttpRequest, pk: int) -> HttpResponse:
    """Mark an amendment fixed: the page shows what the record's history says changed since the error
    was found; without a change the fixer must say why none is needed (qa.services.dip_test)."""
    amendment = get_object_or_404(selectors.amendment_list(user=actor_of(request)), pk=pk)
    if amendment.status != Amendment.Status.OPEN:
        messages.info(request, f"This amendment is {amendment.get_status_display().lower()}.")
        return redirect("qa:amendment-list")
    form = forms.AmendmentFixForm(request.POST or None)
    if request.method == "POST" and _apply(
        form,
        lambda: dip_services.amendment_mark_fixed(
            amendment_id=amendment.pk,
            note=form.cleaned_data["note"],
            no_change_needed=form.cleaned_data["no_change_needed"],
            actor=actor_of(request),
        ),
    ):
        messages.success(request, "Amendment marked fixed; a sergeant other than you will confirm it.")
        return redirect("qa:amendment-list")
    return render(
        request,
        "qa/amendment_fix.html",
        {
            "amendment": amendment,
            "form": form,
            "changes": qa_history.amendment_changes(amendment),
            "records": _record_links(amendment),
            "breadcrumbs": crumbs(
                ("Home", reverse("home")), ("Amendments", reverse("qa:amendment-list")), ("Mark fixed", None)
            ),
        },
        status=400 if request.method == "POST" else 200,
    )


@supervisors
def amendment_confirm(request: HttpRequest, pk: int) -> HttpResponse:
    """Check a fix before confirming it: the error, the fixer's note (or reason no change was needed) and
    the record's before and after from its history. The person who marked it fixed cannot confirm it."""
    amendment = get_object_or_404(selectors.amendment_list(user=actor_of(request)), pk=pk)
    if request.method == "POST":
        try:
            dip_services.amendment_confirm(amendment_id=amendment.pk, actor=actor_of(request))
        except DomainError as err:
            messages.error(request, err.message)
            return redirect("qa:amendment-confirm", pk=amendment.pk)
        messages.success(request, f"Fix of {amendment.finding.sample.label} confirmed.")
        return redirect("qa:amendment-list")
    return render(
        request,
        "qa/amendment_confirm.html",
        {
            "amendment": amendment,
            "changes": qa_history.amendment_changes(amendment),
            "records": _record_links(amendment),
            "refusal": dip_services.amendment_confirm_refusal(amendment=amendment, actor=actor_of(request)),
            "breadcrumbs": crumbs(
                ("Home", reverse("home")),
                ("Amendments", reverse("qa:amendment-list")),
                ("Check the fix", None),
            ),
        },
    )


# ---------------------------------------------------------------- rape review (restricted)
RAPE_COLUMNS = [
    Column("record", "Record", ("label",)),
    Column("type", "Type"),
    Column("day", "Day", ("review_date", "queued_at")),
    Column("queued", "Queued", ("queued_at",)),
]
RAPE_REVIEWED_COLUMNS = [
    *RAPE_COLUMNS,
    Column("reviewed", "Reviewed", ("reviewed_at",)),
    Column("decision", "Decision", ("decision",)),
    Column("advice", "Advice to"),
]


@supervisors
def rape_review_list(request: HttpRequest) -> HttpResponse:
    reviewed = request.GET.get("reviewed") == "1"
    listing = list_page(
        request,
        selectors.rape_review_queue(reviewed=reviewed),
        columns=RAPE_REVIEWED_COLUMNS if reviewed else RAPE_COLUMNS,
        default_sort="-reviewed" if reviewed else "queued",
    )
    page = listing.page
    access_log_record(
        user=actor_of(request),
        record_type="qa.RapeReview",
        record_id="queue",
        label=f"Rape review queue ({'reviewed' if reviewed else 'to review'}), page {page.number}",
        purpose="Daily rape review (R-RAPE-RECORD)",
        path=request.get_full_path(),
    )
    return render(
        request,
        "qa/rape_review_list.html",
        {
            "listing": listing,
            "page": page,
            "reviewed": reviewed,
            "breadcrumbs": crumbs(("Home", reverse("home")), ("Rape review", None)),
        },
    )


@supervisors
def rape_review_detail(request: HttpRequest, pk: int) -> HttpResponse:
    review = open_logged(
        user=actor_of(request),
        find=lambda: get_object_or_404(
            RapeReview.objects.select_related(
                "incident__nsir_code", "crime__offence", "awaiting", "reviewed_by"
            ),
            pk=pk,
        ),
        record_type="qa.RapeReview",
        label=lambda review: review.label,
        purpose="Daily rape review (R-RAPE-RECORD)",
        path=request.path,
    )
    back = safe_next(request, reverse("qa:rape-review-list"))
    form = forms.RapeReviewForm(request.POST or None, initial={"victim_age": review.victim_age})
    refusal = "" if review.reviewed_at else rape_services.rape_review_refusal(actor_of(request))
    if request.method == "POST" and refusal:
        messages.error(request, refusal)
        return redirect("qa:rape-review-detail", pk=review.pk)
    if request.method == "POST" and _apply(
        form,
        lambda: rape_services.rape_review_record(
            review_id=review.pk,
            decision=form.cleaned_data["decision"],
            decision_note=form.cleaned_data["decision_note"],
            victim_age=form.cleaned_data["victim_age"],
            advice=form.cleaned_data["advice"],
            actor=actor_of(request),
        ),
    ):
        messages.success(request, f"{review.label} marked reviewed.")
        return redirect(back)
    return render(
        request,
        "qa/rape_review_detail.html",
        {
            "review": review,
            "back": back,
            "form": form,
            "suggested_team": RapeReview.AdviceTeam(rules.abuse_team_for(review.victim_age)).label,
            "refusal": refusal,
            "breadcrumbs": crumbs(
                ("Home", reverse("home")),
                ("Rape review", back),
                (review.label, None),
            ),
        },
        status=400 if request.method == "POST" else 200,
    )


# ---------------------------------------------------------------- daily performance
@supervisors
def daily_performance(request: HttpRequest) -> HttpResponse:
    """The day's figures (contract "Daily performance"). A malformed or future day is a field error
    and a 400, with no figures: never today's figures under a day the reader did not ask for."""
    form = forms.DayForm(request.GET or None)
    day = timezone.localdate()
    if form.is_bound and not form.is_valid():
        return render(request, "qa/daily.html", _daily_context(form, None, day), status=400)
    if form.is_bound and form.cleaned_data["date"]:
        day = form.cleaned_data["date"]
    if not form.is_bound:
        form = forms.DayForm(initial={"date": day})
    return render(request, "qa/daily.html", _daily_context(form, compliance.daily_figures(day), day))


def _daily_context(form: forms.DayForm, figures: object, day: date) -> dict[str, object]:
    return {
        "form": form,
        "day": day,
        "figures": figures,
        "csv_url": reverse("api:dashboard-daily") + f"?date={day.isoformat()}&format=csv",
        "breadcrumbs": crumbs(("Home", reverse("home")), ("Daily performance", None)),
    }
