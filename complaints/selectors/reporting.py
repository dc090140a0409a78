"""Reporting: the learning report (C-LEARNING, C-DATA-RETURN) and the daily figures qa reads through the
app registry."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Q
from django.utils import timezone

from complaints.models import Allegation, ComplaintCase, ReviewApplication, Route, Signposting, Subject
from config.exceptions import DomainError


# ---------------------------------------------------------------- learning
@dataclass
class LearningReport:
    start: dt.date
    end: dt.date
    received: int = 0
    closed: int = 0
    by_category: list[dict[str, Any]] = field(default_factory=list)
    by_route: list[dict[str, Any]] = field(default_factory=list)
    by_outcome: list[dict[str, Any]] = field(default_factory=list)
    repeat_officers: list[dict[str, Any]] = field(default_factory=list)
    repeat_teams: list[dict[str, Any]] = field(default_factory=list)
    repeat_locations: list[dict[str, Any]] = field(default_factory=list)
    compliments: int = 0
    reviews: dict[str, int] = field(default_factory=dict)
    # People signposted to another organisation in the period, and where (issue 23 part 2).
    signposted: int = 0
    by_signpost: list[dict[str, Any]] = field(default_factory=list)


def _rows(qs: Any) -> list[dict[str, Any]]:
    return [dict(row) for row in qs]


LEARNING_YEARS = (1900, 2100)


def learning_period(
    *, period: str | None, year: str | None, number: str | None, today: dt.date
) -> tuple[str, int, int]:
    """The learning report's period from what the person (or API client) asked for: `month` (the
    default) or `quarter`, a year from 1900 to 2100 and a month 1-12 or quarter 1-4 (today's when not
    given). Anything else is a DomainError naming the field (a 400 on the page and in the API): a year
    such as 9999 once reached the date arithmetic and answered 500."""
    kind = "quarter" if period == "quarter" else "month"
    default = (today.month - 1) // 3 + 1 if kind == "quarter" else today.month
    try:
        y = int(year) if year not in (None, "") else today.year
    except ValueError as exc:
        raise DomainError("The year must be a whole number.", field="year") from exc
    if not LEARNING_YEARS[0] <= y <= LEARNING_YEARS[1]:
        raise DomainError(
            f"The year must be between {LEARNING_YEARS[0]} and {LEARNING_YEARS[1]}.", field="year"
        )
    try:
        n = int(number) if number not in (None, "") else default
    except ValueError as exc:
        raise DomainError(f"The {kind} number must be a whole number.", field="number") from exc
    if not 1 <= n <= (4 if kind == "quarter" else 12):
        raise DomainError(f"No {kind} number {n}.", field="number")
    return kind, y, n


def period_bounds(*, period: str, year: int, number: int) -> tuple[dt.date, dt.date]:
    """`month` 1-12 or `quarter` 1-4 of `year`: the first day and the day after the last."""
    if period == "quarter":
        start = dt.date(year, 3 * (number - 1) + 1, 1)
        months = 3
    else:
        start = dt.date(year, number, 1)
        months = 1
    m = start.month - 1 + months
    end = dt.date(start.year + m // 12, m % 12 + 1, 1)
    return start, end


def learning_report(*, start: dt.date, end: dt.date) -> LearningReport:
    """Themes by category (C-LEARNING), counts by route, outcome and review result (C-DATA-RETURN),
    and repeat subjects (an officer, team or location named in two or more cases)."""
    tz = timezone.get_current_timezone()
    lo = dt.datetime.combine(start, dt.time.min, tzinfo=tz)
    hi = dt.datetime.combine(end, dt.time.min, tzinfo=tz)
    cases = ComplaintCase.objects.filter(received_at__gte=lo, received_at__lt=hi)
    report = LearningReport(start=start, end=end)
    complaints = cases.exclude(kind=ComplaintCase.Kind.COMPLIMENT)
    report.received = complaints.count()
    report.compliments = cases.filter(kind=ComplaintCase.Kind.COMPLIMENT).count()
    report.closed = complaints.filter(closed_at__isnull=False).count()
    report.by_category = _rows(
        Allegation.objects.filter(case__in=complaints)
        .values("category__code", "category__title", "category__group")
        .annotate(n=Count("id"))
        .order_by("-n", "category__code")
    )
    # Each route row carries its label ready for the page and the export (people read labels).
    report.by_route = [
        row | {"label": Route(row["route"]).label}
        for row in complaints.exclude(route="")
        .values("route")
        .annotate(n=Count("id"))
        .order_by("-n", "route")
    ]
    report.by_outcome = _rows(
        complaints.filter(outcome__isnull=False)
        .values("outcome__code", "outcome__title")
        .annotate(n=Count("id"))
        .order_by("-n")
    )
    subjects = Subject.objects.filter(case__in=complaints)
    report.repeat_officers = _rows(
        subjects.filter(kind__in=[Subject.Kind.OFFICER, Subject.Kind.STAFF])
        .exclude(collar_number="")
        .values("collar_number", "name")
        .annotate(n=Count("case", distinct=True))
        .filter(n__gte=2)
        .order_by("-n", "collar_number")
    )
    report.repeat_teams = _rows(
        subjects.exclude(team_name="")
        .values("team_name")
        .annotate(n=Count("case", distinct=True))
        .filter(n__gte=2)
        .order_by("-n")
    )
    report.repeat_locations = _rows(
        complaints.exclude(location="")
        .values("location")
        .annotate(n=Count("id"))
        .filter(n__gte=2)
        .order_by("-n")
    )
    # Review applications received in the period, each counted once with the result recorded on it
    # (C-REVIEW-OUTCOME): one grouped query over the applications, never a join that could repeat one.
    report.reviews = ReviewApplication.objects.filter(received_on__gte=start, received_on__lt=end).aggregate(
        received=Count("id"),
        upheld=Count("id", filter=Q(result__code="REVIEW-UPHELD")),
        not_upheld=Count("id", filter=Q(result__code="REVIEW-NOT-UPHELD")),
        awaiting_result=Count("id", filter=Q(result__isnull=True)),
    )
    # Signposting done in the period (by its date, as reviews are by theirs), by organisation: one
    # grouped query; an organisation named in words counts under its words.
    report.by_signpost = [
        {"organisation": row["organisation__name"] or row["organisation_other"], "n": row["n"]}
        for row in Signposting.objects.filter(signposted_on__gte=start, signposted_on__lt=end)
        .values("organisation__name", "organisation_other")
        .annotate(n=Count("id"))
        .order_by("-n", "organisation__name", "organisation_other")
    ]
    report.signposted = sum(row["n"] for row in report.by_signpost)
    return report


REVIEW_LABELS = {
    "received": "Review applications received",
    "upheld": "Upheld (outcome not reasonable and proportionate)",
    "not_upheld": "Not upheld",
    "awaiting_result": "Awaiting the review body's result",
}


def learning_report_rows(report: LearningReport) -> list[list[str]]:
    """The report as CSV rows: section, key, title, count."""
    rows: list[list[str]] = [["section", "key", "title", "count"]]
    rows.append(["period", report.start.isoformat(), (report.end - dt.timedelta(days=1)).isoformat(), ""])
    rows.append(["totals", "received", "Complaints received", str(report.received)])
    rows.append(["totals", "closed", "Complaints closed", str(report.closed)])
    rows.append(["totals", "compliments", "Compliments", str(report.compliments)])
    rows += [["category", r["category__code"], r["category__title"], str(r["n"])] for r in report.by_category]
    rows += [["route", r["route"], r["label"], str(r["n"])] for r in report.by_route]
    rows += [["outcome", r["outcome__code"], r["outcome__title"], str(r["n"])] for r in report.by_outcome]
    rows += [["repeat_officer", r["collar_number"], r["name"], str(r["n"])] for r in report.repeat_officers]
    rows += [["repeat_team", r["team_name"], "", str(r["n"])] for r in report.repeat_teams]
    rows += [["repeat_location", r["location"], "", str(r["n"])] for r in report.repeat_locations]
    rows += [["review", key, REVIEW_LABELS[key], str(n)] for key, n in report.reviews.items()]
    rows.append(["totals", "signposted", "Signposted to another organisation", str(report.signposted)])
    rows += [["signposted_to", "", r["organisation"], str(r["n"])] for r in report.by_signpost]
    return rows


# ---------------------------------------------------------------- daily performance
COMPLAINT_KINDS = (ComplaintCase.Kind.COMPLAINT, ComplaintCase.Kind.DISSATISFACTION)


def daily_figures(day: dt.date) -> dict[str, dict[str, int]]:
    """The complaints part of the daily performance contract (qa walks this through the app registry,
    so qa never imports complaints). Compliments are not complaints (C-COMPLIMENT) and are left out.

    received: complaints received on `day` (Europe/London). open: received by the end of `day` and not
    closed by then. overdue_updates: of those, the ones whose next update (C-UPDATE-28D) was due before
    `day` — read from the case's current due date, which is exact for today and for closed cases."""
    start, end = _day_bounds(day)
    complaints = ComplaintCase.objects.filter(kind__in=COMPLAINT_KINDS)
    received = complaints.filter(received_at__gte=start, received_at__lt=end).count()
    # Open at the end of the day = still open now + closed since; two index-only counts (complaint_open_idx,
    # complaint_closed_idx) instead of one scan of every case, which grows with the years held.
    open_count = overdue = 0
    for still_open in (complaints.filter(closed_at__isnull=True), complaints.filter(closed_at__gte=end)):
        part = still_open.filter(received_at__lt=end).aggregate(
            # received_at, never null, is in both indexes: counting it keeps the scans index-only
            open=Count("received_at"),
            overdue=Count("received_at", filter=Q(next_update_due__lt=day)),
        )
        open_count += part["open"]
        overdue += part["overdue"]
    return {"complaints": {"received": received, "open": open_count, "overdue_updates": overdue}}


# ---------------------------------------------------------------- performance figures (read by qa)
def _day_bounds(day: dt.date) -> tuple[dt.datetime, dt.datetime]:
    """[start, end) of a Europe/London day as aware datetimes."""
    tz = timezone.get_current_timezone()
    return (
        dt.datetime.combine(day, dt.time.min, tzinfo=tz),
        dt.datetime.combine(day + dt.timedelta(days=1), dt.time.min, tzinfo=tz),
    )


def _open_at(end: dt.datetime) -> Q:
    return Q(closed_at__isnull=True) | Q(closed_at__gte=end)


def complaint_caseloads(day: dt.date) -> list[dict[str, Any]]:
    """Open cases per advisor at the end of `day`, with how many were overdue their update
    (C-UPDATE-28D) and their initial contact (C-INITIAL-CONTACT). One grouped query."""
    _, end = _day_bounds(day)
    open_then = _open_at(end)
    rows = (
        ComplaintCase.objects.exclude(kind=ComplaintCase.Kind.COMPLIMENT)
        .filter(open_then, received_at__lt=end)
        .values("assigned_to__username", "assigned_to__first_name", "assigned_to__last_name")
        .annotate(
            open=Count("id"),
            overdue_updates=Count("id", filter=Q(next_update_due__lt=day)),
            initial_contact_overdue=Count(
                "id",
                filter=Q(initial_contact_due__lt=day)
                & (Q(initial_contact_at__isnull=True) | Q(initial_contact_at__gte=end)),
            ),
        )
        .order_by("-open", "assigned_to__last_name", "assigned_to__username")
    )
    out = []
    for row in rows:
        name = f"{row['assigned_to__first_name']} {row['assigned_to__last_name']}".strip()
        out.append(
            {
                "advisor": name or row["assigned_to__username"] or "Unassigned",
                "open": row["open"],
                "overdue_updates": row["overdue_updates"],
                "initial_contact_overdue": row["initial_contact_overdue"],
            }
        )
    return out
