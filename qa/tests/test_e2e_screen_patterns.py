"""Key journey in headless Chromium: a manager opens the screen's pattern data from the navigation, tries
to publish a version that does not compile (refused, the place named, nothing kept), fixes it and
publishes a new version that is then in force."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from conftest import axe_violations, screenshot, sign_in
from qa.models import ScreenPatternVersion
from qa.screen.defaults import default_pattern_set

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_a_manager_publishes_a_new_version_of_the_patterns(page: Any, make_user: Callable[..., Any]) -> None:
    make_user("manager", username="mgr.screen", password="correct-horse-battery")
    sign_in(page, "mgr.screen")
    page.click("nav[aria-label=Main] >> text=Screen pattern data")
    assert page.locator("h1").inner_text() == "Hidden-crime screen patterns"
    assert axe_violations(page) == []
    text = page.input_value("#id_text")
    assert "VAP-BATTERY" in text
    page.fill("#id_text", text.replace("thresholds: {crime: 0.6,", "thresholds: {crime: 2,"))
    page.fill("#id_note", "Stricter crime threshold")
    page.click("button:has-text('Publish a new version')")
    assert page.locator(".error-summary").is_visible()
    assert "thresholds.crime" in page.locator(".error-summary").inner_text()
    screenshot(page, "screen-patterns-refused")
    assert not ScreenPatternVersion.objects.exists()
    page.fill("#id_text", text.replace("thresholds: {crime: 0.6,", "thresholds: {crime: 0.65,"))
    page.fill("#id_note", "Stricter crime threshold")
    page.click("button:has-text('Publish a new version')")
    published = default_pattern_set().version + 1  # the next number after the shipped patterns'
    page.wait_for_selector(f"text=Version {published} of the screen's patterns is now in force.")
    assert "Stricter crime threshold" in page.locator("table").inner_text()
    screenshot(page, "screen-patterns-published")
    assert ScreenPatternVersion.objects.get().version == published
