"""Who may open each HTML page. Every page declares its roles with `roles_required(*roles)` (or, for
the few pages open to everyone, `public`); the authorisation matrix test (tests/test_authz_matrix.py)
reads the declaration from the view and fails for any page that has none. API views declare theirs
with `config.permissions.roles_allowed(*roles)` in `permission_classes`.

    @roles_required(*Role.SUPERVISORS)
    def team_list(request): ...

    path("x/", roles_required(Role.ADMIN)(SomeView.as_view()), name="x")   # class-based views

No login: a redirect to the sign-in page (then back); for an htmx request, 401 with HX-Redirect so the
whole page goes there. Signed in with a role not listed: 403."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar
from urllib.parse import urlsplit

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseBase

from config.permissions import Role, user_has_role

V = TypeVar("V", bound=Callable[..., Any])

ALLOWED_ROLES_ATTR = "allowed_roles"
PUBLIC_ATTR = "public"


def roles_required(*roles: str) -> Callable[[V], V]:
    """Enforce and record the roles that may use an HTML view (see the module docstring)."""
    unknown = set(roles) - set(Role.ALL)
    if not roles or unknown:
        raise ValueError(f"roles_required needs one or more of {Role.ALL}; got {roles!r}")
    allowed = frozenset(roles)

    def decorator(view: V) -> V:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
            user = request.user
            if not user.is_authenticated:
                if request.headers.get("HX-Request") == "true":
                    return _htmx_to_sign_in(request)
                return redirect_to_login(request.get_full_path())
            if not user_has_role(user, allowed):
                raise PermissionDenied("Your role may not use this part of Resolve.")
            return view(request, *args, **kwargs)

        setattr(wrapped, ALLOWED_ROLES_ATTR, allowed)
        return wrapped  # type: ignore[return-value]

    return decorator


def _htmx_to_sign_in(request: HttpRequest) -> HttpResponse:
    """An htmx fragment request without a session (say, a poll after idle sign-out): tell htmx to load
    the sign-in page as a whole page, coming back to the page the person was on, instead of swapping
    the sign-in form into a corner of the old page."""
    current = urlsplit(request.headers.get("HX-Current-URL", ""))
    back = (current.path + (f"?{current.query}" if current.query else "")) or request.get_full_path()
    response = HttpResponse(status=401)
    response["HX-Redirect"] = redirect_to_login(back)["Location"]
    return response


def public[F: Callable[..., Any]](view: F) -> F:
    """Mark a view as deliberately open without sign-in (the sign-in page, the health check). Each use
    must be listed in SECURITY.md, "Public URLs"."""
    setattr(view, PUBLIC_ATTR, True)
    return view


def declared_roles(view: Callable[..., Any]) -> frozenset[str] | None:
    """The roles an HTML view declared with `roles_required`, or None when it declared none."""
    roles = getattr(view, ALLOWED_ROLES_ATTR, None)
    return frozenset(roles) if roles is not None else None


def is_public(view: Callable[..., Any]) -> bool:
    return bool(getattr(view, PUBLIC_ATTR, False))
