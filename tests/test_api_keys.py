"""API keys (issue 20 part 6): nobody but its owner ever holds a key, so the access log always names
the person who really acted; a key stops working when its owner's password or role changes."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client
from rest_framework.test import APIClient

from config.exceptions import DomainError
from config.permissions import Role
from staffing.models import ApiKey, User
from staffing.services import api_key_issue, user_create_or_update, user_token

pytestmark = pytest.mark.django_db


def _api(key: str) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    return client


def _works(key: str) -> bool:
    return _api(key).get("/api/v1/me/").status_code == 200


def _page(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_the_admin_site_never_shows_nor_makes_a_key(make_user: Callable[..., Any]) -> None:
    """The admin once listed every user's DRF token and made new ones: an administrator could act as
    anyone, and the access log blamed the person impersonated."""
    owner = make_user(Role.RECORDER)
    key = user_token(user=owner)
    api_key = ApiKey.objects.get(user=owner)
    admin_client = _page(make_user(Role.ADMIN, is_staff=True, is_superuser=True))
    assert admin_client.get("/admin/authtoken/tokenproxy/").status_code == 404
    assert admin_client.get("/admin/authtoken/").status_code == 404
    pages = [
        admin_client.get("/admin/"),
        admin_client.get("/admin/staffing/apikey/"),
        admin_client.get(f"/admin/staffing/apikey/{api_key.pk}/change/"),
        admin_client.get(f"/admin/staffing/apikey/{api_key.pk}/history/"),
        admin_client.get(f"/admin/staffing/user/{owner.pk}/change/"),
    ]
    for response in pages:
        assert response.status_code == 200
        assert key not in response.content.decode()
    assert api_key.digest not in pages[2].content.decode()
    assert admin_client.get("/admin/staffing/apikey/add/").status_code == 403
    assert admin_client.post("/admin/staffing/apikey/add/", {"user": owner.pk}).status_code == 403
    assert ApiKey.objects.count() == 1
    # Only a digest is stored: the database holds nothing to sign in with.
    assert key not in str(ApiKey.objects.values_list().get())


def test_the_admin_can_only_revoke_a_key_and_the_revocation_is_audited(make_user: Callable[..., Any]) -> None:
    owner = make_user(Role.RECORDER)
    key = user_token(user=owner)
    admin_user = make_user(Role.ADMIN, is_staff=True, is_superuser=True)
    api_key = ApiKey.objects.get(user=owner)
    response = _page(admin_user).post(
        "/admin/staffing/apikey/", {"action": "revoke", "_selected_action": [api_key.pk]}
    )
    assert response.status_code == 302
    assert not _works(key)
    api_key.refresh_from_db()
    assert (api_key.revoked_by, api_key.revoked_at is not None) == (admin_user, True)
    assert api_key.history.first().history_change_reason.startswith(f"Revoked by {admin_user.username}")
    # Nor can anyone make a key for someone else through the service behind the profile page.
    with pytest.raises(DomainError, match="Only its owner"):
        api_key_issue(user=owner, actor=admin_user)


def test_a_person_makes_rotates_and_revokes_their_own_key_on_their_profile(
    make_user: Callable[..., Any],
) -> None:
    owner = make_user(Role.INVESTIGATOR)
    page = _page(owner)
    assert "You have no API key" in page.get("/staffing/profile/").content.decode()
    made = page.post("/staffing/profile/", {"action": "issue"})
    assert made.status_code == 200
    assert made["Cache-Control"] == "no-store"
    first = made.context["new_key"]
    assert first in made.content.decode()
    assert _works(first)
    # Shown once: the next visit shows only its first characters.
    again = page.get("/staffing/profile/").content.decode()
    assert first not in again
    assert first[:8] in again
    second = page.post("/staffing/profile/", {"action": "issue"}).context["new_key"]
    assert (_works(first), _works(second)) == (False, True)
    page.post("/staffing/profile/", {"action": "revoke"})
    assert not _works(second)


def test_a_password_change_stops_the_key(make_user: Callable[..., Any]) -> None:
    owner = make_user(Role.RECORDER)
    key = user_token(user=owner)
    assert _works(key)
    owner.set_password("a-brand-new-passphrase-9")
    owner.save()
    response = _api(key).get("/api/v1/me/")
    assert response.status_code == 401
    assert "password or role changed" in response.json()["detail"]


def test_a_password_changed_by_a_raw_update_stops_the_key_too(make_user: Callable[..., Any]) -> None:
    owner = make_user(Role.RECORDER)
    key = user_token(user=owner)
    User.objects.filter(pk=owner.pk).update(password="!unusable")
    assert not _works(key)


def test_a_role_change_stops_the_key(make_user: Callable[..., Any]) -> None:
    owner = make_user(Role.SERGEANT)
    key = user_token(user=owner)
    user_create_or_update(username=owner.username, role=Role.RECORDER, reason="Stepped down")
    assert not _works(key)
    # A new key under the new role works, with the new role's rights.
    fresh = user_token(user=User.objects.get(pk=owner.pk))
    assert _api(fresh).get("/api/v1/me/").json()["role"] == Role.RECORDER


def test_a_role_changed_in_the_admin_stops_the_key(make_user: Callable[..., Any]) -> None:
    owner = make_user(Role.MANAGER)
    key = user_token(user=owner)
    admin_client = _page(make_user(Role.ADMIN, is_staff=True, is_superuser=True))
    form = admin_client.get(f"/admin/staffing/user/{owner.pk}/change/").context["adminform"].form
    data = {
        k: v for k, v in form.initial.items() if v is not None and k not in ("groups", "user_permissions")
    }
    data.update(role=Role.RECORDER, team="", date_joined_0="01/01/2026", date_joined_1="09:00:00")
    data.pop("date_joined", None)
    data.pop("last_login", None)
    response = admin_client.post(f"/admin/staffing/user/{owner.pk}/change/", data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert User.objects.get(pk=owner.pk).role == Role.RECORDER
    assert not _works(key)
