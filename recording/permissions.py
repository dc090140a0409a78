"""Who may see and decide what in crime recording (object-level need-to-know rules)."""

from __future__ import annotations

from typing import Any

import rules as django_rules
from django.conf import settings  # the django-rules package (recording.rules is the pure engine)

from config.permissions import Role
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
