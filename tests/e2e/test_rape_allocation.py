"""Issue 20 part 2 in the browser: a vulnerable victim's rape, not yet graded, tops the sergeant's
allocation queue above an older interference with a motor vehicle graded immediate; its allocation
screen says it needs sexual offences investigation, suggests only the investigator trained for it (not
the idle untrained one, never the sergeant), says why the others were left out, and the accepted
suggestion becomes the crime's owner."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from conftest import axe_violations, screenshot, sign_in
from recording.models import Grade, Offence
from recording.tests.factories import CrimeFactory
from staffing.models import Allocation, Skill
from staffing.tests.factories import TeamFactory, UserFactory, on_shift_now

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PASSWORD = "correct-horse-battery"


def test_a_vulnerable_victims_ungraded_rape_tops_the_queue_and_goes_only_to_a_trained_investigator(
    page: Any, reference_data: None
) -> None:
    team = TeamFactory(code="RC-S", name="Sierra")
    sergeant = UserFactory(username="sgt.s", role="sergeant", team=team, password=PASSWORD)
    on_shift_now(sergeant, skills=(Skill.RECORDING_DECISIONS, Skill.SEXUAL_OFFENCES))
    idle = UserFactory(username="ian", first_name="Ian", last_name="Idle", role="investigator", team=team)
    on_shift_now(idle, skills=(Skill.RECORDING_DECISIONS,))
    tess = UserFactory(
        username="tess", first_name="Tess", last_name="Trained", role="investigator", team=team
    )
    on_shift_now(tess, skills=(Skill.RECORDING_DECISIONS, Skill.SEXUAL_OFFENCES))
    now = timezone.now()
    vehicle = CrimeFactory.create(
        offence=Offence.objects.get(code="126"),
        grade=Grade.IMMEDIATE,
        vulnerable_victim=True,
        reported_at=now - timedelta(hours=30),
    )
    rape = CrimeFactory.create(
        offence=Offence.objects.get(code="19C"),
        grade="",
        vulnerable_victim=True,
        reported_at=now - timedelta(hours=2),
    )

    sign_in(page, "sgt.s")
    page.click("#queue-recording-crimes-to-allocate")
    rows = page.locator("table.queue-list tbody tr")
    first = rows.first.inner_text()
    assert rape.crime_number in first and "Not graded" in first and "Vulnerable victim" in first
    assert vehicle.crime_number in rows.nth(1).inner_text()
    screenshot(page, "01-rape-tops-the-queue")

    page.click(f"text=Allocate {rape.crime_number}")
    main = page.locator("main")
    assert "needs Recording decisions and Sexual offences investigation" in main.inner_text()
    assert "Rape of a female aged 16 and over is a rape or serious sexual offence" in main.inner_text()
    suggestion = page.locator("section[aria-labelledby=suggestion-heading]").inner_text()
    assert "Tess Trained" in suggestion
    options = page.locator("#id_assignee option").all_inner_texts()
    assert "Tess Trained" in options and "Ian Idle" not in options
    assert not any(sergeant.get_full_name() in o or "sgt.s" in o for o in options)
    left_out = page.locator("#left-out").inner_text()
    assert "Ian Idle" in left_out and "Not trained in Sexual offences investigation" in left_out
    assert "Sergeant: this work goes to investigators" in left_out
    screenshot(page, "02-only-trained-suggested")
    assert axe_violations(page) == []

    page.click("button:has-text('Allocate')")
    page.wait_for_selector("text=Allocated now")
    assert Allocation.objects.get(status="open").assigned_to == tess
    rape.refresh_from_db()
    assert rape.owner == tess
    screenshot(page, "03-allocated")
