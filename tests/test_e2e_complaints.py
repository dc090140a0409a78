"""An OPCC resolution advisor takes a complaint from intake to the outcome letter in a real browser."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from django.utils import timezone

from complaints import services
from complaints.tests.factories import ComplaintCaseFactory
from conftest import screenshot, sign_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_an_advisor_takes_a_complaint_from_intake_to_the_outcome_letter(
    page: Any, make_user: Callable[..., Any], reference_data: None
) -> None:
    make_user("advisor", username="adv.e2e", password="correct-horse-battery", first_name="Ade")
    sign_in(page, "adv.e2e")
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
    # The facts that decide the route are asked, never pre-answered (issue 16)
    assert page.locator("#id_relevant_offence").input_value() == ""
    page.select_option("#id_subject_of_conduct", "yes")
    page.select_option("#id_serving_officer_same_force", "no")
    page.select_option("#id_affected_only_through_media", "no")
    page.select_option("#id_conduct", "yes")
    page.select_option("#id_relevant_offence", "no")
    page.select_option("#id_injury", "none")
    screenshot(page, "01-intake")
    page.click("button:has-text('Create case')")
    page.wait_for_selector("#triage-proposal")
    assert "Large print" in page.locator(".adjustments").inner_text()
    proposal = page.locator("#triage-proposal").inner_text()
    assert "Schedule 3 – reasonable and proportionate" in proposal and "schedule_3_" not in proposal
    screenshot(page, "02-case")

    # One fact was left unasked, and it would change the review body: accepting waits for the answer
    assert "above chief superintendent" in page.locator("#facts-to-ask").inner_text()
    page.click("#action-triage summary")
    page.select_option("#id_triage-decision", "accept")
    page.click("#action-triage button[type=submit]")
    page.wait_for_selector(".error-summary:has-text('Ask these first')")
    page.click("#action-facts summary")
    page.select_option("#id_facts-allegations__0__about_senior_officer", "no")
    page.click("#action-facts button[type=submit]")
    page.wait_for_selector("text=Answers recorded")
    assert page.locator("#facts-to-ask").count() == 0

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
    options = page.locator("#id_close-outcome option").evaluate_all("os => os.map(o => o.value)")
    assert "S3-SERVICE-NOT-ACCEPTABLE" in options and not any(o.startswith("OS3-") for o in options)
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
    page.wait_for_selector("text=Outcome letter drafted")
    body = page.locator("#id_body").input_value()
    assert "Your right to a review" in body
    assert "Local policing body" in body
    screenshot(page, "04-outcome-letter")


def test_a_review_result_recorded_once_shows_once_in_the_learning_report(
    page: Any, make_user: Callable[..., Any], reference_data: None
) -> None:
    """Issue 15: the result goes on the application itself, and the report counts that application once."""
    advisor = make_user("advisor", username="adv.review", password="correct-horse-battery")
    case = ComplaintCaseFactory(
        actor=advisor, complainant_wants_recording=True, complainant_agrees_outside_schedule_3=False
    )
    services.complaint_triage_decide(case_id=case.pk, actor=advisor, accept=True)
    services.complaint_close(
        case_id=case.pk,
        actor=advisor,
        outcome_code="S3-SERVICE-ACCEPTABLE",
        outcome_on=timezone.localdate() - dt.timedelta(days=3),
    )
    sign_in(page, "adv.review", then=f"/complaints/{case.pk}/")

    # The application, then its result on the same record
    page.click("#action-review summary")
    page.click("#action-review button[type=submit]")
    page.wait_for_selector("text=Review application logged (in time).")
    assert page.locator("#action-review").count() == 0  # no second application to log
    page.click("#action-review_result summary")
    page.select_option("#id_review_result-result", "REVIEW-UPHELD")
    page.fill("#id_review_result-recommendations", "Call complainants back within 48 hours.")
    page.click("#action-review_result button[type=submit]")
    page.wait_for_selector("text=Review result recorded.")
    rows = page.locator("#review-applications tbody tr")
    assert rows.count() == 1
    assert "Review upheld" in rows.inner_text() and "48 hours" in rows.inner_text()
    assert page.locator("#action-review_result").count() == 0
    screenshot(page, "05-review-result")

    # The learning report counts that one application once, upheld
    page.goto("/complaints/learning/")
    report = page.locator("#review-results")
    assert "Review applications received 1" in " ".join(report.inner_text().split())
    assert "Upheld (outcome not reasonable and proportionate) 1" in " ".join(report.inner_text().split())
    assert "Awaiting the review body's result 0" in " ".join(report.inner_text().split())
    screenshot(page, "06-learning-reviews")
