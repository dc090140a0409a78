"""Roles, training and team scope (issue 17): staff flags by role, and who may act on another team's
work."""

from __future__ import annotations

# Role codes as staffing.models.User.Role stores them (this module imports no models).
ADMIN = "admin"
MANAGER = "manager"
SERGEANT = "sergeant"
ACROSS_TEAMS = frozenset({MANAGER, ADMIN})


def staff_flags(*, role: str, is_staff: bool, is_superuser: bool) -> tuple[bool, bool]:
    """The Django staff/superuser flags a role allows: only an administrator may keep them (granting
    them stays a deliberate act); any other role loses both, so a demoted admin loses the admin site."""
    if role == ADMIN:
        return is_staff, is_superuser
    return False, False


def training_refusal(
    *, actor_id: int, actor_role: str, actor_team_id: int | None, user_id: int, user_team_id: int | None
) -> str | None:
    """None when the actor may record training for the user, else why not: nobody records their own; a
    sergeant records it for their own team only; managers and admins for anyone."""
    if actor_id == user_id:
        return "Nobody records their own training: ask your sergeant or a manager."
    if actor_role in ACROSS_TEAMS:
        return None
    if actor_role == SERGEANT:
        if actor_team_id is not None and actor_team_id == user_team_id:
            return None
        return "A sergeant records training only for people in their own team; ask a manager."
    return "Only a sergeant (for their own team), a manager or an admin records training."


def team_scope_refusal(
    *, actor_role: str, actor_team_id: int | None, work_team_id: int | None, what: str
) -> str | None:
    """None when a supervisor may act on work of `work_team_id`, else why not: managers and admins act
    across teams; a sergeant on their own team's work, and on work no team holds yet (nobody else's)."""
    if actor_role in ACROSS_TEAMS:
        return None
    if actor_role == SERGEANT:
        if work_team_id is None or work_team_id == actor_team_id:
            return None
        return f"Only the team's own sergeant or a manager may {what}."
    return f"Only a sergeant, manager or admin may {what}."


def own_team_refusal(
    *, actor_role: str, actor_team_id: int | None, work_team_id: int | None, what: str
) -> str | None:
    """None when anyone may act on work of `work_team_id` as far as teams go, else why not (issue 20 part
    6): managers and admins act across teams; everyone else on their own team's work and on work no team
    holds yet. What a role may do at all is its own check; this is only the team's."""
    if actor_role in ACROSS_TEAMS or work_team_id is None or work_team_id == actor_team_id:
        return None
    return f"This belongs to another team: only that team or a manager may {what}."
