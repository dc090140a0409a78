"""Role-based API permission classes. Object-level need-to-know rules live in each app's
permissions.py (the `rules` package); this file only answers "may this role use this endpoint"."""

from __future__ import annotations

from collections.abc import Collection
from typing import TYPE_CHECKING, Any

from rest_framework.permissions import BasePermission

if TYPE_CHECKING:
    from rest_framework.request import Request
    from rest_framework.views import APIView


class Role:
    RECORDER = "recorder"
    INVESTIGATOR = "investigator"
    SERGEANT = "sergeant"
    ADVISOR = "advisor"
    MANAGER = "manager"
    ADMIN = "admin"

    ALL = (RECORDER, INVESTIGATOR, SERGEANT, ADVISOR, MANAGER, ADMIN)
    CRIME_STAFF = (RECORDER, INVESTIGATOR, SERGEANT, MANAGER, ADMIN)
    SUPERVISORS = (SERGEANT, MANAGER, ADMIN)
    COMPLAINTS = (ADVISOR, MANAGER, ADMIN)


def user_has_role(user: Any, roles: Collection[str]) -> bool:
    return bool(user and user.is_authenticated and user.is_active and getattr(user, "role", None) in roles)


def roles_allowed(*roles: str, write: Collection[str] | None = None) -> type[BasePermission]:
    """A DRF permission class admitting only authenticated users whose role is one of `roles`; with
    `write`, the unsafe methods (POST, PUT, PATCH, DELETE) are for those roles only.

    Unauthenticated callers fail `has_permission` too; DRF then answers 401 because token
    authentication supplies a WWW-Authenticate header. The authorisation matrix test reads `allowed`
    and `allowed_write`."""

    class HasRole(BasePermission):
        message = "Your role may not use this part of Resolve."
        allowed = frozenset(roles)
        allowed_write = frozenset(write) if write is not None else frozenset(roles)

        def has_permission(self, request: Request, view: APIView) -> bool:
            safe = request.method in ("GET", "HEAD", "OPTIONS")
            return user_has_role(request.user, self.allowed if safe else self.allowed_write)

    HasRole.__name__ = "HasRole_" + "_".join(roles)
    return HasRole
