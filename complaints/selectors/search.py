"""Finding cases: the search by reference, party, officer, category or summary words, and its export."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from django.contrib.postgres.search import SearchQuery, SearchVector
from django.db import connection
from django.db.models import F, Prefetch, Q, QuerySet, Value
from django.db.models.functions import Replace
from django.utils import timezone

from complaints.models import Allegation, Complainant, ComplaintCase
from complaints.selectors.cases import case_list_base
from staffing.models import User


def case_search(*, user: User, q: str = "", status: str = "", category: str = "") -> QuerySet[ComplaintCase]:
    """Cases the user may see matching `q` by reference, any party's name, phone or e-mail, an officer's
    collar number or staff id, a category, or words in the summary (issue 23 part 4); `category` is a
    category code. Matching runs in one subquery of case ids, so the list keeps its order and joins."""
    qs = case_list_base(user)
    if status:
        qs = qs.filter(status=status)
    if category:
        qs = qs.filter(pk__in=Allegation.objects.filter(category__code=category).values("case_id"))
    q = q.strip()
    if q:
        qs = qs.filter(pk__in=case_matches(q))
    return qs.order_by("-received_at")


# Characters people put in phone numbers that are not digits; removed before comparing.
PHONE_PUNCTUATION = (" ", "-", "(", ")", "+", ".", "/")


def _digits_of(field_name: str) -> Any:
    expression: Any = F(field_name)
    for mark in PHONE_PUNCTUATION:
        expression = Replace(expression, Value(mark), Value(""))
    return expression


def case_matches(q: str) -> QuerySet[Any, Any]:
    """The ids of cases matching a search: each way of finding a case is one OR-ed condition."""
    match = (
        Q(reference__icontains=q)
        | Q(complainants__name__icontains=q)
        | Q(complainants__email__iexact=q)
        | Q(subjects__name__icontains=q)
        | Q(subjects__collar_number__iexact=q)
        | Q(subjects__staff_id__iexact=q)
        | Q(allegations__category__code__iexact=q)
        | Q(allegations__category__title__icontains=q)
    )
    digits = re.sub(r"\D", "", q)
    if len(digits) >= 6 and len(digits) >= len(re.sub(r"[\s()+./-]", "", q)):
        # A phone number however it was typed: 07700 900123, +44 7700 900123 and 07700-900123 are one
        # number; the last ten digits decide (the national number without its 0 or 44).
        phones = Complainant.objects.annotate(digits=_digits_of("phone")).filter(
            digits__endswith=digits[-10:]
        )
        match |= Q(pk__in=phones.values("case_id"))
    match |= Q(pk__in=_summary_matches(q))
    return ComplaintCase.objects.filter(match).values("pk")


def _summary_matches(q: str) -> QuerySet[Any, Any]:
    """Cases whose summary holds the words of `q`: PostgreSQL full-text search (English stemming:
    "pushed" finds "push"; the complaint_summary_fts index), or every word as a substring on SQLite."""
    if connection.vendor == "postgresql":
        query = SearchQuery(q, config="english", search_type="websearch")
        return (
            ComplaintCase.objects.annotate(fts=SearchVector("summary", config="english"))
            .filter(fts=query)
            .values("pk")
        )
    words = Q()
    for word in q.split():
        words &= Q(summary__icontains=word)
    return ComplaintCase.objects.filter(words).values("pk")


EXPORT_HEADERS = [
    "reference",
    "kind",
    "received",
    "status",
    "handling route",
    "handler",
    "categories",
    "complainants",
    "subjects",
    "initial contact",
    "next update due",
    "outcome",
    "closed",
    "summary",
]


def case_export(
    *, user: User, date_from: dt.date, date_to: dt.date, q: str = "", status: str = "", category: str = ""
) -> tuple[list[ComplaintCase], list[list[Any]]]:
    """The cases received from `date_from` to `date_to` (London days, both included) that the user may
    see, filtered as the case search, and one export row per case (labels, not codes)."""
    tz = timezone.get_current_timezone()
    start = dt.datetime.combine(date_from, dt.time.min, tzinfo=tz)
    end = dt.datetime.combine(date_to + dt.timedelta(days=1), dt.time.min, tzinfo=tz)
    cases = list(
        case_search(user=user, q=q, status=status, category=category)
        .filter(received_at__gte=start, received_at__lt=end)
        .select_related("outcome")
        .prefetch_related(
            Prefetch(
                "allegations",
                queryset=Allegation.objects.select_related("category").only(
                    "id", "case_id", "category__code", "category__title"
                ),
            )
        )
        .order_by("received_at", "reference")
    )
    rows = [
        [
            c.reference,
            c.get_kind_display(),
            c.received_at,
            c.get_status_display(),
            c.get_route_display() if c.route else "Not yet decided",
            c.assigned_to.get_full_name() or c.assigned_to.username if c.assigned_to else "Unallocated",
            "; ".join(sorted({a.category.title for a in c.allegations.all()})),
            "; ".join(p.name for p in c.complainants.all()),
            "; ".join(" ".join(x for x in (s.name, s.collar_number) if x) for s in c.subjects.all()),
            c.initial_contact_at,
            c.next_update_due,
            c.outcome.title if c.outcome else "",
            c.closed_at,
            c.summary,
        ]
        for c in cases
    ]
    return cases, rows
