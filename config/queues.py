"""A home-page work queue is one selector (STYLE.md 12, "Queues are selectors").

Each app's `queues.py` declares its `WorkQueue`s; its AppConfig hands the ones a user may work to
`config.registry` through `work_queues(user)`. The home page counts `queue.select(user)`; the count's
link opens a list that calls the same `select(user)`, either the app's own list page (`url_name` +
`url_query`, whose view calls that selector for exactly that query) or the shared queue page
`/queues/<key>/` (config.views.queue_list), which renders the selector's rows with `row_template`.
So a count and its list cannot disagree, and tests/test_queues.py checks it for every role.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Case, CharField, Expression, F, IntegerField, QuerySet, Value, When
from django.db.models.functions import Coalesce
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from config.listing import Column, capped_count, list_page
from config.registry import Queue

# How a work queue of crimes is ordered by default: the riskiest first (R-THRIVE, R-RESTRICTED), then
# the oldest. The offence itself weighs first (a restricted class, which every rape and serious sexual
# offence is, before any other), then the victim (vulnerable, domestic abuse, hate crime), then the
# offence's seriousness rank from the Home Office class (ho_offences.csv: murder 1, rape 4, grievous
# bodily harm 5 ... interfering with a motor vehicle 14), then the THRIVE grade. A crime nobody has graded
# yet counts as urgent as an immediate one until someone grades it, so a missing grade never sinks a crime
# below one graded as minor (issue 20: an ungraded rape sat below an interference with a motor vehicle).
RISK_NOTE = (
    "Riskiest first: rape, serious sexual and other restricted offences, then a vulnerable victim, domestic "
    "abuse and hate crime, then the more serious offence, then the THRIVE grade (a crime not yet graded "
    "counts as immediate until it is graded); within the same risk, the oldest first."
)
# The THRIVE grades by urgency, for ordering (recording.models.Grade); ungraded sorts with immediate.
GRADE_RANK = {"immediate": 0, "priority": 1, "scheduled": 2, "resolved_without_deployment": 3}
UNGRADED_RANK = GRADE_RANK["immediate"]


def grade_rank(prefix: str = "") -> Case:
    """The THRIVE grade as a number, urgent first, ungraded as immediate. recording.Crime's
    crime_risk_queue_idx indexes this very expression, so a queue ordered by risk reads a page from the
    index instead of sorting every open crime."""
    return Case(
        *(When(**{f"{prefix}grade": grade}, then=Value(rank)) for grade, rank in GRADE_RANK.items()),
        default=Value(UNGRADED_RANK),
        output_field=IntegerField(),
    )


def with_risk(crimes: QuerySet[Any], prefix: str = "") -> QuerySet[Any]:
    """Annotate `grade_rank` for the risk-first ordering (`risk_order`)."""
    return crimes.annotate(grade_rank=grade_rank(prefix))


def with_crime_risk(
    items: QuerySet[Any],
    prefix: str,
    *,
    restricted: Expression | None = None,
    seriousness_rank: Expression | None = None,
) -> QuerySet[Any]:
    """Items about a crime (a cancellation, a reclassification, a transfer) carry that crime's risk under
    the crime's own names, so `risk_order(age_field)` orders them as the crime queues are ordered and the
    row's risk tags (queues/rows/_risk.html) read them as a crime's. `prefix` reaches the crime
    ("crime__"); where there is no crime yet (an incoming transfer) each flag is false and the grade is
    none, which ranks as immediate. The offence's part (restricted, seriousness rank) is the crime's
    unless the caller weighs another offence too: the one proposed by a reclassification, the one the
    sending force gave."""
    return items.annotate(
        restricted=Coalesce(F(f"{prefix}restricted"), Value(False)) if restricted is None else restricted,
        vulnerable_victim=Coalesce(F(f"{prefix}vulnerable_victim"), Value(False)),
        domestic_abuse=Coalesce(F(f"{prefix}domestic_abuse"), Value(False)),
        hate_crime=Coalesce(F(f"{prefix}hate_crime"), Value(False)),
        seriousness_rank=F(f"{prefix}seriousness_rank") if seriousness_rank is None else seriousness_rank,
        grade=Coalesce(F(f"{prefix}grade"), Value(""), output_field=CharField()),
        grade_rank=grade_rank(prefix),
    )


def risk_order(age_field: str, prefix: str = "") -> tuple[str, ...]:
    """The risk-first ordering of crimes (see RISK_NOTE), for a `config.listing.Column`; the queryset
    needs `with_risk` (or, for items about a crime, `with_crime_risk` and no prefix). The same columns,
    in the same order, as recording.Crime's crime_risk_queue_idx."""
    return (
        f"-{prefix}restricted",
        f"-{prefix}vulnerable_victim",
        f"-{prefix}domestic_abuse",
        f"-{prefix}hate_crime",
        f"{prefix}seriousness_rank",
        "grade_rank",
        age_field,
    )


@dataclass(frozen=True)
class WorkQueue:
    key: str
    label: str
    # user -> the queue's items. The home count and the list both call it: nothing else filters them.
    select: Callable[[Any], QuerySet[Any]]
    # The field holding when each item started waiting (the home page shows the oldest's age); "" none.
    oldest: str = ""
    order: int = 100
    description: str = ""
    # The app's own list page for this queue, whose view calls `select` for exactly `url_query`;
    # empty: the shared queue page renders `row_template` for each item, under `columns`.
    url_name: str = ""
    url_query: str = ""
    columns: tuple[Column, ...] = ()
    default_sort: str = ""
    row_template: str = ""
    # (the page's items, the queue) -> what `row_template` renders for each, its words, dates and links
    # made once in Python (template lookups on model instances cost about half a millisecond a row);
    # None: the items themselves.
    rows: Callable[[list[Any], WorkQueue], list[Any]] | None = None
    ordering_note: str = ""
    empty: str = "Nothing is waiting in this queue."
    extra: dict[str, Any] = field(default_factory=dict)
    # (user, the rows shown, path): logs the view of rows that carry need-to-know detail (a victim's
    # name and number), called by the shared queue page once per page shown.
    log_view: Callable[[Any, list[Any], str], None] | None = None

    @property
    def url(self) -> str:
        base = reverse(self.url_name) if self.url_name else reverse("queue", args=[self.key])
        return f"{base}?{self.url_query}" if self.url_query else base

    def count(self, user: Any) -> tuple[int, bool]:
        """How many items, counted like its list: at most COUNT_CAP, and whether there are more. One
        query (a count of a LIMIT subquery), so a long queue costs no more than a short one."""
        return capped_count(self.select(user))

    def summary(self, user: Any) -> Queue:
        """The home page's line for this queue: how many items (`count`) and when the oldest started
        waiting. Two index-friendly queries rather than one aggregate, which would read every item of a
        long queue."""
        items = self.select(user).order_by()
        count, more = self.count(user)
        oldest = None
        if self.oldest and count:
            oldest = items.order_by(self.oldest).values_list(self.oldest, flat=True).first()
        return Queue(
            key=self.key,
            label=self.label,
            url=self.url,
            count=count,
            oldest=oldest,
            description=self.description,
            order=self.order,
            more=more,
        )


def queue_page(request: HttpRequest, queue: WorkQueue, **extra: Any) -> HttpResponse:
    """Render `queue` (a config.queues.WorkQueue) with its columns and row template; `extra` goes to the
    template (e.g. `tabs`, the other queues of a to-allocate page)."""
    listing = list_page(
        request, queue.select(request.user), columns=queue.columns, default_sort=queue.default_sort
    )
    items = listing.items
    if queue.log_view is not None:
        queue.log_view(request.user, items, request.get_full_path())
    sorts = [
        {"value": f"{prefix}{h.key}", "label": f"{h.label}{suffix}"}
        for h in listing.headings
        if h.url
        for prefix, suffix in (("", ""), ("-", " (reversed)"))
    ]
    context = {
        "queue": queue,
        "listing": listing,
        "rows": queue.rows(items, queue) if queue.rows is not None else items,
        "sorts": sorts,
        "breadcrumbs": [{"label": "Home", "url": reverse("home")}, {"label": queue.label, "url": None}],
        **extra,
    }
    return render(request, "queues/list.html", context)
