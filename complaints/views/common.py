"""What every complaint page shares: the signed-in user, the role and need-to-know gates,
breadcrumbs, and errors linked to their fields."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, cast

from django import forms as django_forms
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import reverse

from complaints import permissions
from config.access import roles_required
from config.permissions import Role
from staffing.models import User

View = Callable[..., HttpResponse]


def me(request: Any) -> User:
    """The signed-in user (the permission checks have already refused anonymous callers)."""
    return cast(User, request.user)


# Lists and forms: advisors, managers and admins; anyone else 403.
complaints_staff = roles_required(*Role.COMPLAINTS)


def complaints_case(view: View) -> View:
    """A single case: anyone without need-to-know gets 404, so they cannot learn it exists. Every role
    is declared (the matrix then expects 404, not 403, for the others)."""

    @roles_required(*Role.ALL)
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not permissions.can_list(request.user):
            raise Http404("No such complaint case")
        return view(request, *args, **kwargs)

    return wrapper


def crumbs(*items: tuple[str, str | None]) -> list[dict[str, str | None]]:
    crumbs: list[dict[str, str | None]] = [
        {"label": "Home", "url": reverse("home")},
        {"label": "Complaints", "url": reverse("complaints:mine")},
    ]
    crumbs.extend({"label": a, "url": b} for a, b in items)
    return crumbs


def mark_errors(form: django_forms.Form) -> None:
    """Link each field to its error message for screen readers."""
    for name in form.errors:
        if name in form.fields:
            form.fields[name].widget.attrs["aria-describedby"] = f"{form[name].auto_id}_error"
            form.fields[name].widget.attrs["aria-invalid"] = "true"
