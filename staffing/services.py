"""Every write to people, teams and the access log."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from rest_framework.authtoken.models import Token

from config.exceptions import DomainError
from staffing.models import AccessLog, Team, User


@transaction.atomic
def team_create(
    *, code: str, name: str, capacity: int = Team.DEFAULT_CAPACITY, actor: User | None = None
) -> Team:
    if capacity < 1:
        raise DomainError("Capacity must be at least 1 investigator.", field="capacity")
    if Team.objects.filter(code=code).exists():
        raise DomainError(f"Team {code!r} already exists.", field="code")
    team = Team(code=code, name=name, capacity=capacity)
    team._change_reason = "Team created"  # type: ignore[attr-defined]
    team.full_clean()
    team.save()
    return team


def team_investigator_count(*, team: Team, excluding: User | None = None) -> int:
    members = team.members.filter(role=User.Role.INVESTIGATOR, is_active=True)
    if excluding is not None and excluding.pk:
        members = members.exclude(pk=excluding.pk)
    return members.count()


@transaction.atomic
def user_create_or_update(
    *,
    username: str,
    role: str,
    team_code: str | None = None,
    password: str | None = None,
    actor: User | None = None,
    reason: str = "",
    **extra: Any,
) -> tuple[User, bool]:
    """Create the user, or change the role/team of an existing one. Refuses a bad role, an unknown team,
    or a team already holding its capacity of investigators; nothing is changed then."""
    if role not in User.Role.values:
        raise DomainError(
            f"Unknown role {role!r}; choose one of: {', '.join(User.Role.values)}.", field="role"
        )
    team: Team | None = None
    if team_code:
        # Lock the team row so two concurrent additions cannot both take its last place.
        team = Team.objects.select_for_update().filter(code=team_code).first()
        if team is None:
            raise DomainError(f"Unknown team {team_code!r}.", field="team")
    user = User.objects.filter(username=username).first()
    created = user is None
    if user is None:
        user = User(username=username)
    if team is not None and role == User.Role.INVESTIGATOR:
        already_there = (
            user.pk is not None and user.team_id == team.pk and user.role == User.Role.INVESTIGATOR
        )
        if not already_there and team_investigator_count(team=team, excluding=user) >= team.capacity:
            raise DomainError(
                f"Team {team.code!r} is full: it already has {team.capacity} investigators.", field="team"
            )
    user.role = role
    if team is not None:
        user.team = team
    for key, value in extra.items():
        setattr(user, key, value)
    if created:
        if password:
            user.set_password(password)
        else:
            user.set_unusable_password()
    elif password:
        user.set_password(password)
    user._change_reason = reason or ("User created" if created else "Role/team changed")  # type: ignore[attr-defined]
    user.save()
    if team is not None and role == User.Role.SERGEANT and team.sergeant_id is None:
        team.sergeant = user
        team._change_reason = f"{user.username} made the team's sergeant"  # type: ignore[attr-defined]
        team.save(update_fields=["sergeant", "updated_at"])
    return user, created


def user_token(*, user: User) -> str:
    token, _ = Token.objects.get_or_create(user=user)
    return token.key


def access_log_record(
    *,
    user: User,
    record_type: str,
    record_id: object,
    label: str = "",
    purpose: str = "",
    action: str = "view",
    path: str = "",
) -> AccessLog:
    """Log one access to a restricted record. Called by every view of such a record."""
    return AccessLog.objects.create(
        user=user,
        record_type=record_type,
        record_id=str(record_id),
        record_label=label[:200],
        purpose=purpose[:300],
        action=action,
        path=path[:300],
    )
