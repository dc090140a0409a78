"""Writes to the rota: the 24-hour shift patterns, shifts, who works them, absences and coverage."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.db import transaction

from config.exceptions import DomainError
from staffing.models import (
    Absence,
    CoverageRequirement,
    Shift,
    ShiftAssignment,
    ShiftKind,
    ShiftPattern,
    Skill,
    Team,
    User,
    WorkArea,
)
from staffing.rules import team_scope_refusal

LONDON = ZoneInfo("Europe/London")
# The usual Resolution Centre 24-hour pattern: earlies, lates and nights of eight hours.
DEFAULT_PATTERNS = [
    (ShiftKind.EARLY, time(7, 0), 8),
    (ShiftKind.LATE, time(15, 0), 8),
    (ShiftKind.NIGHT, time(23, 0), 8),
]
MAX_ROTA_DAYS = 62


@transaction.atomic
def shift_patterns_ensure() -> list[ShiftPattern]:
    """Create the default early/late/night patterns when missing; leave edited ones alone."""
    for kind, starts, hours in DEFAULT_PATTERNS:
        if not ShiftPattern.objects.filter(kind=kind).exists():
            pattern = ShiftPattern(kind=kind, starts=starts, hours=hours)
            pattern._change_reason = "Default 24-hour pattern"  # type: ignore[attr-defined]
            pattern.save()
    return list(ShiftPattern.objects.order_by("starts"))


def shift_bounds(day: date, pattern: ShiftPattern) -> tuple[datetime, datetime]:
    """A pattern's shift on a (local) day, as aware datetimes; the length is real hours across DST."""
    starts_at = datetime.combine(day, pattern.starts, tzinfo=LONDON)
    return starts_at, starts_at + timedelta(hours=pattern.hours)


def rota_refusal(*, actor: User | None, team_id: int | None) -> str | None:
    """None when `actor` may change the rota of team `team_id` (its shifts, who works them, absences and
    coverage minimums), else why not: a sergeant their own team's only, managers and admins any team's
    (staffing.rules.team_scope_refusal). `actor` None is the system (the demo, a scheduled build)."""
    if actor is None:
        return None
    if team_id is None and actor.role == User.Role.SERGEANT:  # someone in no team is nobody's to roster
        return "Only a manager or admin may change the rota of someone in no team."
    return team_scope_refusal(
        actor_role=actor.role, actor_team_id=actor.team_id, work_team_id=team_id, what="change this rota"
    )


def _rota_check(actor: User | None, team_id: int | None) -> None:
    if refusal := rota_refusal(actor=actor, team_id=team_id):
        raise DomainError(refusal, field="team")


@transaction.atomic
def rota_generate(*, team: Team, start: date, days: int, actor: User | None) -> list[Shift]:
    """Create the team's shifts for `days` days from `start`, one per pattern per day. Shifts already
    there are kept (running it again adds nothing)."""
    if not 1 <= days <= MAX_ROTA_DAYS:
        raise DomainError(f"Build between 1 and {MAX_ROTA_DAYS} days at a time.", field="days")
    _rota_check(actor, team.pk)
    patterns = shift_patterns_ensure()
    shifts: list[Shift] = []
    for offset in range(days):
        day = start + timedelta(days=offset)
        for pattern in patterns:
            starts_at, ends_at = shift_bounds(day, pattern)
            shift = Shift.objects.filter(team=team, starts_at=starts_at).first()
            if shift is None:
                shift = Shift(team=team, kind=pattern.kind, starts_at=starts_at, ends_at=ends_at)
                shift._change_reason = f"Rota built by {actor.username if actor else 'system'}"  # type: ignore[attr-defined]
                shift.save()
            shifts.append(shift)
    return shifts


@transaction.atomic
def shift_assign(*, shift: Shift, user: User, actor: User | None) -> ShiftAssignment:
    """Put a member of the shift's team on it. Refuses someone from another team or already on an
    overlapping shift."""
    _rota_check(actor, shift.team_id)
    if user.team_id != shift.team_id:
        raise DomainError(f"{user} is not in team {shift.team.code}.", field="user")
    overlapping = ShiftAssignment.objects.filter(
        user=user, shift__starts_at__lt=shift.ends_at, shift__ends_at__gt=shift.starts_at
    )
    if overlapping.filter(shift=shift).exists():
        raise DomainError(f"{user} is already on this shift.", field="user")
    if overlapping.exists():
        raise DomainError(f"{user} is already on an overlapping shift.", field="user")
    assignment = ShiftAssignment(shift=shift, user=user)
    assignment._change_reason = f"Rostered by {actor.username if actor else 'system'}"  # type: ignore[attr-defined]
    assignment.save()
    return assignment


@transaction.atomic
def absence_record(
    *, user: User, kind: str, starts_on: date, ends_on: date, actor: User | None, note: str = ""
) -> Absence:
    _rota_check(actor, user.team_id)
    if kind not in Absence.Kind.values:
        raise DomainError(f"Unknown absence kind {kind!r}.", field="kind")
    if ends_on < starts_on:
        raise DomainError("The absence cannot end before it starts.", field="ends_on")
    absence = Absence(
        user=user, kind=kind, starts_on=starts_on, ends_on=ends_on, note=note.strip(), recorded_by=actor
    )
    absence._change_reason = f"{kind} recorded by {actor.username if actor else 'system'}"  # type: ignore[attr-defined]
    absence.save()
    return absence


@transaction.atomic
def coverage_requirement_set(
    *, team: Team, area: str, skill: str, minimum: int, actor: User | None
) -> CoverageRequirement:
    """Set (create or change) the minimum number of people holding `skill` on each shift for an area."""
    if area not in WorkArea.values:
        raise DomainError(f"Unknown work area {area!r}.", field="area")
    if skill not in Skill.values:
        raise DomainError(f"Unknown skill {skill!r}.", field="skill")
    if minimum < 1:
        raise DomainError("The minimum must be at least 1.", field="minimum")
    _rota_check(actor, team.pk)
    requirement = CoverageRequirement.objects.select_for_update().filter(team=team, area=area).first()
    if requirement is None:
        requirement = CoverageRequirement(team=team, area=area)
    requirement.skill = skill
    requirement.minimum = minimum
    requirement._change_reason = f"Coverage set by {actor.username if actor else 'system'}"  # type: ignore[attr-defined]
    requirement.save()
    return requirement
