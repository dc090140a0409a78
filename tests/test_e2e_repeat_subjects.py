"""An advisor names who an allegation is about from the roster, in a real browser, and the repeat-subject
alert it raises appears (issue 23 part 3)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from complaints.tests.alert_helpers import case_about, roster
from conftest import axe_violations, screenshot, sign_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_an_advisor_attaches_a_subject_from_the_roster_and_the_alert_appears(
    page: Any, make_user: Callable[..., Any], reference_data: None
) -> None:
    roster()
    earlier = case_about("2026-01-05")
    advisor = make_user("advisor", username="adv.roster", password="correct-horse-battery")
    case = case_about("2026-02-16", None, actor=advisor)
    sign_in(page, "adv.roster")
    page.wait_for_selector("nav[aria-label=Main]")
    page.goto(f"/complaints/{case.pk}/")
    assert "nobody named yet" in page.locator("#allegation-subjects").inner_text()
    page.click("text=Name who an allegation is about, from the roster")
    assert axe_violations(page) == []

    # The picker offers people on the roster as one types (htmx fills the datalist).
    page.fill("#id_person", "Rei")
    page.wait_for_selector("#roster-people option[value='4521']", state="attached")
    assert "PC Sam Reid" in page.locator("#roster-people").inner_html()
    page.fill("#id_person", "4521")
    page.check("input[name=allegations]")
    screenshot(page, "repeat-01-attach")
    page.click("button:has-text('Name them on the allegations')")

    page.wait_for_selector("text=Repeat-subject alerts about them: 1.")
    who = page.locator("#allegation-subjects").inner_text()
    assert "Sam Reid (4521)" in who and "Repeat-subject alert" in who
    page.click("#allegation-subjects >> text=2 allegations in 3 months")
    page.wait_for_selector("#alert-threshold")
    assert "2 allegations in 3 months" in page.locator("#alert-threshold").inner_text()
    body = page.locator("main").inner_text()
    assert earlier.reference in body and case.reference in body
    assert "Awaiting a manager" in body
    assert axe_violations(page) == []
    screenshot(page, "repeat-02-alert")
