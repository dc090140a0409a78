"""Helpers shared by the crime-recording services."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.utils import timezone

from config.exceptions import DomainError
from config.permissions import Role
from recording import lifecycle, mopi
from recording.models import (
    Crime,
)
from recording.permissions import crime_scope_refusal
from staffing import rules as staffing_rules
from staffing.models import User


def require_reason(reason: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise DomainError("Give a reason.", field="reason")
    return reason


def require_past_time(moment: datetime, *, field: str, future: str, slack: timedelta = timedelta(0)) -> None:
    """A time a person or a feed gives: it must carry its zone (a naive time would be read in whatever zone
    the server runs, and cannot be compared with now) and must not lie ahead of now, `slack` allowing for a
    device clock a few minutes fast. `future` is the refusal in the caller's own words."""
    if timezone.is_naive(moment):
        raise DomainError("Give the time with a time zone.", field=field)
    if moment > timezone.now() + slack:
        raise DomainError(future, field=field)


def lock_crime(crime: Crime) -> Crime:
    return Crime.objects.select_for_update(of=("self",)).select_related("offence").get(pk=crime.pk)


def require_supervisor(actor: User, what: str) -> None:
    if actor.role not in Role.SUPERVISORS:
        raise DomainError(f"Only a sergeant, manager or admin may {what}.", field="decided_by")


def team_scope_refusal(actor: User, crime: Crime, what: str) -> str | None:
    """None when a supervisor may decide or change this crime's work, else why not: a sergeant acts on
    their own team's crimes (and on those no team holds yet), managers and admins across teams."""
    return staffing_rules.team_scope_refusal(
        actor_role=actor.role, actor_team_id=actor.team_id, work_team_id=crime.team_id, what=what
    )


def crime_change_refusal(actor: User, crime: Crime, what: str) -> str | None:
    """None when `actor` may change this crime's status or outcome, else why not: only its owner, a
    sergeant of its team, or a manager or admin (issue 17: investigators and recorders of other teams
    finalised crimes they did not own)."""
    if crime.owner_id is not None and crime.owner_id == actor.pk:
        return None
    if actor.role in Role.SUPERVISORS:
        return team_scope_refusal(actor, crime, what)
    return f"Only the crime's owner, their team's sergeant or a manager may {what}."


def require_crime_changer(actor: User, crime: Crime, what: str) -> None:
    refusal = crime_change_refusal(actor, crime, what)
    if refusal:
        raise DomainError(refusal, field="non_field_errors")


def require_crime_team(actor: User, crime: Crime, what: str) -> None:
    """Team scope on a change to the crime's own record (its assessment, victims, suspects; issue 20
    part 6): the same question allocation and incident links ask, recording.permissions
    .crime_scope_refusal. A recorder of another team screened out or re-graded a crime they could see."""
    refusal = crime_scope_refusal(actor, crime, what)
    if refusal:
        raise DomainError(refusal, field="non_field_errors")


def move_status(crime: Crime, new: str) -> None:
    error = lifecycle.transition_error(crime.status, new)
    if error:
        raise DomainError(error, field="status")
    crime.status = new


def set_review_on(crime: Crime, closed_at: datetime) -> None:
    """MoPI: the date this finalised or cancelled crime is next reviewed for retention (local policy
    RESOLVE_MOPI_REVIEW_YEARS, see recording.mopi). The caller saves `review_on`."""
    group = mopi.OffenceGroup(
        category=crime.offence.category,
        restricted=crime.restricted or crime.offence.restricted,
        seriousness_rank=crime.offence.seriousness_rank,
    )
    crime.review_on = mopi.review_on(group, timezone.localdate(closed_at), settings.RESOLVE_MOPI_REVIEW_YEARS)
