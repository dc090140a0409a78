"""Headless Chromium signs in through the real login page and sees the role's navigation."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from conftest import axe_violations, login, screenshot

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_a_sergeant_signs_in_and_sees_the_sergeant_navigation(
    page: Any, make_user: Callable[..., Any]
) -> None:
    make_user("sergeant", username="sgt.e2e", password="correct-horse-battery", first_name="Sasha")
    page.goto("/")
    assert "/accounts/login/" in page.url
    screenshot(page, "01-sign-in")
    assert axe_violations(page) == []
    login(page, "sgt.e2e", "correct-horse-battery")
    page.wait_for_selector("nav[aria-label=Main]")
    links = page.locator("nav[aria-label=Main] a").all_inner_texts()
    assert "Teams" in links and "Home" in links
    assert page.locator("h1").inner_text() == "Sergeant home"
    screenshot(page, "02-home")
    assert axe_violations(page) == []


def test_a_wrong_password_keeps_the_user_out(page: Any, make_user: Callable[..., Any]) -> None:
    make_user("recorder", username="rec.e2e", password="correct-horse-battery")
    login(page, "rec.e2e", "wrong-password-entirely")
    assert page.locator(".error-summary").is_visible()
    assert "/accounts/login/" in page.url
