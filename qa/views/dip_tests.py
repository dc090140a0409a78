"""Dip-tests (R-DIP-TEST): the days tested, one day's samples, a sample's audit, and the compliance
figures."""

from __future__ import annotations

from datetime import date, timedelta

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone

from config.listing import valid_filters
from qa import compliance, forms, selectors
from qa.audit_record import dip_sample_record
from qa.models import DipSample, DipTest
from qa.permissions import can_view_sample
from qa.services import dip_test as dip_services
from qa.services.allocation import dip_sample_barred
from qa.views.common import actor_of, apply_form, crumbs, supervisors
from staffing.services import open_logged


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
        if apply_form(
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
