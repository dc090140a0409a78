"""Allocation and workload: who may take a work item and how loaded they are, open allocations, the
allocation screen's address for any app's item, and work items by kind."""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.db.models import (
    Count,
    Exists,
    IntegerField,
    Model,
    OuterRef,
    QuerySet,
    Subquery,
    Sum,
    Value,
)
from django.db.models.functions import Coalesce
from django.http import Http404
from django.utils import timezone

from config.exceptions import DomainError
from config.listing import url_for_each
from config.registry import WorkKind, work_kind_for, work_kinds
from staffing import rules
from staffing.models import (
    Absence,
    Allocation,
    ShiftAssignment,
    Skill,
    Team,
    TrainingRecord,
    User,
)
from staffing.selectors.rota import absent_q
from staffing.selectors.teams import training_valid_q

# Roles whose members take allocated work.
WORKER_ROLES = (User.Role.RECORDER, User.Role.INVESTIGATOR, User.Role.SERGEANT, User.Role.ADVISOR)
DEFAULT_MAX_LOAD = 20


def max_load() -> int:
    """The per-person ceiling of weighted open work (setting RESOLVE_ALLOCATION_MAX_LOAD, default 20)."""
    return int(getattr(settings, "RESOLVE_ALLOCATION_MAX_LOAD", DEFAULT_MAX_LOAD))


def _open_allocations(user_ref: OuterRef) -> QuerySet[Any, Any]:
    return (
        Allocation.objects.filter(assigned_to=user_ref, status=Allocation.Status.OPEN)
        .order_by()
        .values("assigned_to")
    )


def users_with_load(qs: QuerySet[User]) -> QuerySet[Any]:
    """Annotate `open_load` (sum of open allocation weights) and `open_items`."""
    open_allocs = _open_allocations(OuterRef("pk"))
    return qs.annotate(
        open_load=Coalesce(
            Subquery(open_allocs.annotate(s=Sum("weight")).values("s")[:1], output_field=IntegerField()),
            Value(0),
        ),
        open_items=Coalesce(
            Subquery(open_allocs.annotate(c=Count("pk")).values("c")[:1], output_field=IntegerField()),
            Value(0),
        ),
    )


def trained_now(skill: str, day: date) -> Exists:
    """Whether the person (the outer row) holds valid training in `skill` on `day`."""
    return Exists(TrainingRecord.objects.filter(training_valid_q(day), user=OuterRef("pk"), skill=skill))


def allocation_people(
    *,
    team: Team | None,
    roles: Collection[str] | None = None,
    barred: Collection[int] = (),
    trained_in: str = "",
    day: date | None = None,
) -> QuerySet[User]:
    """Who may be given a work item: active people of a role that takes it (default: every role that
    takes work), in `team` when given, less those `barred` from this item, and, for an item demanding a
    specialist skill (`trained_in`), only those validly trained in it on `day` (default today)."""
    qs = User.objects.filter(is_active=True, role__in=tuple(roles if roles is not None else WORKER_ROLES))
    if team is not None:
        qs = qs.filter(team=team)
    if barred:
        qs = qs.exclude(pk__in=list(barred))
    if trained_in:
        qs = qs.filter(trained_now(trained_in, day or timezone.localdate()))
    return qs


@dataclass(frozen=True)
class LeftOut:
    """Someone of the team who is not offered a work item at all, and why (rules.left_out_reason)."""

    user_id: int
    username: str
    name: str
    role: str
    why: str


def allocation_left_out(
    *,
    team: Team | None,
    roles: Collection[str] | None,
    roles_label: str,
    barred: Collection[int],
    specialist_skill: str = "",
    specialist_why: str = "",
    day: date | None = None,
) -> list[LeftOut]:
    """Everyone active who takes some work, in `team` (every team when None), whom the item's kind or the
    item itself leaves out of its suggestions and picker, each with why: their role, being barred, or no
    valid training in the specialist skill the item demands. One query."""
    qs = User.objects.filter(is_active=True, role__in=WORKER_ROLES)
    if team is not None:
        qs = qs.filter(team=team)
    if specialist_skill:
        qs = qs.annotate(specialist_ok=trained_now(specialist_skill, day or timezone.localdate()))
    out: list[LeftOut] = []
    for person in qs.order_by("last_name", "first_name", "username"):
        why = rules.left_out_reason(
            role_label=person.get_role_display(),
            role_takes_it=roles is None or person.role in roles,
            roles_label=roles_label,
            barred=person.pk in barred,
            specialist_label=skill_label(specialist_skill) if specialist_skill else "",
            specialist_trained=bool(getattr(person, "specialist_ok", True)),
            specialist_why=specialist_why,
        )
        if why:
            out.append(LeftOut(person.pk, person.username, str(person), person.get_role_display(), why))
    return out


def allocation_candidates(
    *,
    skill: str,
    team: Team | None,
    at: datetime,
    only: User | None = None,
    exclude: User | None = None,
    roles: Collection[str] | None = None,
    barred: Collection[int] = (),
    trained_in: str = "",
) -> list[rules.Candidate]:
    """The facts the allocation rule needs about each possible assignee, in one query. `trained_in`: a
    specialist skill the item demands; nobody without it is a candidate at all."""
    day = timezone.localdate(at)
    if only is not None:
        qs = User.objects.filter(is_active=True, pk=only.pk)
    else:
        qs = allocation_people(team=team, roles=roles, barred=barred, trained_in=trained_in, day=day)
    if exclude is not None:
        qs = qs.exclude(pk=exclude.pk)
    rows = users_with_load(qs).annotate(
        is_on_shift=Exists(
            ShiftAssignment.objects.filter(
                user=OuterRef("pk"), shift__starts_at__lte=at, shift__ends_at__gt=at
            )
        ),
        is_absent=Exists(Absence.objects.filter(absent_q(day), user=OuterRef("pk"))),
        is_skilled=Exists(
            TrainingRecord.objects.filter(training_valid_q(day), user=OuterRef("pk"), skill=skill)
        ),
    )
    return [
        rules.Candidate(
            user_id=u.pk,
            username=u.username,
            name=str(u),
            on_shift=u.is_on_shift,
            absent=u.is_absent,
            skilled=u.is_skilled,
            load=u.open_load,
            items=u.open_items,
        )
        for u in rows.order_by("username")
    ]


@dataclass(frozen=True)
class Workload:
    user: User
    items: int
    load: int
    max_load: int

    @property
    def percent(self) -> int:
        return min(100, round(100 * self.load / self.max_load)) if self.max_load else 0


def workload_by_person(team: Team | None) -> list[Workload]:
    """Open work per person (weighted load and item count), most loaded first; everyone in the team
    who takes work is listed, with nothing open shown as 0."""
    qs = User.objects.filter(is_active=True, role__in=WORKER_ROLES)
    if team is not None:
        qs = qs.filter(team=team)
    ceiling = max_load()
    rows = users_with_load(qs.select_related("team")).order_by("-open_load", "-open_items", "username")
    return [Workload(u, u.open_items, u.open_load, ceiling) for u in rows]


def allocations_open(team: Team | None) -> QuerySet[Allocation]:
    qs = Allocation.objects.filter(status=Allocation.Status.OPEN).select_related(
        "assigned_to", "assigned_by", "content_type", "team"
    )
    if team is not None:
        qs = qs.filter(team=team)
    return qs.order_by("-created_at", "-pk")


def skill_label(skill: str) -> str:
    return str(Skill(skill).label) if skill in Skill.values else skill


def allocation_page_url(item: Model, *, skill: str, weight: int = 1) -> str:
    """The allocation screen for any app's work item: link to it from that item's page."""
    return allocation_page_urls(type(item), skill=skill, weight=weight)(item.pk)


def allocation_page_urls(model: type[Model], *, skill: str, weight: int = 1) -> Callable[[int], str]:
    """The allocation screen's address for each item of `model` by its key, the route reversed once (a
    list links every row to it)."""
    query = urlencode({"skill": skill, "weight": weight})
    meta = model._meta
    url = url_for_each("staffing:allocate-kind", meta.app_label, meta.model_name)
    return lambda pk: f"{url(pk)}?{query}"


def allocation_page_url_for(item: Model) -> str:
    """The allocation screen for a registered kind of work item, with the skill and weight its app
    registered (config.registry.WorkKind); every app's lists and pages link through this."""
    return allocation_page_urls_for(type(item))(item.pk)


def allocation_page_urls_for(model: type[Model]) -> Callable[[int], str]:
    """allocation_page_url_for for each item of a registered kind `model` by its key: the kind found and
    the route reversed once for a whole list."""
    kind = work_kind_for(model)
    if kind is None:
        raise DomainError("This is not a kind of work any part of Resolve registered.", field="item")
    return allocation_page_urls(model, skill=kind.skill, weight=kind.weight)


@dataclass(frozen=True)
class WorkItem:
    kind: WorkKind
    item: Model


NO_SUCH_WORK = "No such work item."


def work_item_get(*, user: User, item_type: str, pk: int) -> WorkItem:
    """The allocation entry points' one gate (issue 17). `item_type` ("app_label.modelname") must be a
    kind some app registered as work (config.registry.WorkKind), else DomainError on item_type; an item
    that is missing and one `user` may not see are the same Http404, so nobody learns what exists."""
    kind = work_kinds().get(item_type.lower())
    if kind is None:
        raise DomainError(
            f"{item_type!r} is not a kind of work; use one of: {', '.join(sorted(work_kinds()))}.",
            field="item_type",
        )
    item = kind.model._base_manager.filter(pk=pk).first()
    if item is None or not kind.visible(user, item):
        raise Http404(NO_SUCH_WORK)
    return WorkItem(kind, item)
