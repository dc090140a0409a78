"""The day's figures and the manager's dashboard with its CSV/XLSX exports (figures from qa.compliance via
qa.dashboard)."""

from __future__ import annotations

from datetime import date

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from config.access import roles_required
from config.exports import csv_response, xlsx_response
from config.permissions import Role
from qa import compliance, forms
from qa.dashboard import (
    DEFAULT_WEEKS,
    Dashboard,
    dashboard_build,
    dashboard_charts,
    dashboard_sheets,
)
from qa.permissions import can_see_complaint_caseloads
from qa.views.common import crumbs, supervisors


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


# ---------------------------------------------------------------- the dashboard
SHEETS = {"daily": 0, "weekly": 1, "team": 2, "investigator": 3, "caseloads": 4}


@roles_required(Role.MANAGER, Role.ADMIN, Role.SERGEANT)
def dashboard(request: HttpRequest) -> HttpResponse:
    """The day's figures of the daily-performance contract and the weekly trend, with exports:
    `?export=xlsx` (every table, one sheet each) or
    `?export=csv&table=daily|weekly|team|investigator|caseloads`."""
    form = forms.DashboardForm(request.GET or None)
    day, weeks = timezone.localdate(), DEFAULT_WEEKS
    if request.GET and form.is_valid():
        day = form.cleaned_data["date"] or day
        weeks = form.cleaned_data["weeks"] or weeks
    if request.GET and not form.is_valid():
        return render(request, "qa/dashboard.html", _context(form, None), status=400)
    data = dashboard_build(day=day, weeks=weeks, with_caseloads=can_see_complaint_caseloads(request.user))
    export = request.GET.get("export")
    if export == "xlsx":
        return xlsx_response(
            filename=f"resolve-dashboard-{day.isoformat()}.xlsx", sheets=dashboard_sheets(data)
        )
    if export == "csv":
        sheets = dashboard_sheets(data)
        table = request.GET.get("table", "weekly")
        if SHEETS.get(table, len(sheets)) >= len(sheets):  # unknown, or not for this viewer
            table = "weekly"
        sheet = sheets[SHEETS[table]]
        return csv_response(
            filename=f"resolve-dashboard-{day.isoformat()}-{table}.csv",
            headers=sheet.headers,
            rows=sheet.rows,
        )
    if not request.GET:
        form = forms.DashboardForm(initial={"date": day, "weeks": weeks})
    return render(request, "qa/dashboard.html", _context(form, data))


def _context(form: forms.DashboardForm, data: Dashboard | None) -> dict[str, object]:
    context: dict[str, object] = {
        "form": form,
        "data": data,
        "breadcrumbs": [{"label": "Home", "url": reverse("home")}, {"label": "Dashboard", "url": None}],
    }
    if data is not None:
        query = f"date={data.day.isoformat()}&weeks={data.weeks}"
        context |= {
            "charts": dashboard_charts(data),
            "query": query,
            "daily_url": reverse("qa:daily") + f"?date={data.day.isoformat()}",
        }
    return context
