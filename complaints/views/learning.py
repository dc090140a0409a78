"""Learning and figures: the learning report and lessons, and the IOPC data return."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from complaints import forms, selectors, services
from complaints.models import (
    LessonLearned,
)
from complaints.views.common import complaints_staff, crumbs, me
from config.access import roles_required
from config.exceptions import DomainError
from config.exports import csv_response
from config.permissions import Role


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
                actor=me(request),
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
            "breadcrumbs": crumbs(("Learning and reports", None)),
            "last_day": end - dt.timedelta(days=1),
            "period_error": refused,
        },
        status=400 if form.errors or refused else 200,
    )


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
            "comparison": national_comparison(period, settings.RESOLVE_FORCE_NAME, figures=figures),
            "forces": len(forces),
            "csv_url": reverse("api:complaint-data-return") + f"?period={period.label}&format=csv",
        },
        status=400 if error else 200,
    )
