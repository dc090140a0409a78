"""config.access.roles_required: enforces and records the roles of an HTML view (issue 10 part 1)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.http import HttpRequest, HttpResponse
from django.test import Client
from django.views.decorators.http import require_GET

from config.access import declared_roles, roles_required
from config.permissions import Role


def test_it_refuses_an_unknown_or_empty_role_list() -> None:
    with pytest.raises(ValueError):
        roles_required("wizard")
    with pytest.raises(ValueError):
        roles_required()


def test_the_declaration_survives_further_decorators() -> None:
    @require_GET
    @roles_required(Role.MANAGER, Role.ADMIN)
    def view(request: HttpRequest) -> HttpResponse:
        return HttpResponse("ok")

    assert declared_roles(view) == frozenset({"manager", "admin"})


@pytest.mark.django_db
def test_a_role_not_allowed_sees_a_plain_403_page(client: Client, make_user: Callable[..., Any]) -> None:
    client.force_login(make_user("recorder"))
    response = client.get("/staffing/teams/")
    assert response.status_code == 403
    html = response.content.decode()
    assert "<h1>You cannot open this page</h1>" in html
    assert 'href="/"' in html


@pytest.mark.django_db
def test_an_inactive_user_is_refused_even_with_an_allowed_role(
    client: Client, make_user: Callable[..., Any]
) -> None:
    user = make_user("manager")
    client.force_login(user)
    user.is_active = False
    user.save(update_fields=["is_active"])
    # Django no longer treats the session as signed in: back to the sign-in page.
    assert client.get("/staffing/teams/").status_code == 302
