"""A sergeant approves a cancellation (C3 duplicate: a supervisor's decision, R-CANCEL-DDM) and a
reclassification (R-RECLASSIFY) that an investigator asked for."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from conftest import axe_violations, screenshot, sign_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_a_sergeant_approves_a_cancellation_and_a_reclassification(
    page: Any, make_user: Callable[..., Any], reference_data: None
) -> None:
    from qa.tests.factories import make_crime
    from recording.models import CancellationRequest, ClassificationChange, Crime
    from recording.services import cancellation, reclassification

    make_user("sergeant", username="sgt.e2e", password="correct-horse-battery", first_name="Sasha")
    investigator = make_user("investigator", username="inv.e2e", first_name="Ira", last_name="Okafor")
    surviving = make_crime(offence="8N", owner=investigator)
    duplicate = make_crime(offence="8N", owner=investigator)
    cancellation.cancellation_request(
        crime=duplicate,
        actor=investigator,
        criterion_code="C3",
        evidence="Same victim and incident recorded twice by two call handlers.",
        duplicate_of=surviving.crime_number,
    )
    reclassification.reclassification_propose(
        crime=surviving,
        actor=investigator,
        offence_code="105A",
        reason="Medical notes show no injury; assault without injury.",
    )

    sign_in(page, "sgt.e2e")
    page.wait_for_selector("#queues")
    home = page.locator("#queues").inner_text()
    assert "Cancellations awaiting a DDM decision" in home
    page.click("#queues a:has-text('Cancellations')")
    assert page.locator("h1").inner_text() == "Cancellations"
    screenshot(page, "01-cancellations")
    assert axe_violations(page) == []
    page.click("a:has-text('Decide')")
    assert duplicate.crime_number in page.locator("h1").inner_text()
    page.click("main button[type=submit]")  # no decision chosen: the form says so
    page.wait_for_selector(".error-summary")
    screenshot(page, "02-cancellation-error")
    assert axe_violations(page) == []
    page.check("input[name=approve][value=yes]")
    page.fill("#id_note", "Duplicate confirmed against the surviving record.")
    page.check("#id_victim_informed")
    screenshot(page, "03-cancellation-decision")
    page.click("main button[type=submit]")
    page.wait_for_selector(".message-success")
    assert page.locator("h1").inner_text() == "Cancellations"  # back where the sergeant was
    request = CancellationRequest.objects.get()
    assert request.status == "approved"
    duplicate.refresh_from_db()
    assert duplicate.status == Crime.Status.CANCELLED

    page.click("nav[aria-label=Main] >> text=Reclassifications")
    assert page.locator("h1").inner_text() == "Reclassifications"
    screenshot(page, "04-reclassifications")
    assert axe_violations(page) == []
    page.click("th >> a.sort:has-text('Proposed')")  # re-sorted by you; the decision comes back here
    sorted_url = page.url
    page.click("a:has-text('Decide')")
    page.check("input[name=approve][value=yes]")
    page.fill("#id_note", "Agreed: no injury recorded by the hospital.")
    page.click("main button[type=submit]")
    page.wait_for_selector(".message-success")
    assert page.url == sorted_url
    change = ClassificationChange.objects.get()
    assert change.status == "approved"
    surviving.refresh_from_db()
    assert surviving.offence.code == "105A"
    screenshot(page, "05-reclassified")
