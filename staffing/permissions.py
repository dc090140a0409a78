"""Object permissions for staffing records (the `rules` package). Only this file imports it."""

from __future__ import annotations

from typing import Any

import rules

MANAGERS = ("manager", "admin")


@rules.predicate
def is_manager(viewer: Any) -> bool:
    return bool(viewer and viewer.is_authenticated and viewer.is_active and viewer.role in MANAGERS)


@rules.predicate
def is_own_sergeant(viewer: Any, subject: Any) -> bool:
    """The sergeant of the subject's team (Team.sergeant), not any sergeant, and not about themselves."""
    team = getattr(subject, "team", None)
    return bool(
        viewer
        and viewer.pk != subject.pk
        and viewer.is_authenticated
        and viewer.is_active
        and viewer.role == "sergeant"
        and team is not None
        and team.sergeant_id == viewer.pk
    )


view_personnel_notes = is_manager | is_own_sergeant


def can_view_personnel_notes(viewer: Any, subject: Any) -> bool:
    return bool(view_personnel_notes.test(viewer, subject))
