"""Key journey of issue 21 part 2 in headless Chromium: a sergeant opens a possible hidden crime from the
home queue, reads the narrative with its evidence highlighted, records the crime through the one
recording path (the decide page prefilled from the incident and the flag's candidate offence), and the
crime is linked to its incident, which closes the flag."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from conftest import axe_violations, screenshot, sign_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PASSWORD = "correct-horse-battery"
NARRATIVE = (
    "Caller reports a domestic argument. On arrival she states her partner pushed her against the wall "
    "and punched her in the face. She has a cut lip. He denies any assault."
)


def test_a_possible_hidden_crime_is_recorded_and_linked_to_its_incident(
    page: Any, make_user: Callable[..., Any], reference_data: None
) -> None:
    from qa.models import HiddenCrimeFlag
    from qa.services.hidden_crimes import hidden_crime_screen
    from qa.tests.factories import make_incident
    from recording.models import Crime

    opened = timezone.now() - timedelta(hours=3)
    incident = make_incident(
        reference="XX-E2E-0421",
        nsir="PS-DOMESTIC",
        summary=NARRATIVE,
        location="4 Elm Road",
        opened_at=opened,
        closed_at=opened + timedelta(hours=1),
    )
    hidden_crime_screen()
    flag = HiddenCrimeFlag.objects.get()
    make_user("sergeant", username="sgt.hidden", password=PASSWORD)
    sign_in(page, "sgt.hidden")

    page.click("main a:has-text('Possible hidden crimes')")
    page.click(f"text={incident.reference}")
    page.wait_for_url(f"**/qa/hidden-crimes/{flag.pk}/")
    evidence = page.locator("mark.evidence").all_inner_texts()
    assert any("pushed her against the wall" in text for text in evidence)
    assert "denies any assault" in " ".join(page.locator("del.discounted").all_inner_texts())
    assert "Assault with injury (8N)" in page.locator("main").inner_text()
    screenshot(page, "01-flag")
    assert axe_violations(page) == []

    page.click(f"text=Record the crimes for {incident.reference}")
    page.wait_for_url(f"**/recording/decide/?incident={incident.reference}&offence=8N**")
    assert page.locator("#id_incident_reference").input_value() == incident.reference
    if not page.locator("#id_reported_at").input_value():
        page.fill("#id_reported_at", timezone.localtime(opened).strftime("%Y-%m-%dT%H:%M"))
    if not page.locator("#id_summary").input_value():
        page.fill("#id_summary", "Pushed against a wall and punched by her partner; cut lip.")
    if not page.locator("#id_alleged-0-offence").input_value():
        page.fill("#id_alleged-0-offence", "8N")
    page.fill("#id_victims-0-name", "Dana Smith")
    screenshot(page, "02-decide")
    page.click("button[value=decide]")
    page.locator("section[aria-labelledby=decision-heading]").wait_for()
    page.click("button[value=record]")
    page.wait_for_selector(".message-success")

    crime = Crime.objects.get()
    assert list(crime.incidents.values_list("reference", flat=True)) == [incident.reference]
    flag.refresh_from_db()
    assert (flag.status, flag.crime) == (HiddenCrimeFlag.Status.RECORDED, crime)

    page.goto(f"/qa/hidden-crimes/{flag.pk}/")
    body = page.locator("main").inner_text()
    assert "Crime recorded" in body and crime.crime_number in body
    page.click(f"main a:has-text('{crime.crime_number}')")
    page.wait_for_url(f"**/recording/crimes/{crime.pk}/")
    assert incident.reference in page.locator("main").inner_text()
    screenshot(page, "03-recorded")
