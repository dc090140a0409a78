"""Who may see and decide what in crime recording (object-level need-to-know rules)."""

from __future__ import annotations

from typing import Any

import rules as django_rules  # the django-rules package (recording.rules is the pure engine)

from config.permissions import Role

SEE_ALL_RESTRICTED = frozenset({Role.SERGEANT, Role.MANAGER, Role.ADMIN})


def is_supervisor(user: Any) -> bool:
    return bool(user and user.is_authenticated and getattr(user, "role", None) in Role.SUPERVISORS)


def is_ddm(user: Any) -> bool:
    """A designated decision maker for cancellations (R-CANCEL-DDM): holds the
    `recording.approve_cancellation` permission (granted directly, through a group, or by the DDM skill
    once staffing wires it). Superusers hold every permission."""
    return bool(
        user and user.is_authenticated and user.is_active and user.has_perm("recording.approve_cancellation")
    )


def can_view_crime(user: Any, crime: Any) -> bool:
    """R-RESTRICTED: a restricted crime is visible only to sergeants, managers, admins and its owner."""
    if not (user and user.is_authenticated and getattr(user, "role", None) in Role.CRIME_STAFF):
        return False
    if not crime.restricted:
        return True
    return user.role in SEE_ALL_RESTRICTED or crime.owner_id == user.pk


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
