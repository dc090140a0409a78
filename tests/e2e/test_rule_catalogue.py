"""A rule cited in a decision's explanation is one click from its words (issue 16 part 5): the recorder
decides a report, follows R-NCRS-24H from the "Why" list to its page, and finds the rule in the Rules
list from the main navigation."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from conftest import axe_violations, screenshot, sign_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_a_rule_in_a_decision_explanation_links_to_its_words(
    page: Any, make_user: Callable[..., Any], reference_data: None
) -> None:
    make_user("recorder", username="rec.rules", password="correct-horse-battery")
    sign_in(page, "rec.rules", then="/recording/decide/")
    page.fill("#id_reported_at", "2026-02-07T01:20")
    page.fill("#id_summary", "Man punched outside a takeaway.")
    page.fill("#id_location", "High Street takeaway")
    page.fill("#id_victims-0-name", "Alex Morgan")
    page.fill("#id_alleged-0-offence", "8N")
    page.click("button[value=decide]")
    why = page.locator("section[aria-labelledby=decision-heading] ol")
    why.wait_for()
    link = why.locator("a.rule-link", has_text="R-NCRS-24H").first
    assert link.get_attribute("href") == "/staffing/rules/R-NCRS-24H/"
    screenshot(page, "01-decision-with-rule-links")

    link.click()
    page.wait_for_url("**/staffing/rules/R-NCRS-24H/")
    assert page.locator("h1").inner_text() == "R-NCRS-24H"
    words = page.locator(".rule-words").inner_text()
    assert words.startswith("Record at the latest 24 hours after the report first reaches the force")
    assert "HMICFRS glossary" in page.locator("main").inner_text()
    assert page.locator("main a", has_text="Recording decision").count() == 1
    screenshot(page, "02-rule-page")
    assert axe_violations(page) == []

    page.locator("nav[aria-label=Main] a", has_text="Rules").click()
    page.select_option("#id_domain", "complaints")
    page.fill("#id_q", "28 days")
    page.click("main form button[type=submit]")
    rows = page.locator("main table tbody tr")
    assert rows.count() >= 1
    assert all(code.startswith("C-") for code in rows.locator("td:first-child").all_inner_texts())
    screenshot(page, "03-rules-filtered")
    assert axe_violations(page) == []
