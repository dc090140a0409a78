"""In headless Chromium: the pages and the API docs work under the Content-Security-Policy, with
nothing loaded from another site; the lockout page is what a person sees after repeated failures."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from conftest import login, screenshot

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def _watch(page: Any, origin: str) -> tuple[list[str], list[str]]:
    violations: list[str] = []
    foreign: list[str] = []
    page.on(
        "console",
        lambda msg: violations.append(msg.text) if "Content Security Policy" in msg.text else None,
    )
    page.on(
        "request",
        lambda req: foreign.append(req.url) if not req.url.startswith((origin, "data:")) else None,
    )
    return violations, foreign


def test_the_api_docs_render_under_the_csp_from_resolve_alone(
    page: Any, live_server: Any, make_user: Callable[..., Any]
) -> None:
    make_user("manager", username="mgr.docs", password="correct-horse-battery")
    violations, foreign = _watch(page, live_server.url)
    login(page, "mgr.docs", "correct-horse-battery")
    page.wait_for_selector("nav[aria-label=Main]")
    page.goto("/api/v1/docs/")
    page.wait_for_selector(".opblock", timeout=30000)  # operations listed: the schema loaded and rendered
    assert "Resolve API" in page.locator(".info .title").inner_text()
    screenshot(page, "api-docs")
    assert violations == []
    assert foreign == []


def test_home_has_no_csp_violations(page: Any, live_server: Any, make_user: Callable[..., Any]) -> None:
    make_user("sergeant", username="sgt.csp", password="correct-horse-battery")
    violations, foreign = _watch(page, live_server.url)
    login(page, "sgt.csp", "correct-horse-battery")
    page.wait_for_selector("nav[aria-label=Main]")
    page.goto("/staffing/teams/")
    assert violations == [] and foreign == []


def test_repeated_wrong_passwords_show_the_lockout_page(page: Any, make_user: Callable[..., Any]) -> None:
    make_user("recorder", username="rec.lock", password="correct-horse-battery")
    for _ in range(5):
        login(page, "rec.lock", "not-the-password")
    page.wait_for_selector("h1")
    assert page.locator("h1").inner_text() == "Sign-in is locked for now"
    screenshot(page, "locked-out")
