"""Need-to-know for complaint cases (C-DP-SHARING): object rules as `rules` predicates.

Only advisors, managers and admins may see complaint cases; a user named as a subject of a case may
never open it, whatever their role (nor may anyone who could be a subject named by name only, until an
advisor confirms who it is); only managers and admins see equality data (C-DP-MINIMISE)."""

from __future__ import annotations

from typing import Any

import rules

from config.permissions import Role


@rules.predicate
def is_complaints_staff(user: Any) -> bool:
    return bool(
        user and user.is_authenticated and user.is_active and getattr(user, "role", None) in Role.COMPLAINTS
    )


@rules.predicate
def is_complaints_manager(user: Any) -> bool:
    return bool(user and user.is_authenticated and getattr(user, "role", None) in (Role.MANAGER, Role.ADMIN))


@rules.predicate
def is_subject_of_case(user: Any, case: Any) -> bool:
    if case is None:
        return False
    # A subject named by name only holds every account that could be them until an advisor confirms
    # who it is (complaints.rules.subject_match): each of those is treated as the subject.
    return any(
        s.user_id == user.pk or any(c.user_id == user.pk for c in s.candidates.all())
        for s in case.subjects.all()
    )


rules.add_perm("complaints.list_cases", is_complaints_staff)
rules.add_perm("complaints.view_case", is_complaints_staff & ~is_subject_of_case)
rules.add_perm("complaints.view_equality", is_complaints_manager)
rules.add_perm("complaints.reassign_case", is_complaints_manager)
rules.add_perm("complaints.subject_access_export", is_complaints_manager)
# An anonymous complainant's own details (issue 23 part 1): complaints staff who may see the case, each
# unmasking logged (complaints.services.public.complainant_unmask).
rules.add_perm("complaints.unmask_complainant", is_complaints_staff & ~is_subject_of_case)


def can_list(user: Any) -> bool:
    return bool(user.has_perm("complaints.list_cases"))


def can_view_case(user: Any, case: Any) -> bool:
    return bool(user.has_perm("complaints.view_case", case))


def can_view_equality(user: Any) -> bool:
    return bool(user.has_perm("complaints.view_equality"))


def can_reassign(user: Any) -> bool:
    return bool(user.has_perm("complaints.reassign_case"))


def can_export_subject_access(user: Any) -> bool:
    return bool(user.has_perm("complaints.subject_access_export"))


def can_unmask(user: Any, case: Any) -> bool:
    return bool(user.has_perm("complaints.unmask_complainant", case))
