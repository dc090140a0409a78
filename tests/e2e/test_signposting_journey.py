"""From a not-a-complaint triage to signposted, in a real browser (issue 23 part 2): the advisor finds
the matter is not a complaint, the case page offers signposting as the next step, the advisor records
where and why, the case shows it with the outcome, and the signposting letter is drafted from it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from complaints.models import CaseAction, ComplaintCase
from complaints.tests.factories import ComplaintCaseFactory
from conftest import axe_violations, screenshot, sign_in
from staffing.services import letters

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_a_matter_that_is_not_a_complaint_is_signposted_and_the_letter_says_where(
    page: Any, make_user: Callable[..., Any], reference_data: None
) -> None:
    letters.letter_templates_ship()  # a transactional test may have emptied the migration's templates
    advisor = make_user(
        "advisor", username="adv.signpost", password="correct-horse-battery", first_name="Kit"
    )
    case = ComplaintCaseFactory(actor=advisor, summary="Asks for a patrol on their street at night.")

    sign_in(page, "adv.signpost", then=f"/complaints/{case.pk}/")
    page.click("#action-triage summary")
    page.select_option("#id_triage-decision", "override")
    page.select_option("#id_triage-not_a_complaint", "service_request")
    page.fill("#id_triage-reason", "They want a patrol, not to complain about anyone")
    screenshot(page, "01-not-a-complaint")
    page.click("#action-triage button[type=submit]")

    # The page says what it is, in words, and offers signposting as the next step.
    page.wait_for_selector("#next-step-signpost")
    assert "A request for service" in page.locator("#not-a-complaint").inner_text()
    assert axe_violations(page) == []
    page.click("#next-step-signpost a")
    page.click("#action-signpost summary")
    page.select_option("#id_signpost-organisation", "force-crime-reporting")
    page.fill("#id_signpost-reason", "A patrol request is a request for police service")
    screenshot(page, "02-signpost")
    page.click("#action-signpost button[type=submit]")

    page.wait_for_selector("#case-outcome")
    assert "Signposted to another organisation" in page.locator("#case-outcome").inner_text()
    assert "A patrol request is a request for police service" in page.locator(".signposted").inner_text()
    assert "the case is closed" in page.locator("[role=status]").inner_text()
    # The letter it offers is ready to draft.
    assert page.locator("#id_letter-kind").input_value() == "signposting"
    screenshot(page, "03-signposted")
    page.click("#action-letter summary")
    page.click("#action-letter button[type=submit]")
    page.wait_for_load_state()
    body = page.locator("main textarea").first.input_value()  # the draft, open for editing
    assert "The force: to report a crime or ask for police help" in body
    assert "A patrol request is a request for police service" in body
    screenshot(page, "04-letter")

    stored = ComplaintCase.objects.get(pk=case.pk)
    assert stored.status == ComplaintCase.Status.CLOSED and stored.outcome.code == "SIGNPOSTED"
    assert stored.actions.filter(kind=CaseAction.Kind.SIGNPOSTED, actor=advisor).count() == 1
