"""The manager's dashboard page and its CSV/XLSX exports (figures from qa.compliance via qa.dashboard)."""

from __future__ import annotations

from django import forms
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from config import fields as bounded
from config.access import roles_required
from config.exports import csv_response, xlsx_response
from config.permissions import Role
from qa import rules
from qa.dashboard import (
    DEFAULT_WEEKS,
    MAX_WEEKS,
    Dashboard,
    dashboard_build,
    dashboard_charts,
    dashboard_sheets,
)
from qa.forms import AccessibleForm
from qa.permissions import can_see_complaint_caseloads

SHEETS = {"daily": 0, "weekly": 1, "team": 2, "investigator": 3, "caseloads": 4}


class DashboardForm(AccessibleForm):
    date = bounded.DateField(
        label="Day",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": "Enter the day as a date, like 2026-03-01."},
    )
    weeks = forms.IntegerField(
        label="Weeks of trend",
        required=False,
        min_value=1,
        max_value=MAX_WEEKS,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
        error_messages={
            "min_value": "Show at least 1 week.",
            "max_value": f"Show at most {MAX_WEEKS} weeks.",
            "invalid": "Enter a whole number of weeks.",
        },
    )

    def clean_date(self) -> object:
        day = self.cleaned_data.get("date")
        if refusal := rules.figures_day_refusal(day, timezone.localdate()):
            raise forms.ValidationError(refusal)
        return day


@roles_required(Role.MANAGER, Role.ADMIN, Role.SERGEANT)
def dashboard(request: HttpRequest) -> HttpResponse:
    """The day's figures of the daily-performance contract and the weekly trend, with exports:
    `?export=xlsx` (every table, one sheet each) or
    `?export=csv&table=daily|weekly|team|investigator|caseloads`."""
    form = DashboardForm(request.GET or None)
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
        form = DashboardForm(initial={"date": day, "weeks": weeks})
    return render(request, "qa/dashboard.html", _context(form, data))


def _context(form: DashboardForm, data: Dashboard | None) -> dict[str, object]:
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
