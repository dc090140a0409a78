"""QA work to allocate, and unrecorded incidents (the sweep's flags): the list, a flag's page and its
actions."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.forms import Form
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from config.exceptions import DomainError
from config.listing import Column, list_page, safe_next, valid_filters, with_next
from config.queues import queue_page
from config.registry import age_text
from qa import forms, rules, selectors
from qa import queues as qa_queues
from qa.models import UnrecordedFlag
from qa.services import flags as flag_services
from qa.views.common import actor_of, apply_form, crumbs, supervisors
from staffing.selectors import allocation_page_url_for


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
    figures = selectors.flag_figures()
    # The unfiltered open queue is the list the "open flags" figure counts: counted once for both (capped
    # alike: COUNT_CAP + 1 says "more").
    unfiltered = status == UnrecordedFlag.Status.OPEN and not any(filters.get(k) for k in FLAG_FILTERS)
    listing = list_page(
        request,
        flags,
        columns=FLAG_COLUMNS,
        default_sort="opened",
        filter_keys=FLAG_FILTERS,
        counted=int(figures["open"]) + bool(figures["open_more"]) if unfiltered else None,
    )
    return render(
        request,
        "qa/flag_list.html",
        {
            "listing": listing,
            "rows": selectors.flag_list_rows(listing.items, now=timezone.now(), back=listing.next),
            "status": status,
            "status_label": UnrecordedFlag.Status(status).label.lower(),
            "figures": figures,
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

    if apply_form(form, run):
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
