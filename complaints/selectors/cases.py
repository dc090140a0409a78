"""The caseload: the cases a person may know exist (C-DP-SHARING), the lists of them and one case opened."""

from __future__ import annotations

import datetime as dt
from typing import TypedDict

from django.db.models import Case, IntegerField, Prefetch, Q, QuerySet, Value, When
from django.http import Http404
from django.urls import reverse
from django.utils import timezone

from complaints import permissions
from complaints.models import (
    Allegation,
    CaseAction,
    CaseSuspension,
    Complainant,
    ComplaintCase,
    ReviewRecommendation,
    Signposting,
    Subject,
    SubjectCandidate,
)
from staffing.models import User
from staffing.selectors.letters import letters_for_record


def case_visible(user: User) -> QuerySet[ComplaintCase]:
    """Cases the user may know exist: never a case naming them as a subject, nor one naming by name only
    a subject who could be them, until an advisor confirms who it is (complaints.rules.subject_match).
    Two plain subqueries of case ids in the same statement: excluding across the subjects and their
    candidates (which the ORM splits into correlated subqueries) cost about 1 ms more of ORM work per
    call, twice on the caseload page (issue 24 part 4)."""
    return ComplaintCase.objects.exclude(pk__in=Subject.objects.filter(user=user).values("case_id")).exclude(
        pk__in=SubjectCandidate.objects.filter(user=user).values("subject__case_id")
    )


def case_list_base(user: User) -> QuerySet[ComplaintCase]:
    return (
        case_visible(user)
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


def _people(cases: list[ComplaintCase]) -> tuple[dict[int, list[tuple[str, bool]]], dict[int, str]]:
    """The cases' complainants (name, needs adjustments) and subjects (as Subject.__str__ writes them), by
    case id: two queries of plain values, about a quarter of the cost of prefetching them as model
    instances (issue 24 part 4)."""
    ids = [c.pk for c in cases]
    complainants: dict[int, list[tuple[str, bool]]] = {pk: [] for pk in ids}
    for case_id, name, adjustments in (
        Complainant.objects.filter(case_id__in=ids)
        .order_by("id")
        .values_list("case_id", "name", "adjustments")
    ):
        complainants[case_id].append((name, bool(adjustments)))
    subjects: dict[int, list[str]] = {pk: [] for pk in ids}
    for case_id, kind, name, collar in (
        Subject.objects.filter(case_id__in=ids)
        .order_by("id")
        .values_list("case_id", "kind", "name", "collar_number")
    ):
        subjects[case_id].append(Subject.describe(kind, name, collar))
    return complainants, {pk: ", ".join(names) for pk, names in subjects.items()}


def case_list_rows(cases: list[ComplaintCase], *, today: dt.date, back: str) -> list[CaseRow]:
    """The rows of a case list page (complaints/case_list.html) for `cases`, with their people (read here:
    the list's queryset need not prefetch them); `back` is the list's own address, quoted, for the case
    page's "Back to the list"."""
    from staffing.templatetags.resolve_format import day  # the one way dates are written

    meta = ComplaintCase._meta
    kinds, routes, statuses = (dict(meta.get_field(f).flatchoices) for f in ("kind", "route", "status"))  # type: ignore[union-attr]
    complainants, subjects = _people(cases)
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
                complainants=complainants[c.pk],
                subjects=subjects[c.pk],
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
