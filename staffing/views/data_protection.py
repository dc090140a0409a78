"""The access log report, MoPI retention review and subject access (managers and admins)."""

from __future__ import annotations

import json

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, HttpResponseBase, StreamingHttpResponse
from django.shortcuts import render
from django.utils import timezone

from config.access import roles_required
from config.permissions import Role
from config.registry import mopi_review_items_for, subject_access_for
from staffing import services
from staffing.access_audit import (
    AccessLogFilter,
    access_log_csv_rows,
    access_log_record_types,
    access_log_search,
)
from staffing.forms import (
    AccessLogFilterForm,
    SubjectAccessForm,
)
from staffing.views.common import crumbs, user_of

ACCESS_LOG_PAGE_SIZE = 50


@roles_required(Role.MANAGER, Role.ADMIN)
def access_log(request: HttpRequest) -> HttpResponseBase:
    """The auditor's report: views of restricted records per record and per user, filterable, paged,
    exportable as CSV (`?format=csv`, same filters)."""
    form = AccessLogFilterForm(request.GET or None, record_types=access_log_record_types())
    criteria = AccessLogFilter()
    if form.is_bound and form.is_valid():
        d = form.cleaned_data
        criteria = AccessLogFilter(
            record_type=d["record_type"],
            record_id=d["record_id"].strip(),
            username=d["username"].strip(),
            date_from=d["date_from"],
            date_to=d["date_to"],
        )
    rows = access_log_search(criteria)
    if form.is_bound and not form.is_valid():
        rows = rows.none()
    if request.GET.get("format") == "csv" and not form.errors:
        response = StreamingHttpResponse(access_log_csv_rows(rows.iterator()), content_type="text/csv")
        response["Content-Disposition"] = 'attachment; filename="access-log.csv"'
        return response
    page = Paginator(rows, ACCESS_LOG_PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    query.pop("format", None)
    return render(
        request,
        "staffing/access_log.html",
        {
            "form": form,
            "page": page,
            "query": query.urlencode(),
            "breadcrumbs": crumbs(("Access log", None)),
        },
        status=400 if form.errors else 200,
    )


@roles_required(Role.MANAGER, Role.ADMIN)
def mopi_review(request: HttpRequest) -> HttpResponse:
    """MoPI: records across Resolve (crimes, complaint cases) whose retention review date has come."""
    items = mopi_review_items_for(user_of(request), timezone.localdate())
    return render(
        request,
        "staffing/mopi_review.html",
        {"items": items, "today": timezone.localdate(), "breadcrumbs": crumbs(("MoPI review", None))},
    )


@roles_required(Role.MANAGER, Role.ADMIN)
def subject_access(request: HttpRequest) -> HttpResponse:
    """A subject access export for a named person across crimes and complaint cases (every app's
    `subject_access` hook); each export is logged in the access log with the purpose given."""
    form = SubjectAccessForm(request.GET or None)
    data = None
    if form.is_bound and form.is_valid():
        name = form.cleaned_data["name"].strip()
        data = subject_access_for(name, user_of(request))
        services.access_log_record(
            user=user_of(request),
            record_type="subject_access",
            record_id=name[:60],
            label=name,
            action="export",
            purpose=form.cleaned_data["purpose"] or "Subject access request",
            path=request.path,
        )
        if request.GET.get("format") == "json":
            body = json.dumps({"name": name, "records": data}, indent=2, default=str)
            response = HttpResponse(body, content_type="application/json")
            response["Content-Disposition"] = 'attachment; filename="subject-access.json"'
            return response
    sections = [
        {"app": app, "lists": [(key, rows) for key, rows in found.items() if isinstance(rows, list)]}
        for app, found in (data or {}).items()
    ]
    return render(
        request,
        "staffing/subject_access.html",
        {
            "form": form,
            "sections": sections,
            "found": any(rows for section in sections for _key, rows in section["lists"]),
            "searched": data is not None,
            "query": request.GET.urlencode(),
            "breadcrumbs": crumbs(("Subject access", None)),
        },
        status=400 if form.errors else 200,
    )
