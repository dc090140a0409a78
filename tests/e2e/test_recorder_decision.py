"""A recorder takes a report through the recording decision screen and records the crimes it proposes
(R-ONE-PER-VICTIM: two victims punched in one scuffle are two crimes; R-NCRS-24H: record-by time)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from conftest import axe_violations, screenshot, sign_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_a_recorder_records_the_crimes_the_decision_proposes(
    page: Any, make_user: Callable[..., Any], reference_data: None
) -> None:
    import datetime as dt
    from zoneinfo import ZoneInfo

    from qa.tests.factories import make_incident
    from recording.models import Crime

    # The report time typed below is the incident's own opening (a different one would need a reason).
    opened = dt.datetime(2026, 2, 7, 1, 20, tzinfo=ZoneInfo("Europe/London"))
    make_incident(nsir="CRIME-VIOLENCE", reference="XX-20260207-0007", opened_at=opened)
    make_user("recorder", username="rec.e2e", password="correct-horse-battery", first_name="Robin")
    sign_in(page, "rec.e2e", then="/recording/decide/")
    assert page.locator("h1").inner_text() == "Recording decision"
    assert axe_violations(page) == []

    page.fill("#id_reported_at", "2026-02-07T01:20")
    page.fill("#id_incident_reference", "XX-20260207-0007")
    page.fill("#id_summary", "Two friends punched by the same man in one scuffle outside a takeaway.")
    page.fill("#id_location", "High Street takeaway")
    # A second victim and a second allegation: the screen adds rows without JavaScript.
    page.click("button[value=add-victims]")
    page.fill("#id_victims-0-name", "Alex Morgan")
    page.fill("#id_victims-1-ref", "V2")
    page.select_option("#id_victims-1-kind", "person")
    page.fill("#id_victims-1-name", "Sam Patel")
    page.click("button[value=add-alleged]")
    page.fill("#id_alleged-0-offence", "8N")
    page.fill("#id_alleged-1-ref", "A2")
    page.fill("#id_alleged-1-victim", "V2")
    page.fill("#id_alleged-1-offence", "8N")
    page.fill("#id_alleged-1-incident", "I1")
    page.check("#id_alleged-1-believed")
    screenshot(page, "01-report-entered")

    page.click("button[value=decide]")
    decision = page.locator("section[aria-labelledby=decision-heading]")
    decision.wait_for()
    text = decision.inner_text()
    assert "R-ONE-PER-VICTIM" in text and "R-NCRS-24H" in text
    assert decision.locator("tbody tr").count() == 2
    screenshot(page, "02-decision")
    assert axe_violations(page) == []

    page.click("button[value=record]")
    page.wait_for_selector(".message-success")
    assert "Recorded 2 crime(s)" in page.locator(".message-success").inner_text()
    crimes = list(Crime.objects.order_by("crime_number"))
    assert len(crimes) == 2
    assert {v.name for c in crimes for v in c.victims.all()} == {"Alex Morgan", "Sam Patel"}
    assert all([i.reference for i in c.incidents.all()] == ["XX-20260207-0007"] for c in crimes)
    screenshot(page, "03-recorded")
    assert axe_violations(page) == []
