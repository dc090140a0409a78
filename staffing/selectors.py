"""Every non-trivial read of people, teams, training, the rota, coverage and workload."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.db.models import (
    Count,
    Exists,
    IntegerField,
    Model,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
)
from django.db.models.functions import Coalesce
from django.http import Http404
from django.urls import reverse
from django.utils import timezone

from config.exceptions import DomainError
from config.registry import WorkKind, work_kind_for, work_kinds
from staffing import rules
from staffing.catalogue import RULE_ID
from staffing.models import (
    Absence,
    Allocation,
    CoverageRequirement,
    RecordFile,
    Rule,
    Shift,
    ShiftAssignment,
    Skill,
    Team,
    TeamMove,
    TrainingRecord,
    User,
)

# Roles whose members take allocated work.
WORKER_ROLES = (User.Role.RECORDER, User.Role.INVESTIGATOR, User.Role.SERGEANT, User.Role.ADVISOR)
DEFAULT_MAX_LOAD = 20


def max_load() -> int:
    """The per-person ceiling of weighted open work (setting RESOLVE_ALLOCATION_MAX_LOAD, default 20)."""
    return int(getattr(settings, "RESOLVE_ALLOCATION_MAX_LOAD", DEFAULT_MAX_LOAD))


def team_list() -> QuerySet[Team]:
    return (
        Team.objects.select_related("sergeant")
        .annotate(
            investigators=Count(
                "members", filter=Q(members__role=User.Role.INVESTIGATOR, members__is_active=True)
            ),
            members_total=Count("members", filter=Q(members__is_active=True)),
        )
        .order_by("code")
    )


def team_members(team: Team) -> QuerySet[User]:
    return team.members.filter(is_active=True).order_by("role", "username")


def team_moves(team: Team) -> QuerySet[TeamMove]:
    return (
        TeamMove.objects.filter(Q(from_team=team) | Q(to_team=team))
        .select_related("user", "from_team", "to_team", "moved_by")
        .order_by("-moved_at", "-pk")
    )


def team_for(user: User, code: str | None = None) -> Team | None:
    """The team a page is about: the one asked for (by code), else the user's own team, else the first."""
    if code:
        return Team.objects.select_related("sergeant").filter(code=code).first()
    if user.team_id:
        return Team.objects.select_related("sergeant").get(pk=user.team_id)
    return Team.objects.select_related("sergeant").order_by("code").first()


# ---------------------------------------------------------------- training
def training_valid_q(day: date, prefix: str = "") -> Q:
    return Q(**{f"{prefix}trained_on__lte": day}) & (
        Q(**{f"{prefix}expires_on__isnull": True}) | Q(**{f"{prefix}expires_on__gte": day})
    )


def training_for_team(team: Team | None) -> QuerySet[TrainingRecord]:
    qs = TrainingRecord.objects.select_related("user").filter(user__is_active=True)
    if team is not None:
        qs = qs.filter(user__team=team)
    return qs.order_by("user__username", "skill", "-trained_on")


def training_expiring(
    team: Team | None, *, today: date | None = None, within_days: int = 30
) -> QuerySet[TrainingRecord]:
    """Training still valid today that expires in the next `within_days` days, soonest first."""
    day = today or timezone.localdate()
    return (
        training_for_team(team)
        .filter(expires_on__gte=day, expires_on__lte=day + timedelta(days=within_days))
        .order_by("expires_on", "user__username")
    )


# ---------------------------------------------------------------- rota
def absent_q(day: date, prefix: str = "") -> Q:
    return Q(**{f"{prefix}starts_on__lte": day, f"{prefix}ends_on__gte": day})


def shift_at(team: Team, at: datetime) -> Shift | None:
    return Shift.objects.filter(team=team, starts_at__lte=at, ends_at__gt=at).order_by("starts_at").first()


def shift_next(team: Team, at: datetime) -> Shift | None:
    return Shift.objects.filter(team=team, starts_at__gt=at).order_by("starts_at").first()


def shift_people(shift: Shift) -> list[User]:
    """Who works this shift: assigned and not absent on the shift's (local) start day."""
    day = timezone.localdate(shift.starts_at)
    absent = Absence.objects.filter(absent_q(day), user=OuterRef("pk"))
    return list(
        User.objects.filter(is_active=True, shift_assignments__shift=shift)
        .exclude(Exists(absent))
        .order_by("username")
    )


def on_shift(team: Team, at: datetime) -> list[User]:
    """Who in `team` is on duty at `at` (assigned to a shift covering it and not absent that day)."""
    shift = shift_at(team, at)
    return shift_people(shift) if shift is not None else []


def on_shift_now(team: Team) -> list[User]:
    return on_shift(team, timezone.now())


@dataclass(frozen=True)
class ShiftView:
    shift: Shift
    people: list[User]
    absent: list[User]


def _shift_view(shift: Shift | None) -> ShiftView | None:
    if shift is None:
        return None
    day = timezone.localdate(shift.starts_at)
    assigned = [a.user for a in shift.assignments.select_related("user").order_by("user__username")]
    absent_ids = set(
        Absence.objects.filter(absent_q(day), user__in=[u.pk for u in assigned]).values_list(
            "user_id", flat=True
        )
    )
    return ShiftView(
        shift,
        [u for u in assigned if u.pk not in absent_ids],
        [u for u in assigned if u.pk in absent_ids],
    )


def now_and_next(team: Team, at: datetime | None = None) -> tuple[ShiftView | None, ShiftView | None]:
    moment = at or timezone.now()
    return _shift_view(shift_at(team, moment)), _shift_view(shift_next(team, moment))


def rota_range(team: Team, start: datetime, end: datetime) -> list[Shift]:
    """The team's shifts starting in [start, end), each with its team, assignments and people loaded."""
    return list(
        Shift.objects.filter(team=team, starts_at__gte=start, starts_at__lt=end)
        .select_related("team")
        .prefetch_related(
            Prefetch(
                "assignments",
                queryset=ShiftAssignment.objects.select_related("user").order_by("user__username"),
            )
        )
        .order_by("starts_at")
    )


def absences_between(team: Team, first: date, last: date) -> QuerySet[Absence]:
    return (
        Absence.objects.filter(user__team=team, starts_on__lte=last, ends_on__gte=first)
        .select_related("user")
        .order_by("starts_on", "user__username")
    )


# ---------------------------------------------------------------- coverage
@dataclass(frozen=True)
class CoverageLine:
    requirement: CoverageRequirement
    have: int

    @property
    def short_by(self) -> int:
        return max(0, self.requirement.minimum - self.have)

    @property
    def met(self) -> bool:
        return self.short_by == 0


@dataclass(frozen=True)
class ShiftCoverage:
    label: str
    shift: Shift | None
    lines: list[CoverageLine]

    @property
    def gaps(self) -> list[CoverageLine]:
        return [line for line in self.lines if not line.met]


def _skill_counts(people: list[User], day: date) -> dict[str, int]:
    counts: dict[str, int] = {}
    rows = (
        TrainingRecord.objects.filter(training_valid_q(day), user__in=[p.pk for p in people])
        .values_list("user_id", "skill")
        .distinct()
    )
    for _user_id, skill in rows:
        counts[skill] = counts.get(skill, 0) + 1
    return counts


def shift_coverage(
    team: Team, shift: Shift | None, label: str, requirements: list[CoverageRequirement]
) -> ShiftCoverage:
    """Each requirement against the people on `shift` holding the skill (no shift: nobody)."""
    if shift is None:
        counts: dict[str, int] = {}
    else:
        counts = _skill_counts(shift_people(shift), timezone.localdate(shift.starts_at))
    short = {
        g.area: g.have
        for g in rules.coverage_gaps([(r.area, r.skill, r.minimum) for r in requirements], counts)
    }
    lines = [CoverageLine(r, short.get(r.area, counts.get(r.skill, 0))) for r in requirements]
    return ShiftCoverage(label, shift, lines)


def coverage(team: Team, at: datetime | None = None) -> tuple[ShiftCoverage, ShiftCoverage]:
    """Coverage of the team's requirements on the shift now and on the next shift."""
    moment = at or timezone.now()
    requirements = list(CoverageRequirement.objects.filter(team=team).order_by("area"))
    return (
        shift_coverage(team, shift_at(team, moment), "Now", requirements),
        shift_coverage(team, shift_next(team, moment), "Next shift", requirements),
    )


# ---------------------------------------------------------------- allocation and workload
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
    query = urlencode({"skill": skill, "weight": weight})
    meta = item._meta
    return f"{reverse('staffing:allocate-kind', args=[meta.app_label, meta.model_name, item.pk])}?{query}"


def allocation_page_url_for(item: Model) -> str:
    """The allocation screen for a registered kind of work item, with the skill and weight its app
    registered (config.registry.WorkKind); every app's lists and pages link through this."""
    kind = work_kind_for(type(item))
    if kind is None:
        raise DomainError("This is not a kind of work any part of Resolve registered.", field="item")
    return allocation_page_url(item, skill=kind.skill, weight=kind.weight)


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


# ---------------------------------------------------------------- the rule catalogue (issue 16 part 5)


def rule_list() -> QuerySet[Rule]:
    """Every rule in catalogue order (narrowed by staffing.filters.RuleFilter on the page and API)."""
    return Rule.objects.all()


def rule_get(*, code: str) -> Rule:
    """One rule by its ID, any case ('r-ncrs-24h' finds R-NCRS-24H); Rule.DoesNotExist when unknown,
    without a query when the text cannot be a rule ID (a path holding anything, even NUL)."""
    code = code.strip().upper()
    if not RULE_ID.fullmatch(code):
        raise Rule.DoesNotExist(f"{code!r} is not a rule ID")
    return Rule.objects.get(code=code)


@dataclass(frozen=True)
class RuleChange:
    at: datetime
    reason: str
    by: User | None
    before: list[tuple[str, str]]  # (field label, the value it had before this change)


RULE_CHANGE_FIELDS = {
    "words": "Words",
    "sources": "Sources",
    "verified": "Status",
    "note": "Caveat",
    "section": "Section",
    "domain": "Domain",
}


def _shown(name: str, value: Any) -> str:
    if name == "verified":
        return "Verified" if value else "Unverified"
    if name == "domain":
        return str(Rule.Domain(value).label) if value in Rule.Domain.values else str(value)
    return str(value)


def rule_changes(rule: Rule) -> list[RuleChange]:
    """The rule's history, newest first: when it changed, why, by whom, and what each changed field
    held before (one query)."""
    records = list(rule.history.select_related("history_user").order_by("history_date", "history_id"))
    changes: list[RuleChange] = []
    previous = None
    for record in records:
        before = [
            (label, _shown(name, getattr(previous, name)))
            for name, label in RULE_CHANGE_FIELDS.items()
            if previous is not None and getattr(previous, name) != getattr(record, name)
        ]
        reason = record.history_change_reason or str(record.get_history_type_display())
        changes.append(RuleChange(record.history_date, reason, record.history_user, before))
        previous = record
    return changes[::-1]


# ---------------------------------------------------------------- files held on records (staffing.records)
def record_files(*, key: str, record_id: int) -> QuerySet[RecordFile]:
    """The files on one record, oldest first, withdrawn ones included (marked), with who uploaded and
    who withdrew each read in the same query."""
    return RecordFile.objects.filter(record_type=key, record_id=record_id).select_related(
        "uploaded_by", "withdrawn_by"
    )


def record_file_get(*, key: str, record_id: int, file_id: int) -> RecordFile:
    """One file of one record (Http404 when the record holds no such file): the record itself was opened,
    with its need-to-know, by the caller."""
    row = record_files(key=key, record_id=record_id).filter(pk=file_id).first()
    if row is None:
        raise Http404("No such file on this record.")
    return row


def record_files_listed(*, key: str, record_ids: Collection[int]) -> dict[int, list[dict[str, Any]]]:
    """The files on several records of one kind, as a subject access export lists them (name, type,
    size, hash, when and by whom, withdrawn or not), keyed by record id; one query."""
    out: dict[int, list[dict[str, Any]]] = {}
    rows = RecordFile.objects.filter(record_type=key, record_id__in=list(record_ids)).select_related(
        "uploaded_by", "withdrawn_by"
    )
    for row in rows.order_by("uploaded_at", "pk"):
        out.setdefault(row.record_id, []).append(
            {
                "name": row.name,
                "content_type": row.content_type,
                "size": row.size,
                "sha256": row.sha256,
                "description": row.description,
                "uploaded_at": row.uploaded_at.isoformat(),
                "uploaded_by": str(row.uploaded_by),
                "withdrawn_at": row.withdrawn_at.isoformat() if row.withdrawn_at else None,
                "withdrawn_reason": row.withdrawn_reason,
            }
        )
    return out
