"""Every non-trivial read of complaint cases, with need-to-know applied (C-DP-SHARING)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any, TypedDict

from django.contrib.postgres.search import SearchQuery, SearchVector
from django.db import connection
from django.db.models import Case, Count, F, IntegerField, Prefetch, Q, QuerySet, Value, When
from django.db.models.functions import Replace
from django.http import Http404
from django.urls import reverse
from django.utils import timezone

from complaints import permissions, rules
from complaints.models import (
    ROUTE_OUTCOMES,
    Allegation,
    CaseAction,
    CaseSuspension,
    Complainant,
    ComplaintCase,
    ComplaintCategory,
    ComplaintOutcome,
    ReviewApplication,
    ReviewRecommendation,
    Route,
    Signposting,
    Subject,
    SubjectCandidate,
)
from complaints.rules_data import time_limits
from config.exceptions import DomainError
from staffing.letter_selectors import letters_by_record, letters_for_record
from staffing.models import User
from staffing.selectors import record_files_listed


def complaint_category_codes() -> frozenset[str]:
    """Every complaint category code in the reference table (one query). Not held in a
    config.reference_cache: asking for the table's version costs what this query does (issue 24 part 4)."""
    return frozenset(ComplaintCategory.objects.in_force(timezone.localdate()).values_list("code", flat=True))


def _visible(user: User) -> QuerySet[ComplaintCase]:
    """Cases the user may know exist: never a case naming them as a subject, nor one naming by name only
    a subject who could be them, until an advisor confirms who it is (complaints.subject_match)."""
    return ComplaintCase.objects.exclude(subjects__user=user).exclude(subjects__candidates__user=user)


def case_list_base(user: User) -> QuerySet[ComplaintCase]:
    return (
        _visible(user)
        .select_related("assigned_to")
        .prefetch_related(
            Prefetch(
                "complainants", queryset=Complainant.objects.only("id", "case_id", "name", "adjustments")
            ),
            Prefetch(
                "subjects",
                queryset=Subject.objects.only("id", "case_id", "kind", "name", "collar_number", "user_id"),
            ),
        )
    )


class CaseRow(TypedDict):
    """One line of a case list, ready to render: labels, dates in words, the link to the case with the
    way back. Built once in Python rather than worked out per row in the template (a dict: the template
    finds each key on its first lookup), which was about half of the caseload page's time with 25 rows
    (issue 24 part 4)."""

    url: str
    reference: str
    kind: str
    complainants: list[tuple[str, bool]]  # name, and whether they need adjustments
    subjects: str
    received_iso: str
    received: str
    route: str
    band: int | None  # the caseload's priority band (0 overdue, 1 due soon, 2 the rest), when ordered by it
    due: str  # the next update's date while the case is open, "" when none
    due_overdue: bool
    first_contact: str  # the first contact's due date while it is still to make, "" otherwise
    first_contact_overdue: bool
    status: str


def case_list_rows(cases: list[ComplaintCase], *, today: dt.date, back: str) -> list[CaseRow]:
    """The rows of a case list page (complaints/case_list.html) for `cases` as case_list_base loads
    them; `back` is the list's own address, quoted, for the case page's "Back to the list"."""
    from staffing.templatetags.resolve_format import day  # the one way dates are written

    meta = ComplaintCase._meta
    kinds, routes, statuses = (dict(meta.get_field(f).flatchoices) for f in ("kind", "route", "status"))  # type: ignore[union-attr]
    rows: list[CaseRow] = []
    for c in cases:
        is_open = c.status == ComplaintCase.Status.OPEN
        due = c.next_update_due if is_open else None
        contact = c.initial_contact_due if is_open and not c.initial_contact_at else None
        rows.append(
            CaseRow(
                url=f"{reverse('complaints:detail', args=[c.pk])}?next={back}",
                reference=c.reference,
                kind=str(kinds.get(c.kind, c.kind)),
                complainants=[(p.name, bool(p.adjustments)) for p in c.complainants.all()],
                subjects=", ".join(str(s) for s in c.subjects.all()),
                received_iso=timezone.localtime(c.received_at).isoformat(),
                received=day(c.received_at),
                route=str(routes.get(c.route, c.route) or "Not triaged"),
                band=getattr(c, "band", None),
                due=day(due) if due else "",
                due_overdue=bool(due and due < today),
                first_contact=day(contact) if contact else "",
                first_contact_overdue=bool(contact and contact < today),
                status=str(statuses.get(c.status, c.status)),
            )
        )
    return rows


def case_get_for_user(*, user: User, pk: int) -> ComplaintCase:
    """The case, or 404 when the user may not know it exists (role or subject)."""
    case = (
        ComplaintCase.objects.select_related("assigned_to", "outcome", "created_by")
        .prefetch_related(
            Prefetch("complainants", queryset=Complainant.objects.select_related("equality")),
            "subjects",
            # Who could be a subject named by name only, for the advisor to confirm (one query).
            Prefetch("subjects__candidates", queryset=SubjectCandidate.objects.select_related("user__team")),
            Prefetch(
                "allegations",
                queryset=Allegation.objects.select_related("category", "outcome").prefetch_related(
                    "subjects"
                ),
            ),
            Prefetch("actions", queryset=CaseAction.objects.select_related("actor", "recipient")),
            Prefetch("recommendations", queryset=ReviewRecommendation.objects.select_related("owner")),
            Prefetch("suspensions", queryset=CaseSuspension.objects.select_related("recorded_by")),
            Prefetch(
                "signpostings", queryset=Signposting.objects.select_related("organisation", "signposted_by")
            ),
            "contacts__by",
            "reviews__result",
            "triage_decisions__decided_by",
            "lessons",
        )
        .filter(pk=pk)
        .first()
    )
    if case is None or not permissions.can_view_case(user, case):
        raise Http404("No such complaint case")
    # The case's letters live in staffing (generic records, issue 22): one query, as the prefetch was.
    case.letter_list = list(letters_for_record(record_type="complaint_case", record_id=case.pk))  # type: ignore[attr-defined]
    return case


def _priority_order(qs: QuerySet[ComplaintCase], today: dt.date) -> QuerySet[ComplaintCase]:
    """Overdue first, then due within 7 days, then the rest; by next due date inside each band."""
    return qs.annotate(
        band=Case(
            When(
                Q(next_update_due__lt=today)
                | Q(initial_contact_due__lt=today, initial_contact_at__isnull=True),
                then=Value(0),
            ),
            When(next_update_due__lte=today + dt.timedelta(days=7), then=Value(1)),
            default=Value(2),
            output_field=IntegerField(),
        )
    ).order_by("band", "next_update_due", "received_at")


def case_list_mine(*, user: User, today: dt.date | None = None) -> QuerySet[ComplaintCase]:
    today = today or timezone.localdate()
    qs = case_list_base(user).filter(assigned_to=user, status=ComplaintCase.Status.OPEN)
    return _priority_order(qs, today)


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


def case_list_overdue(*, user: User, today: dt.date | None = None) -> QuerySet[ComplaintCase]:
    """Open cases whose next update (C-UPDATE-28D) or initial contact (C-INITIAL-CONTACT) is overdue."""
    today = today or timezone.localdate()
    qs = (
        case_list_base(user)
        .filter(status=ComplaintCase.Status.OPEN)
        .filter(
            Q(next_update_due__lt=today) | Q(initial_contact_due__lt=today, initial_contact_at__isnull=True)
        )
    )
    return qs.order_by("next_update_due", "received_at")


def outcomes_for_route(route: str) -> QuerySet[ComplaintOutcome]:
    """Outcomes that fit the route taken (plus WITHDRAWN/NOT-ELIGIBLE); never review results."""
    applies = (*ROUTE_OUTCOMES.get(route, ()), "any")
    return ComplaintOutcome.objects.filter(applies_to__in=applies).exclude(review_body_relevant="n/a")


def review_results() -> QuerySet[ComplaintOutcome]:
    return ComplaintOutcome.objects.filter(review_body_relevant="n/a")


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


# ---------------------------------------------------------------- subject access (C-DP-SHARING)
def subject_access_data(*, name: str, user: User) -> dict[str, Any]:
    """Everything held about a named person across complaint cases, as complainant or as subject, that
    `user` (the one exporting) may see: the cases `_visible` hides from them never appear, so a manager
    asking about themselves never receives the cases about them (issue 17)."""
    name = name.strip()
    visible = _visible(user)
    complainants = list(
        Complainant.objects.filter(name__iexact=name, case__in=visible).select_related("case", "equality")
    )
    subjects = Subject.objects.filter(name__iexact=name, case__in=visible).select_related("case")
    # The files held on each case named (staffing.RecordFile), read once for all of them.
    files = record_files_listed(
        key="complaint_case",
        record_ids={c.case_id for c in complainants} | {s.case_id for s in subjects},
    )
    out: dict[str, Any] = {"name": name, "as_complainant": [], "as_subject": []}
    letters = letters_by_record(record_type="complaint_case", record_ids=[c.case_id for c in complainants])
    for c in complainants:
        eq = getattr(c, "equality", None)
        out["as_complainant"].append(
            {
                "case": c.case.reference,
                "received_at": c.case.received_at.isoformat(),
                "summary": c.case.summary,
                "email": c.email,
                "phone": c.phone,
                "address": c.address,
                "preferred_contact": c.preferred_contact,
                "adjustments": list(c.adjustments),
                "adjustment_notes": c.adjustment_notes,
                "acting_for_someone": c.acting_for_someone,
                "on_behalf_of": c.on_behalf_of,
                "consent_evidence": c.consent_evidence,
                "equality": None
                if eq is None
                else {
                    k: getattr(eq, k)
                    for k in ("age_band", "sex", "ethnicity", "disability", "religion", "sexual_orientation")
                },
                "contacts": [
                    {"at": k.at.isoformat(), "method": k.method, "summary": k.summary}
                    for k in c.case.contacts.all().order_by("at")
                ],
                "letters": [
                    {
                        "kind": lt.purpose,
                        "dated": lt.dated.isoformat() if lt.dated else None,
                        "status": lt.status,
                    }
                    for lt in letters[c.case_id]
                ],
                "files": files.get(c.case_id, []),
            }
        )
    for s in subjects:
        out["as_subject"].append(
            {
                "case": s.case.reference,
                "received_at": s.case.received_at.isoformat(),
                "kind": s.kind,
                "collar_number": s.collar_number,
                "team": s.team_name,
                "allegations": [
                    {
                        "category": a.category.code,
                        "description": a.description,
                        "outcome": a.outcome.code if a.outcome else None,
                    }
                    for a in s.case.allegations.select_related("category", "outcome")
                ],
                "files": files.get(s.case_id, []),
            }
        )
    return out


# ---------------------------------------------------------------- triage of a stored case
def case_triage_input(case: ComplaintCase) -> rules.TriageInput:
    """The engine's input built from what the case records (first complainant's standing). A fact
    not asked yet (null) is taken at the contract's default; `case_given` says which were asked."""
    complainants = list(case.complainants.all())
    first = complainants[0] if complainants else None
    defaults = rules.Complainant(False, False, False, False)
    return rules.TriageInput(
        received_at=case.received_at,
        about_chief_officer=case.about_chief_officer,
        complainant=rules.Complainant(
            adversely_affected=bool(first and first.adversely_affected),
            witness=bool(first and first.witness),
            acting_for_someone=bool(first and first.acting_for_someone),
            consent_of_affected=bool(first and first.consent_of_affected),
            age=first.age if first else None,
            **{
                name: _or(getattr(first, name, None), getattr(defaults, name))
                for name in Complainant.OPTIONAL_FACTS
            },
        ),
        incident_date=case.incident_date,
        allegations=tuple(allegation_facts(a) for a in case.allegations.all()),
        complainant_wants_recording=case.complainant_wants_recording,
        complainant_agrees_outside_schedule_3=case.complainant_agrees_outside_schedule_3,
        handling_started_on=timezone.localdate(case.received_at),
        not_a_complaint=case.not_a_complaint or None,  # C-NOT-A-COMPLAINT, as triage found it
    )


def _or(value: Any, default: Any) -> Any:
    return default if value is None else value


def allegation_facts(a: Allegation) -> rules.AllegationFacts:
    defaults = rules.AllegationFacts(category=a.category.code)
    return rules.AllegationFacts(
        category=a.category.code,
        **{flag: getattr(a, flag) for flag in Allegation.FLAGS},
        conduct=_or(a.conduct, defaults.conduct),
        relevant_offence=_or(a.relevant_offence, defaults.relevant_offence),
        about_senior_officer=_or(a.about_senior_officer, defaults.about_senior_officer),
        injury_details=frozenset(a.injury_details or ()),
    )


def case_given(case: ComplaintCase) -> frozenset[str]:
    """The optional facts the case records an answer to (dotted paths, as `assumed` names them)."""
    complainants = list(case.complainants.all())
    given = {
        f"complainant.{name}"
        for name in Complainant.OPTIONAL_FACTS
        if complainants and getattr(complainants[0], name) is not None
    }
    for index, allegation in enumerate(case.allegations.all()):
        given |= {
            f"allegations.{index}.{name}"
            for name in Allegation.OPTIONAL_FACTS
            if getattr(allegation, name) is not None
        }
    return frozenset(given)


def case_triage(case: ComplaintCase) -> rules.TriageResult:
    """The triage engine's proposal for a stored case (C-* rule IDs and explanation)."""
    return case_triage_and_assumptions(case, with_assumptions=False)[0]


def case_assumptions(case: ComplaintCase) -> tuple[rules.Assumption, ...]:
    """The facts not asked yet whose answer would change the proposal: ask them before accepting it."""
    if case.kind == ComplaintCase.Kind.COMPLIMENT or not case.allegations.all():
        return ()
    return case_triage_and_assumptions(case)[1]


def case_triage_and_assumptions(
    case: ComplaintCase, *, with_assumptions: bool = True
) -> tuple[rules.TriageResult, tuple[rules.Assumption, ...]]:
    """The proposal and the facts it assumed, from one read of the category codes."""
    inp, categories, limits = case_triage_input(case), complaint_category_codes(), time_limits()
    try:
        result = rules.triage(inp, categories, limits)
        found = rules.assumptions(inp, case_given(case), categories, limits) if with_assumptions else ()
    except rules.TriageError as exc:
        raise DomainError(exc.message, field=exc.field) from exc
    return result, found


_FACT_QUESTIONS = {
    "subject_of_conduct": "Was the conduct directed at the complainant?",
    "serving_officer_same_force": (
        "Does the complainant serve with the police under the same chief officer as the person complained "
        "about?"
    ),
    "affected_only_through_media": "Did the complainant see it only on television or social media?",
    "conduct": "Is allegation {n} about someone's conduct (not only a service or policy matter)?",
    "relevant_offence": (
        "Could allegation {n} be a relevant offence (a sentence fixed by law, or 7 years or more)?"
    ),
    "about_senior_officer": (
        "Is allegation {n} about an officer above chief superintendent (other than the chief officer)?"
    ),
    "injury_details": (
        "Was anyone seriously injured in allegation {n} (a fracture, a deep cut, an internal injury or an "
        "impaired bodily function)?"
    ),
}
ANSWER_LABELS = {
    "eligible": "whether they may complain",
    "route": "the handling route",
    "must_refer_to_iopc": "referral to the IOPC",
    "appropriate_authority": "the appropriate authority",
    "review_body": "the review body",
}


def fact_question(path: str) -> str:
    """The question an advisor asks to settle an optional fact, in plain words."""
    parts = path.split(".")
    n = int(parts[1]) + 1 if parts[0] == "allegations" else 0
    return _FACT_QUESTIONS[parts[-1]].format(n=n)


def would_change_words(assumption: rules.Assumption) -> str:
    return ", ".join(ANSWER_LABELS[name] for name in assumption.would_change)


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
