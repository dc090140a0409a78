"""The rota (who is on shift, who is absent) and each work area's cover against it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from django.db.models import (
    Exists,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
)
from django.utils import timezone

from staffing import rules
from staffing.models import (
    Absence,
    CoverageRequirement,
    Shift,
    ShiftAssignment,
    Team,
    TrainingRecord,
    User,
)
from staffing.selectors.teams import training_valid_q


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
