"""Pages of the roster picker and the repeat-subject alerts (issue 23 part 3): naming who a case's allegations
are about from the roster, the alerts list, one alert with the supervisor's answer. Need-to-know in
complaints.selectors.alerts; every alert shown is access-logged."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from complaints import forms, selectors, services
from complaints.actions import SPECS
from complaints.selectors import alerts as alert_selectors
from complaints.services.alerts import SUPERVISORS, subject_alert_respond
from complaints.views.common import complaints_staff, crumbs, mark_errors, me
from config.exceptions import DomainError
from config.listing import Column, list_page
from staffing.access_audit import purpose_from


# ---------------------------------------------------------------- the roster picker
@complaints_staff
def roster_find(request: HttpRequest) -> HttpResponse:
    """The people on the roster matching what was typed, as <option>s for the picker's datalist."""
    field = request.GET.get("field", "person")[:40]
    q = request.GET.get(field, request.GET.get("q", ""))[:200]
    people = alert_selectors.roster_find(q)
    return render(request, "complaints/alerts/_roster_options.html", {"people": people})


@complaints_staff
def subject_attach_page(request: HttpRequest, pk: int) -> HttpResponse:
    """Name who some of a case's allegations are about, from the roster: the case action `subject_attach`
    (complaints.actions) on its own page, beside the people on the roster the case's subjects could be."""
    user = me(request)
    case = selectors.case_get_for_user(user=user, pk=pk)
    spec = SPECS["subject_attach"]
    kwargs: dict[str, Any] = {"case": case}  # the form offers this case's allegations and subjects
    form = spec.form(request.POST or None, **kwargs)
    if request.method == "POST" and form.is_valid():
        try:
            data = form.action_data()  # type: ignore[attr-defined]  # SubjectAttachForm's
            done = services.case_action(spec.name, case_id=case.pk, actor=user, data=data)
        except DomainError as exc:
            form.add_error(exc.field if exc.field in form.fields else None, exc.message)
        else:
            messages.success(request, spec.done(done))
            return redirect("complaints:detail", pk=case.pk)
    mark_errors(form)
    return render(
        request,
        "complaints/alerts/subject_attach.html",
        {
            "case": case,
            "spec": spec,
            "form": form,
            "suggestions": alert_selectors.roster_suggestions(case),
            "breadcrumbs": crumbs(
                (case.reference, reverse("complaints:detail", args=[case.pk])), ("Who it is about", None)
            ),
        },
        status=400 if form.errors else 200,
    )


# ---------------------------------------------------------------- alerts
ALERT_COLUMNS = [
    Column("due", "Answer due", ("answered", "response_due", "raised_at")),
    Column("person", "About", ("person__name",)),
    Column("threshold", "Threshold", ("threshold__title",)),
    Column("raised", "Raised", ("raised_at",)),
    Column("answer", "Answer"),
]


@complaints_staff
def alert_list(request: HttpRequest) -> HttpResponse:
    user = me(request)
    listing = list_page(
        request, alert_selectors.alert_list(user=user), columns=ALERT_COLUMNS, default_sort="due"
    )
    alert_selectors.alerts_list_log(
        user=user,
        alerts=list(listing.items),
        path=request.get_full_path(),
        purpose=purpose_from(request, "Repeat-subject alerts (list)"),
    )
    return render(
        request,
        "complaints/alerts/list.html",
        {
            "listing": listing,
            "alerts": listing.items,
            "today": timezone.localdate(),
            "breadcrumbs": crumbs(("Repeat-subject alerts", None)),
        },
    )


@complaints_staff
def alert_detail(request: HttpRequest, pk: int) -> HttpResponse:
    user = me(request)
    alert = alert_selectors.alert_open(
        user=user, pk=pk, purpose=purpose_from(request, "Repeat-subject alert"), path=request.path
    )
    can_answer = user.role in SUPERVISORS and alert.is_open
    form = forms.AlertAnswerForm(request.POST or None) if can_answer else None
    if request.method == "POST":
        if form is None:
            messages.error(request, "Only a manager answers an alert, once.")
            return redirect("complaints:alert", pk=alert.pk)
        if form.is_valid():
            try:
                subject_alert_respond(
                    alert_id=alert.pk,
                    actor=user,
                    agrees=form.cleaned_data["agrees"],
                    action_taken=form.cleaned_data["action_taken"],
                )
            except DomainError as exc:
                form.add_error(exc.field if exc.field in form.fields else None, exc.message)
            else:
                messages.success(request, "Your answer to the alert is recorded.")
                return redirect("complaints:alert", pk=alert.pk)
        mark_errors(form)
    return render(
        request,
        "complaints/alerts/detail.html",
        {
            "alert": alert,
            "shown": alert_selectors.alert_allegations(user=user, alert=alert),
            "earlier": alert_selectors.alert_earlier(user=user, alert=alert),
            "form": form,
            "today": timezone.localdate(),
            "breadcrumbs": crumbs(
                ("Repeat-subject alerts", reverse("complaints:alerts")), (str(alert.person), None)
            ),
        },
        status=400 if form is not None and form.errors else 200,
    )
