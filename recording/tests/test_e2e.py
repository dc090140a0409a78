"""Headless Chromium: a recorder makes a recording decision and records the crimes; a sergeant sees them."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from conftest import screenshot, sign_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_a_recorder_decides_and_records_two_crimes_without_javascript_rows(
    page: Any, make_user: Callable[..., Any]
) -> None:
    from staffing.reference import reference_load

    reference_load()
    make_user("recorder", username="rec.e2e", password="correct-horse-battery")
    sign_in(page, "rec.e2e")
    page.click("nav[aria-label=Main] >> text=Record a crime")
    assert page.locator("h1").inner_text() == "Recording decision"
    page.fill("#id_reported_at", "2026-11-01T10:00")
    page.fill("#id_victims-0-name", "Ann Smith")
    page.click("button[value=add-victims]")
    assert page.input_value("#id_victims-1-ref") == "V2"
    page.fill("#id_victims-1-name", "Ben Jones")
    page.fill("#id_alleged-0-offence", "8N")
    page.click("button[value=add-alleged]")
    assert page.is_checked("#id_alleged-1-believed")
    page.fill("#id_alleged-1-victim", "V2")
    page.fill("#id_alleged-1-offence", "105A")
    page.click("button[value=decide]")
    page.wait_for_selector("#decision-heading")
    assert "R-ONE-PER-VICTIM" in page.locator("section").inner_text()
    screenshot(page, "01-decision")
    page.click("button[value=record]")
    page.wait_for_selector(".message-success")
    assert "Recorded 2 crime(s)" in page.locator(".message-success").inner_text()
    screenshot(page, "02-recorded")
    page.locator("table a").first.click()
    assert page.locator("h1").inner_text().startswith("Crime XX/")
    assert "Audit trail" in page.content()
    screenshot(page, "03-crime-detail")
