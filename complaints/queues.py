"""Home-page work queues for complaints (config.queues): each one selector for the count and its list.
ComplaintsConfig.work_queues hands config.registry the ones a user may work. An advisor's queues are their
own cases (the ones assigned to them); a manager's and an admin's are every advisor's, so the manager's
home says what the daily figures say (issue 20 part 8)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from complaints.models import CaseAction, ComplaintCase, ReviewRecommendation
from complaints.selectors import case_list_base
from complaints.selectors.alerts import ALERTS_OVERDUE
from config.listing import COUNT_CAP, Column
from config.permissions import Role
from config.queues import WorkQueue
from staffing.catalogue import RULE_ID

# Who oversees every advisor's cases rather than holding their own.
FORCE_WIDE = (Role.MANAGER, Role.ADMIN)

CASE_COLUMNS = (
    Column("due", "Next update due", ("next_update_due", "received_at")),
    Column("reference", "Reference", ("reference",)),
    Column("complainant", "Complainant"),
    Column("received", "Received", ("received_at",)),
    Column("route", "Route", ("route", "received_at")),
    Column("status", "Status"),
)
FIRST_CONTACT_COLUMNS = (
    Column("contact", "First contact due", ("initial_contact_due", "received_at")),
    *CASE_COLUMNS[1:],
)
REVIEW_COLUMNS = (
    Column("deadline", "Review window closes", ("review_deadline", "received_at")),
    *CASE_COLUMNS[1:],
)


def own_cases_only(user: Any) -> bool:
    """Whether a person's queues cover only the cases assigned to them (not a manager's or admin's)."""
    return getattr(user, "role", None) not in FORCE_WIDE


def _mine(user: Any) -> QuerySet[ComplaintCase]:
    """The cases a person's queues cover: an advisor's own; every case a manager or admin may see."""
    cases = case_list_base(user)
    if not own_cases_only(user):
        return cases
    return cases.filter(assigned_to=user)


# Each caseload figure's condition, written once: its home queue filters on it and the caseload page counts
# all three in one conditional aggregate (issue 24 part 4), so the two can never differ.
def _overdue(today: dt.date) -> Q:
    return Q(status=ComplaintCase.Status.OPEN, next_update_due__lt=today)


def _due_soon(today: dt.date) -> Q:
    return Q(
        status=ComplaintCase.Status.OPEN,
        next_update_due__gte=today,
        next_update_due__lte=today + dt.timedelta(days=7),
    )


def _no_first_contact(today: dt.date) -> Q:
    return Q(
        status=ComplaintCase.Status.OPEN,
        initial_contact_at__isnull=True,
        kind__in=[ComplaintCase.Kind.COMPLAINT, ComplaintCase.Kind.DISSATISFACTION],
    )


def updates_overdue(user: Any) -> QuerySet[ComplaintCase]:
    """My open cases whose next update to the complainant (C-UPDATE-28D) was due before today."""
    return _mine(user).filter(_overdue(timezone.localdate()))


def updates_due(user: Any) -> QuerySet[ComplaintCase]:
    """My open cases whose next update falls due today or in the next 7 days (not yet overdue)."""
    return _mine(user).filter(_due_soon(timezone.localdate()))


def initial_contacts(user: Any) -> QuerySet[ComplaintCase]:
    """My open complaints and expressions of dissatisfaction with no first contact yet
    (C-INITIAL-CONTACT)."""
    return _mine(user).filter(_no_first_contact(timezone.localdate()))


def reviews_to_log(user: Any) -> QuerySet[ComplaintCase]:
    """My closed cases still inside their review window with no review application logged
    (C-REVIEW-28D)."""
    return _mine(user).filter(
        status=ComplaintCase.Status.CLOSED,
        review_deadline__gte=timezone.localdate(),
        reviews__isnull=True,
    )


STALE_AFTER_DAYS = 28


def unallocated(user: Any) -> QuerySet[ComplaintCase]:
    """Open cases nobody holds (issue 23 part 4): for managers and admins, whose job is to give them out."""
    return case_list_base(user).filter(status=ComplaintCase.Status.OPEN, assigned_to__isnull=True)


def stale(user: Any) -> QuerySet[ComplaintCase]:
    """Open cases with no action logged for 28 days or more (issue 23 part 4)."""
    since = timezone.now() - dt.timedelta(days=STALE_AFTER_DAYS)
    recent = CaseAction.objects.filter(case=OuterRef("pk"), at__gte=since)
    return case_list_base(user).filter(status=ComplaintCase.Status.OPEN).filter(~Exists(recent))


def public_intake(user: Any) -> QuerySet[ComplaintCase]:
    """Cases sent through the public form that nobody has taken yet: every advisor's triage queue (the
    proposal is on the case page already; issue 23 part 1)."""
    return case_list_base(user).filter(
        status=ComplaintCase.Status.OPEN, channel=ComplaintCase.Channel.WEB, assigned_to__isnull=True
    )


def _queue(key: str, label: str, select: Any, order: int, description: str, **kw: Any) -> WorkQueue:
    return WorkQueue(
        key,
        label,
        select,
        oldest="received_at",
        order=order,
        description=description,
        row_template="queues/rows/complaint.html",
        **{
            "columns": CASE_COLUMNS,
            "default_sort": "due",
            "ordering_note": "The update due first at the top.",
            **kw,
        },
    )


QUEUES = (
    _queue(
        "complaints-updates-overdue",
        "Complaint updates overdue",
        updates_overdue,
        40,
        "C-UPDATE-28D: tell the complainant how it is going",
        empty="No update to a complainant is overdue.",
    ),
    _queue(
        "complaints-updates-due",
        "Complaint updates due in the next 7 days",
        updates_due,
        41,
        "C-UPDATE-28D",
        empty="No update falls due in the next 7 days.",
    ),
    _queue(
        "complaints-initial-contact",
        "Initial contacts to make",
        initial_contacts,
        42,
        "C-INITIAL-CONTACT",
        columns=FIRST_CONTACT_COLUMNS,
        default_sort="contact",
        ordering_note="The first contact due soonest at the top.",
        empty="Every complainant has had their first contact.",
    ),
    _queue(
        "complaints-public-intake",
        "New from the public form: to triage",
        public_intake,
        39,
        "C-LOG-ALL: triage each one and take it on",
        columns=CASE_COLUMNS,
        default_sort="received",
        ordering_note="The longest waiting first.",
        empty="Nothing new from the public form.",
    ),
    _queue(
        "complaints-reviews",
        "Closed cases still open to review",
        reviews_to_log,
        43,
        "Log any review application received (C-REVIEW-28D)",
        columns=REVIEW_COLUMNS,
        default_sort="deadline",
        ordering_note="The review window closing first at the top.",
        empty="No closed case is waiting for a possible review.",
    ),
)


def recommendations_open(user: Any) -> QuerySet[ReviewRecommendation]:
    """Recommendations of upheld reviews still to follow through: a person's own; every one for a
    manager or admin. Only on cases the person may see."""
    items = ReviewRecommendation.objects.filter(
        status=ReviewRecommendation.Status.OPEN, case__in=case_list_base(user).values("pk")
    ).select_related("case", "owner")
    if getattr(user, "role", None) in FORCE_WIDE:
        return items
    return items.filter(owner=user)


RECOMMENDATIONS = WorkQueue(
    "complaints-recommendations",
    "Review recommendations to follow through",
    recommendations_open,
    oldest="created_at",
    order=39,
    description="C-REVIEW-RIGHT: an upheld review reopened these cases",
    columns=(
        Column("due", "Due", ("due_on", "id")),
        Column("case", "Case", ("case__reference",)),
        Column("text", "Recommendation"),
        Column("owner", "Owner", ("owner__last_name", "owner__username")),
    ),
    default_sort="due",
    row_template="queues/rows/recommendation.html",
    ordering_note="The one due first at the top.",
    empty="No recommendation of an upheld review is waiting.",
)


OVERSIGHT_QUEUES = (
    _queue(
        "complaints-unallocated",
        "Open cases with no handler",
        unallocated,
        44,
        "Give each one to an advisor",
        columns=CASE_COLUMNS,
        default_sort="received",
        ordering_note="The longest waiting first.",
        empty="Every open case has a handler.",
    ),
    _queue(
        "complaints-stale",
        f"Open cases with no action for {STALE_AFTER_DAYS} days",
        stale,
        45,
        "Nothing has been logged on these cases for four weeks or more",
        empty=f"Every open case has had an action in the last {STALE_AFTER_DAYS} days.",
    ),
)


@dataclass(frozen=True)
class Figure:
    """A caseload figure: a home queue's count (at most COUNT_CAP, `more` past it) and the list it
    opens, so the caseload page and the home page can never count the same thing two ways."""

    label: str
    count: int
    more: bool
    url: str
    rules: tuple[str, ...]  # the rule IDs the queue cites, linked on the page


# The caseload page's figures, each one home queue (the reviews queue is about closed cases, which the
# caseload of open cases does not list), with the condition that queue filters on.
CASELOAD_FIGURES = {
    "complaints-updates-overdue": ("Updates overdue", _overdue),
    "complaints-updates-due": ("Updates due in the next 7 days", _due_soon),
    "complaints-initial-contact": ("Initial contacts to make", _no_first_contact),
}


def caseload_figures(user: Any) -> tuple[list[Figure], int]:
    """The figures at the top of the advisor's caseload page: the home queues' counts, all three in one
    conditional aggregate over the person's open cases (one query, not one count each), capped at
    COUNT_CAP like the queues' own counts. Also returns how many open cases the aggregate read: for a
    person whose queues are their own cases it is the caseload list's own count (issue 24 part 4)."""
    today = timezone.localdate()
    counts = (
        _mine(user)
        .filter(status=ComplaintCase.Status.OPEN)
        .order_by()
        .aggregate(
            open_cases=Count("pk"),
            **{
                f"n{i}": Count("pk", filter=condition(today))
                for i, (_label, condition) in enumerate(CASELOAD_FIGURES.values())
            },
        )
    )
    figures = []
    by_key = {queue.key: queue for queue in QUEUES}
    for i, (key, (label, _condition)) in enumerate(CASELOAD_FIGURES.items()):
        queue, counted = by_key[key], counts[f"n{i}"]
        rules = tuple(RULE_ID.findall(queue.description))
        figures.append(Figure(label, min(counted, COUNT_CAP), counted > COUNT_CAP, queue.url, rules))
    return figures, counts["open_cases"]


def work_queues(user: Any) -> list[WorkQueue]:
    role = getattr(user, "role", None)
    if role not in Role.COMPLAINTS:
        return []
    own = [*QUEUES, RECOMMENDATIONS]
    return [*own, *OVERSIGHT_QUEUES, ALERTS_OVERDUE] if role in FORCE_WIDE else own
