"""Teams, their members and moves, and training."""

from __future__ import annotations

from datetime import date, timedelta

from django.db.models import (
    Count,
    Q,
    QuerySet,
)
from django.utils import timezone

from staffing.models import (
    Team,
    TeamMove,
    TrainingRecord,
    User,
)


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
