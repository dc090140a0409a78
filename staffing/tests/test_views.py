from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client

from staffing.tests.factories import TeamFactory

pytestmark = pytest.mark.django_db


def test_home_without_a_session_redirects_to_sign_in(client: Client) -> None:
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_the_sign_in_page_has_username_password_and_one_submit(client: Client) -> None:
    html = client.get("/accounts/login/").content.decode()
    assert 'name="username"' in html and 'name="password"' in html
    assert html.count('type="submit"') == 1
    assert '<label for="id_username">' in html


def test_signing_in_leads_home_with_role_navigation(client: Client, make_user: Callable[..., Any]) -> None:
    make_user("sergeant", username="sgt", password="correct-horse-battery")
    response = client.post(
        "/accounts/login/", {"username": "sgt", "password": "correct-horse-battery"}, follow=True
    )
    html = response.content.decode()
    assert response.redirect_chain[-1][0] == "/"
    assert '<nav aria-label="Main">' in html
    assert 'href="/staffing/teams/"' in html


def test_a_recorder_does_not_see_the_team_link(client: Client, make_user: Callable[..., Any]) -> None:
    client.force_login(make_user("recorder"))
    html = client.get("/").content.decode()
    assert 'href="/staffing/teams/"' not in html
    assert 'href="/recording/reference/offences/"' in html


def test_a_wrong_password_shows_an_error(client: Client, make_user: Callable[..., Any]) -> None:
    make_user("recorder", username="rec", password="correct-horse-battery")
    html = client.post("/accounts/login/", {"username": "rec", "password": "nope"}).content.decode()
    assert "error-summary" in html


def test_team_page_lists_teams(client: Client, make_user: Callable[..., Any]) -> None:
    client.force_login(make_user("manager"))
    TeamFactory(code="RC-Q", name="Quebec")
    assert "Quebec" in client.get("/staffing/teams/").content.decode()


def test_offence_search(client: Client, make_user: Callable[..., Any], reference_data: None) -> None:
    client.force_login(make_user("recorder"))
    html = client.get("/recording/reference/offences/?q=8N").content.decode()
    assert "Assault with injury" in html
    assert "Murder" not in html


def test_healthz(client: Client) -> None:
    assert client.get("/healthz/").json() == {"status": "ok"}


def test_logout_needs_post_and_ends_the_session(client: Client, make_user: Callable[..., Any]) -> None:
    client.force_login(make_user("recorder"))
    client.post("/accounts/logout/")
    assert client.get("/").status_code == 302
