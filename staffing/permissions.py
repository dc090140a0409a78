"""Object permissions for staffing records (the `rules` package). Only this file imports it."""

from __future__ import annotations

from typing import Any

import rules

from config.permissions import Role

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


@rules.predicate
def is_someone_else(viewer: Any, subject: Any) -> bool:
    return bool(viewer and subject and viewer.pk != subject.pk)


# Nobody reads or adds to their own notes, a manager or an administrator included: the notes are about
# them, kept by those who supervise them (issue 20).
view_personnel_notes = (is_manager | is_own_sergeant) & is_someone_else


def can_view_personnel_notes(viewer: Any, subject: Any) -> bool:
    return bool(view_personnel_notes.test(viewer, subject))


# Who uses letters (issue 22), the same on the pages and in the API: advisors read templates, managers
# keep them; anyone who writes to complainants or victims drafts letters.
TEMPLATE_READERS = (Role.ADVISOR, Role.MANAGER, Role.ADMIN)
TEMPLATE_WRITERS = (Role.MANAGER, Role.ADMIN)
LETTER_WRITERS = (Role.INVESTIGATOR, Role.SERGEANT, Role.ADVISOR, Role.MANAGER, Role.ADMIN)
