"""An OPCC resolution advisor takes a complaint from intake to the outcome letter in a real browser."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from conftest import login, screenshot

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_an_advisor_takes_a_complaint_from_intake_to_the_outcome_letter(
    page: Any, make_user: Callable[..., Any], reference_data: None
) -> None:
    make_user("advisor", username="adv.e2e", password="correct-horse-battery", first_name="Ade")
    login(page, "adv.e2e", "correct-horse-battery")
    page.click("nav[aria-label=Main] >> text=My cases")
    assert page.locator("h1").inner_text() == "My cases"
    page.click("text=Log a new complaint")

    # Intake
    page.select_option("#id_channel", "phone")
    page.fill("#id_summary", "The officer did not call me back after my burglary report.")
    page.check("#id_complainant_wants_recording")
    page.fill("#id_name", "Jordan Ellis")
    page.fill("#id_email", "jordan@example.org")
    page.fill("#id_address", "1 High Street\nDemotown")
    page.select_option("#id_preferred_contact", "letter")
    page.check("input[name=adjustments][value=large_print]")
    page.select_option("#id_subject_kind", "officer")
    page.fill("#id_subject_name", "PC Sam Reid")
    page.fill("#id_subject_collar", "4521")
    page.select_option("#id_category", "A1")
    page.fill("#id_allegation", "No call back for two weeks")
    screenshot(page, "01-intake")
    page.click("button:has-text('Create case')")
    page.wait_for_selector("#triage-proposal")
    assert "Large print" in page.locator(".adjustments").inner_text()
    assert "schedule_3_reasonable_and_proportionate" in page.locator("#triage-proposal").inner_text()
    screenshot(page, "02-case")

    # Accept the triage proposal
    page.click("#action-triage summary")
    page.select_option("#id_triage-decision", "accept")
    page.click("#action-triage button[type=submit]")
    page.wait_for_selector("text=Triage decision recorded.")

    # Initial contact, then record under Schedule 3 and hand over to DSE
    page.click("#action-initial_contact summary")
    page.fill("#id_initial_contact-summary", "Wants it recorded; large print letters please")
    page.click("#action-initial_contact button[type=submit]")
    page.wait_for_selector("text=Initial contact logged.")
    page.click("#action-record summary")
    page.fill("#id_record-dse_reference", "DSE/2026/118")
    page.click("#action-record button[type=submit]")
    page.wait_for_selector(".message:has-text('Recorded under Schedule 3.')")

    # A wrong outcome for the route is refused; the right one closes the case
    page.click("#action-close summary")
    options = page.locator("#id_close-outcome option").all_inner_texts()
    assert not any(o.startswith("OS3-") for o in options)
    page.select_option("#id_close-outcome", "S3-SERVICE-NOT-ACCEPTABLE")
    page.fill("#id_close-reason", "Enquiries made; the officer has been reminded to call back.")
    page.click("#action-close button[type=submit]")
    page.wait_for_selector("text=Outcome recorded and case closed.")
    assert "application due by" in page.locator("#review-right").inner_text()
    screenshot(page, "03-closed")

    # The outcome letter, with the right of review
    page.click("#action-letter summary")
    page.select_option("#id_letter-kind", "outcome")
    page.click("#action-letter button[type=submit]")
    page.wait_for_selector("text=Outcome letter issued.")
    href = page.locator("section[aria-labelledby=letters-heading] li a").first.get_attribute("href")
    page.goto(href)
    assert "Your right to a review" in page.content()
    assert "Local policing body" in page.locator("#review-right").inner_text()
    screenshot(page, "04-outcome-letter")
