"""Case lists: the caseload, overdue work and search (with its export)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode

from complaints import queues, selectors
from complaints.models import (
    ComplaintCategory,
)
from complaints.views.common import complaints_staff, crumbs, me
from config.listing import Column, list_page

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
# The caseload adds a priority column: overdue first, then due within 7 days
# (complaints.selectors.cases._priority_order).
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
    counted: int | None = None,
    extra: dict[str, Any] | None = None,
) -> HttpResponse:
    columns = [PRIORITY, *CASE_COLUMNS] if priority else CASE_COLUMNS
    listing = list_page(
        request,
        cases.prefetch_related(None),  # case_list_rows reads the page's people in two plain queries
        columns=columns,
        default_sort=default_sort,
        filter_keys=("q", "category"),
        counted=counted,
    )
    return render(
        request,
        "complaints/case_list.html",
        {
            "listing": listing,
            "rows": selectors.case_list_rows(listing.items, today=timezone.localdate(), back=listing.next),
            "priority": priority,
            "title": title,
            "breadcrumbs": crumbs((crumb, None)),
            "empty": empty,
            **(extra or {}),
        },
    )


@complaints_staff
def case_mine(request: HttpRequest) -> HttpResponse:
    """The advisor's caseload: overdue first, then due within 7 days, then the rest (C-UPDATE-28D,
    C-INITIAL-CONTACT); any column can re-sort it."""
    user = me(request)
    figures, open_cases = queues.caseload_figures(user)
    return _case_list(
        request,
        selectors.case_list_mine(user=user),
        title="My cases",
        crumb="My cases",
        empty="You have no open cases. New complaints you log or are given appear here.",
        default_sort="priority",
        priority=True,
        # An advisor's figures count their own open cases, which are this list: no second count.
        counted=open_cases if queues.own_cases_only(user) else None,
        extra={"figures": figures},
    )


@complaints_staff
def case_overdue(request: HttpRequest) -> HttpResponse:
    return _case_list(
        request,
        selectors.case_list_overdue(user=me(request)),
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
        selectors.case_search(user=me(request), q=q, category=category),
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
        return case_export_response(user=me(request), params=request.GET, path=request.path)
    except ValidationError as exc:
        problems = "; ".join(f"{field}: {' '.join(map(str, errs))}" for field, errs in exc.detail.items())  # type: ignore[union-attr]
        messages.error(request, f"The export needs a valid date range ({problems}).")
        return redirect(reverse("complaints:search") + "?" + urlencode({"q": request.GET.get("q", "")}))
