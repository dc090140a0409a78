"""Key journeys of the incident record in headless Chromium (issues 14 and 15):
- a recorder opens a new incident at first contact, goes straight on to the recording decision with
  the incident filled in, records the crime, and the incident page shows both;
- a sergeant resolving an unrecorded-incident flag with a crime that does not match the incident
  (reported weeks later) is asked for a reason, and the incident page then shows the link."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from conftest import axe_violations, screenshot, sign_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PASSWORD = "correct-horse-battery"


def test_a_new_incident_at_first_contact_becomes_a_recorded_crime_linked_to_it(
    page: Any, make_user: Callable[..., Any], reference_data: None
) -> None:
    from recording.models import Crime, Incident

    make_user("recorder", username="rec.counter", password=PASSWORD, first_name="Robin")
    sign_in(page, "rec.counter")
    page.click("nav[aria-label=Main] >> text=Incidents")
    page.click("text=Open an incident")
    assert page.locator("h1").inner_text() == "Open an incident"
    page.click("main button[type=submit]")  # nothing filled in: the page says what is missing
    assert page.locator(".error-summary").is_visible()
    page.select_option(
        "#id_nsir_code",
        label="Crime: violence against the person (force-level type under the NSIR Crime category)",
    )
    page.fill("#id_summary", "Walked in to the front counter: punched by a stranger outside the library.")
    page.fill("#id_location", "Library steps, Market Square")
    screenshot(page, "01-new-incident")
    assert axe_violations(page) == []
    page.click("main button[type=submit]")

    incident = Incident.objects.get()
    page.wait_for_url(f"**/recording/decide/?incident={incident.reference}")
    assert page.locator("#id_incident_reference").input_value() == incident.reference
    # The report time is the incident's own opening, carried in (R-NCRS-24H), never retyped.
    opened = timezone.localtime(incident.opened_at).strftime("%Y-%m-%dT%H:%M")
    assert page.locator("#id_reported_at").input_value() == opened
    page.fill("#id_summary", "Punched once in the face by a stranger; cut lip.")
    page.fill("#id_victims-0-name", "Jo Bloggs")
    page.fill("#id_alleged-0-offence", "8N")
    page.click("button[value=decide]")
    page.locator("section[aria-labelledby=decision-heading]").wait_for()
    page.click("button[value=record]")
    page.wait_for_selector(".message-success")
    crime = Crime.objects.get()
    screenshot(page, "02-recorded")

    page.goto(f"/recording/incidents/{incident.pk}/")
    body = page.locator("main").inner_text()
    assert f"Incident {incident.reference}" in body
    assert "punched by a stranger outside the library" in body
    assert crime.crime_number in body
    page.click(f'main a:has-text("{crime.crime_number}")')
    page.wait_for_url(f"**/recording/crimes/{crime.pk}/")
    page.click(f'main a:has-text("{incident.reference}")')
    page.wait_for_url(f"**/recording/incidents/{incident.pk}/")
    screenshot(page, "03-incident-page")
    assert axe_violations(page) == []


def test_resolving_a_flag_with_a_mismatched_crime_asks_for_a_reason_and_the_incident_shows_the_link(
    page: Any, make_user: Callable[..., Any], reference_data: None
) -> None:
    from qa.models import UnrecordedFlag
    from qa.services import sweep
    from qa.tests.factories import make_crime, make_incident

    opened = timezone.now() - timedelta(days=40)
    incident = make_incident(
        reference="XX-E2E-0042",
        opened_at=opened,
        summary="Caller reports shed broken into at 4 Elm Road",
        location="4 Elm Road",
    )
    sweep.sweep_unrecorded()
    crime = make_crime(
        reported_at=timezone.now() - timedelta(days=3),
        recorded_at=timezone.now() - timedelta(days=3),
        summary="Bicycle stolen from a garage",
        location="19 Oak Avenue",
    )
    make_user("sergeant", username="sgt.flags", password=PASSWORD)
    sign_in(page, "sgt.flags", then="/qa/unrecorded/")
    page.click("text=XX-E2E-0042")
    page.fill("#id_crime_number", crime.crime_number)
    page.click("text=Check this crime")
    compare = page.locator("table:has(caption)")
    assert "4 Elm Road" in compare.inner_text() and "19 Oak Avenue" in compare.inner_text()
    warning = page.locator(".warning").inner_text()
    assert "does not match" in warning and "37 days after the incident opened" in warning
    # The place and the kind of crime are compared too, and each mismatch is named (issue 20 part 4).
    assert "it happened at '19 Oak Avenue', the incident at '4 Elm Road'" in warning
    assert "it is Assault with injury (8N" in warning and "logged as Crime: theft" in warning
    screenshot(page, "01-check")

    page.click(f"text=Confirm: resolve with {crime.crime_number}")  # no reason given
    assert page.locator(".error-summary").is_visible()
    assert "Say why it is this incident's crime" in page.locator(".error-summary").inner_text()
    assert UnrecordedFlag.objects.get().status == UnrecordedFlag.Status.OPEN
    assert not crime.incidents.exists()
    page.fill(
        "#id_resolve_reason", "Victim was away; reported the shed break-in on return, property listed later."
    )
    page.click(f"text=Confirm: resolve with {crime.crime_number}")
    page.wait_for_selector("text=resolved")
    screenshot(page, "02-resolved")
    flag = UnrecordedFlag.objects.get()
    assert flag.status == UnrecordedFlag.Status.RESOLVED and flag.resolve_reason

    page.click(f"text=Open the incident page for {incident.reference}")
    body = page.locator("main").inner_text()
    assert crime.crime_number in body  # the crime is linked, and the incident carries its number
    assert "Did not match" in body and "Victim was away" in body
    incident.refresh_from_db()
    assert incident.crime_number == crime.crime_number
    screenshot(page, "03-incident-page")
