"""What the QA pages share: who acts, the supervisors' gate, breadcrumbs and running a service for a
form."""

from __future__ import annotations

from collections.abc import Callable
from typing import cast

from django.forms import Form
from django.http import HttpRequest

from config.access import roles_required
from config.exceptions import DomainError
from config.permissions import Role
from staffing.models import User


def actor_of(request: HttpRequest) -> User:
    return cast(User, request.user)


supervisors = roles_required(*Role.SUPERVISORS)


def crumbs(*items: tuple[str, str | None]) -> list[dict[str, str | None]]:
    return [{"label": label, "url": url} for label, url in items]


def apply_form(form: Form, action: Callable[[], object]) -> bool:
    """Run a service for a valid form; attach a DomainError to the form. True when it succeeded."""
    if not form.is_valid():
        return False
    try:
        action()
    except DomainError as err:
        field = err.field if err.field in form.fields else None
        for named in ("assign_reason", "resolve_reason", "record_reason"):  # the services' "reason"
            if err.field == "reason" and named in form.fields:
                field = named
        form.add_error(field, err.message)
        return False
    return True
