"""Who may see and decide what in crime recording (object-level need-to-know rules)."""

from __future__ import annotations

from typing import Any

import rules as django_rules
from django.conf import settings  # the django-rules package (recording.rules is the pure engine)

from config.permissions import Role
from staffing import rules as staffing_rules
from staffing.models import Skill
from staffing.services import user_has_skill

SEE_ALL_RESTRICTED = frozenset({Role.SERGEANT, Role.MANAGER, Role.ADMIN})


def is_supervisor(user: Any) -> bool:
    return bool(user and user.is_authenticated and getattr(user, "role", None) in Role.SUPERVISORS)


def is_ddm(user: Any) -> bool:
    """A designated decision maker for cancellations (R-CANCEL-DDM): an active user holding a valid
    (trained, unexpired) training record for the DDM skill today. The skill is the one source of truth:
    training is recorded, expires and is audited in staffing. The extra rules (sergeant rank or above for
    rape and serious sexual offences, never the requester) are applied on top by
    lifecycle.ddm_may_decide."""
    if not (user and user.is_authenticated and user.is_active):
        return False
    return user_has_skill(user, Skill.DDM)


def can_view_crime(user: Any, crime: Any) -> bool:
    """R-RESTRICTED: a restricted crime is visible to sergeants, managers and admins, to who recorded it,
    its owner, and an investigator holding one of its enquiries (as recording.selectors.crime_visible)."""
    if not (user and user.is_authenticated and getattr(user, "role", None) in Role.CRIME_STAFF):
        return False
    if not crime.restricted:
        return True
    if user.role in SEE_ALL_RESTRICTED or user.pk in (crime.owner_id, crime.recorded_by_id):
        return True
    return bool(crime.enquiries.filter(assigned_to=user).exists())


def can_view_transfer(user: Any, transfer: Any) -> bool:
    """A transfer is as visible as its crime. An incoming one has no crime yet but carries the report
    (offence, summary, the victim's name): for a restricted offence only those who see every restricted
    crime and the person who registered it (issue 17: rape transfers were listed to everyone)."""
    if transfer.crime_id is not None:
        return can_view_crime(user, transfer.crime)
    if not (user and user.is_authenticated and getattr(user, "role", None) in Role.CRIME_STAFF):
        return False
    restricted = transfer.offence is not None and transfer.offence.restricted
    return not restricted or user.role in SEE_ALL_RESTRICTED or transfer.requested_by_id == user.pk


def can_view_incident(user: Any, incident: Any) -> bool:
    """An incident of the command-and-control log is as visible as every crime recorded from it: one
    linked to a restricted crime the user may not see is hidden, with its summary and crime number; one
    with a need-to-know NSIR code is seen only by those with a part in it (recording.selectors
    .incident_visible is the same rule as a query)."""
    if not (user and user.is_authenticated and getattr(user, "role", None) in Role.CRIME_STAFF):
        return False
    if user.role in SEE_ALL_RESTRICTED:
        return True
    crimes = list(incident.crimes.all())
    if not all(can_view_crime(user, crime) for crime in crimes):
        return False
    if incident.nsir_code.code not in settings.RESOLVE_RESTRICTED_NSIR_CODES:
        return True
    # A need-to-know NSIR code (R-RESTRICTED): its opener, and who owns, recorded or holds an enquiry on
    # a crime recorded from it (as recording.selectors.incident_visible).
    return incident.opened_by_id == user.pk or any(
        user.pk in (crime.owner_id, crime.recorded_by_id) or crime.enquiries.filter(assigned_to=user).exists()
        for crime in crimes
    )


# ---------------------------------------------------------------- team scope (issue 20 part 6)
# One question per kind of record, asked by every path that changes it or who holds it: the page, the
# API and the allocation service (through the kind's WorkKind.change_refusal) call the same function.


def crime_scope_refusal(user: Any, crime: Any, what: str) -> str | None:
    """None when `user`'s team may change this crime or who holds it (link or unlink an incident,
    allocate, reassign or complete its allocation), else why not: its own team, or anyone while no team
    holds it; managers and admins across teams."""
    return staffing_rules.own_team_refusal(
        actor_role=getattr(user, "role", ""),
        actor_team_id=getattr(user, "team_id", None),
        work_team_id=crime.team_id,
        what=what,
    )


def transfer_scope_refusal(user: Any, transfer: Any, what: str) -> str | None:
    """A transfer is its crime's team's work (an incoming one, with no crime yet, is nobody's team's)."""
    if transfer.crime_id is None:
        return None
    return crime_scope_refusal(user, transfer.crime, what)


def awaiting_scope_refusal(user: Any, row: Any, what: str) -> str | None:
    """None when `user`'s team may record or close this report awaiting the victim, else why not: the
    team of whoever saved it (kept on the report), or anyone when it has none; managers and admins
    across teams."""
    return staffing_rules.own_team_refusal(
        actor_role=getattr(user, "role", ""),
        actor_team_id=getattr(user, "team_id", None),
        work_team_id=row.team_id,
        what=what,
    )


# The same predicates, registered with django-rules for `user.has_perm(name, obj)` checks elsewhere
# (templates, other apps) through rules.permissions.ObjectPermissionBackend.
@django_rules.predicate
def _may_view_crime(user: Any, crime: Any) -> bool:
    return crime is not None and can_view_crime(user, crime)


@django_rules.predicate
def _is_ddm(user: Any) -> bool:
    return is_ddm(user)


django_rules.set_perm("recording.view_crime_record", _may_view_crime)
django_rules.set_perm("recording.decide_cancellation", _is_ddm)
