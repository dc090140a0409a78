"""A person makes their own API key on their profile page, sees it once, and a program uses it
(issue 20 part 6)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from conftest import axe_violations, screenshot, sign_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PASSWORD = "correct-horse-battery"


def test_a_person_makes_their_key_on_their_profile_and_a_program_uses_it(
    page: Any, make_user: Callable[..., Any]
) -> None:
    make_user("investigator", username="ivan", password=PASSWORD, first_name="Ivan", last_name="Ives")
    sign_in(page, "ivan")
    page.click("text=Ivan Ives")
    assert page.locator("h1").inner_text() == "Your profile"
    assert "You have no API key" in page.content()
    page.click("text=Make a key")
    key = page.input_value("#new-key")
    assert len(key) == 40
    screenshot(page, "01-new-key")
    assert axe_violations(page) == []
    me = page.request.get("/api/v1/me/", headers={"Authorization": f"Token {key}"})
    assert me.status == 200 and me.json()["username"] == "ivan"
    page.goto("/staffing/profile/")
    assert key not in page.content()
    assert key[:8] in page.content()
    page.click("text=Revoke my key")
    assert "revoked" in page.locator(".messages").inner_text()
    again = page.request.get("/api/v1/me/", headers={"Authorization": f"Token {key}"})
    assert again.status == 401
