"""The site's icon: linked from every page, and /favicon.ico answered without a sign-in."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client


@pytest.mark.django_db
def test_favicon_ico_redirects_to_the_static_icon_without_a_sign_in(client: Client) -> None:
    response = client.get("/favicon.ico")
    assert response.status_code == 301 and response["Location"].endswith("favicon.svg")


@pytest.mark.django_db
def test_every_page_links_the_icon(client: Client, make_user: Any) -> None:
    client.force_login(make_user("recorder"))
    assert b'rel="icon"' in client.get("/").content
    assert b'rel="icon"' in Client().get("/accounts/login/").content
