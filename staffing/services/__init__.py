"""Every write to people, teams, training, personnel notes and the access log. The rota lives in
`staffing.services.rota`, allocation in `staffing.services.allocation`; both are re-exported here."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from config.exceptions import DomainError
from staffing import rules
from staffing.models import PersonnelNote, Skill, Team, TeamMove, TrainingRecord, User

SUPERVISOR_ROLES = (User.Role.SERGEANT, User.Role.MANAGER, User.Role.ADMIN)


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


def _username_check(username: str) -> None:
    """The admin site's rule for usernames (letters, digits and @.+-_, at most 150), so an account made
    at the command line can always be found, signed in with and edited there."""
    if not username.strip():
        raise DomainError("Give a username.", field="username")
    max_length = User._meta.get_field("username").max_length or 150
    if len(username) > max_length:
        raise DomainError(f"A username has at most {max_length} characters.", field="username")
    try:
        User.username_validator(username)
    except ValidationError as exc:
        raise DomainError(" ".join(exc.messages), field="username") from exc


@transaction.atomic
def user_create_or_update(
    *,
    username: str,
    role: str,
    team_code: str | None = None,
    password: str | None = None,
    actor: User | None = None,
    reason: str = "",
    encoded_password: str | None = None,
    **extra: Any,
) -> tuple[User, bool]:
    """Create the user, or change the role/team of an existing one. Refuses a bad role, an unknown team,
    or a team already holding its capacity of investigators; nothing is changed then. A password is
    given in clear (`password`) or already hashed by `make_password` (`encoded_password`, for many
    logins that share one, as the demo's do)."""
    _username_check(username)
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
    if user is None and (same := User.objects.with_username(username).first()) is not None:
        raise DomainError(
            f"There is already a user {same.username!r}: usernames are the same whatever their case.",
            field="username",
        )
    created = user is None
    old_team_id = None if user is None else user.team_id
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
    if encoded_password:
        user.password = encoded_password
    elif password:
        user.set_password(password)
    elif created:
        user.set_unusable_password()
    user._change_reason = reason or ("User created" if created else "Role/team changed")  # type: ignore[attr-defined]
    user.save()
    if team is not None and team.pk != old_team_id:
        TeamMove.objects.create(
            user=user,
            from_team_id=old_team_id,
            to_team=team,
            moved_at=timezone.now(),
            reason=reason or "create_user",
            moved_by=actor,
        )
    if team is not None and role == User.Role.SERGEANT and team.sergeant_id is None:
        team.sergeant = user
        team._change_reason = f"{user.username} made the team's sergeant"  # type: ignore[attr-defined]
        team.save(update_fields=["sergeant", "updated_at"])
    return user, created


def user_token(*, user: User) -> str:
    """A fresh API key for the user, made at the console (`create_user --token`, tests): any key they
    had stops working."""
    return api_key_issue(user=user, actor=None)


@transaction.atomic
def user_move_team(
    *, user: User, to_team: Team | None, actor: User, reason: str, at: datetime | None = None
) -> TeamMove:
    """Move a person to another team (or out of every team), keeping the history. An investigator may
    only join a team below its capacity; the team row is locked so two moves cannot both take its last
    place. A sergeant leaving a team stops being its sergeant; one joining a team without a sergeant
    becomes it."""
    if not reason.strip():
        raise DomainError("Say why the person is moving.", field="reason")
    user = User.objects.select_for_update().get(pk=user.pk)
    to_team_id = to_team.pk if to_team is not None else None
    if user.team_id == to_team_id:
        raise DomainError(f"{user} is already in that team.", field="to_team")
    # Lock both teams in primary-key order, so opposite moves at the same moment cannot deadlock.
    ids = sorted(pk for pk in (user.team_id, to_team_id) if pk is not None)
    locked = {team.pk: team for team in Team.objects.select_for_update().filter(pk__in=ids).order_by("pk")}
    from_team = locked.get(user.team_id) if user.team_id else None
    if to_team_id is not None:
        to_team = locked[to_team_id]
        if (
            user.role == User.Role.INVESTIGATOR
            and team_investigator_count(team=to_team, excluding=user) >= to_team.capacity
        ):
            raise DomainError(
                f"Team {to_team.code!r} is full: it already has {to_team.capacity} investigators.",
                field="to_team",
            )
    if from_team is not None and from_team.sergeant_id == user.pk:
        from_team.sergeant = None
        from_team._change_reason = f"{user.username} moved away: {reason}"  # type: ignore[attr-defined]
        from_team.save(update_fields=["sergeant", "updated_at"])
    user.team = to_team
    user._change_reason = f"Team move: {reason}"  # type: ignore[attr-defined]
    user.save(update_fields=["team"])
    if to_team is not None and user.role == User.Role.SERGEANT and to_team.sergeant_id is None:
        to_team.sergeant = user
        to_team._change_reason = f"{user.username} made the team's sergeant"  # type: ignore[attr-defined]
        to_team.save(update_fields=["sergeant", "updated_at"])
    move = TeamMove(
        user=user,
        from_team=from_team,
        to_team=to_team,
        moved_at=at or timezone.now(),
        reason=reason.strip(),
        moved_by=actor,
    )
    move._change_reason = reason.strip()  # type: ignore[attr-defined]
    move.save()
    return move


def skill_check(skill: str) -> str:
    if skill not in Skill.values:
        raise DomainError(
            f"Unknown skill {skill!r}; choose one of: {', '.join(Skill.values)}.", field="skill"
        )
    return skill


def user_has_skill(user: User, skill: str, on: date | None = None) -> bool:
    """Whether `user` holds valid (trained, unexpired) training in `skill` on the day `on` (today)."""
    from staffing.selectors import training_valid_q

    day = on or timezone.localdate()
    return TrainingRecord.objects.filter(training_valid_q(day), user=user, skill=skill).exists()


@transaction.atomic
def training_record_add(
    *,
    user: User,
    skill: str,
    trained_on: date,
    expires_on: date | None,
    actor: User,
    evidence: str = "",
) -> TrainingRecord:
    skill_check(skill)
    refusal = rules.training_refusal(
        actor_id=actor.pk,
        actor_role=actor.role,
        actor_team_id=actor.team_id,
        user_id=user.pk,
        user_team_id=user.team_id,
    )
    if refusal:
        raise DomainError(refusal, field="user")
    if expires_on is not None and expires_on < trained_on:
        raise DomainError("The expiry date cannot be before the training date.", field="expires_on")
    if trained_on > timezone.localdate():
        raise DomainError("Training cannot be recorded before it has happened.", field="trained_on")
    record = TrainingRecord(
        user=user,
        skill=skill,
        trained_on=trained_on,
        expires_on=expires_on,
        evidence=evidence.strip(),
        recorded_by=actor,
    )
    # Every grant is audited: who recorded it, for whom, which skill (the history row and its user).
    record._history_user = actor  # type: ignore[attr-defined]
    record._change_reason = f"{skill} training for {user.username} recorded by {actor.username}"  # type: ignore[attr-defined]
    record.full_clean()
    record.save()
    return record


@transaction.atomic
def personnel_note_add(*, subject: User, kind: str, text: str, actor: User) -> PersonnelNote:
    """Add an appraisal or welfare note. Only someone who may read a person's notes may add to them."""
    from staffing.permissions import can_view_personnel_notes

    if not can_view_personnel_notes(actor, subject):
        raise DomainError("Only the person's own sergeant or a manager may add notes.", field="subject")
    if kind not in PersonnelNote.Kind.values:
        raise DomainError(f"Unknown note kind {kind!r}.", field="kind")
    if not text.strip():
        raise DomainError("Write the note.", field="text")
    note = PersonnelNote(subject=subject, kind=kind, text=text.strip(), written_by=actor)
    note._change_reason = f"{kind} note added by {actor.username}"  # type: ignore[attr-defined]
    note.save()
    return note


from staffing.services.access import access_log_record, access_log_records, open_logged  # noqa: E402 - re-exported
from staffing.services.allocation import (  # noqa: E402 - re-exported public API
    Suggestion,
    allocation_assign,
    allocation_complete,
    allocation_current,
    allocation_finish,
    allocation_finish_many,
    allocation_give,
    allocation_give_to,
    allocation_people_for,
    allocation_reassign,
    allocation_scope_refusal,
    allocation_suggest,
    workload_by_person,
)
from staffing.services.api_keys import api_key_issue, api_key_revoke  # noqa: E402 - re-exported
from staffing.services.rota import (  # noqa: E402 - re-exported public API
    absence_record,
    coverage_requirement_set,
    rota_generate,
    rota_refusal,
    shift_assign,
    shift_patterns_ensure,
)

__all__ = [
    "Suggestion",
    "api_key_issue",
    "api_key_revoke",
    "absence_record",
    "access_log_record",
    "access_log_records",
    "open_logged",
    "allocation_assign",
    "allocation_complete",
    "allocation_current",
    "allocation_finish",
    "allocation_finish_many",
    "allocation_give",
    "allocation_give_to",
    "allocation_people_for",
    "allocation_reassign",
    "allocation_scope_refusal",
    "allocation_suggest",
    "coverage_requirement_set",
    "personnel_note_add",
    "rota_generate",
    "rota_refusal",
    "shift_assign",
    "shift_patterns_ensure",
    "skill_check",
    "team_create",
    "training_record_add",
    "user_create_or_update",
    "user_has_skill",
    "user_move_team",
    "user_token",
    "workload_by_person",
]
