"""A sergeant in headless Chromium: sees who is on now, opens a work item's allocation screen, reads
the suggestion and its reason, accepts it, then reassigns to someone else with a reason."""

from __future__ import annotations

from typing import Any

import pytest

from conftest import screenshot, sign_in
from recording.tests.factories import CrimeFactory
from staffing.models import Allocation, Skill
from staffing.reference import reference_load
from staffing.selectors import allocation_page_url
from staffing.tests.factories import TeamFactory, UserFactory, on_shift_now

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_a_sergeant_allocates_and_reassigns_in_the_browser(page: Any) -> None:
    team = TeamFactory(code="RC-E", name="Echo")
    sergeant = UserFactory(username="sgt.e2e", role="sergeant", team=team, password="correct-horse-battery")
    team.sergeant = sergeant
    team.save()
    amy = UserFactory(username="amy", first_name="Amy", last_name="Able", role="investigator", team=team)
    ben = UserFactory(username="ben", first_name="Ben", last_name="Brook", role="investigator", team=team)
    for person in (amy, ben):
        on_shift_now(person, skills=(Skill.RECORDING_DECISIONS,))
    reference_load()
    item = CrimeFactory()  # a registered kind of work (config.registry.WorkKind): a crime to investigate
    sign_in(page, "sgt.e2e")
    page.click("nav[aria-label=Main] >> text=Rota")
    assert "Amy Able" in page.locator("main").inner_text()
    screenshot(page, "01-rota")
    page.goto(allocation_page_url(item, skill=Skill.RECORDING_DECISIONS, weight=2))
    assert (
        "Amy Able is on shift, holds valid Recording decisions training" in page.locator("main").inner_text()
    )
    screenshot(page, "02-suggestion")
    page.click("button:has-text('Allocate')")
    page.wait_for_selector("text=Allocated now")
    assert Allocation.objects.get(status="open").assigned_to == amy
    page.select_option("#id_assignee", label="Ben Brook")
    page.fill("#id_reason", "Amy is in court tomorrow")
    page.click("button:has-text('Reassign')")
    page.wait_for_selector("text=Reassigned from Amy Able")
    screenshot(page, "03-reassigned")
    assert Allocation.objects.get(status="open").assigned_to == ben
    item.refresh_from_db()
    assert item.owner == ben  # staffing called recording back: the crime's owner follows
