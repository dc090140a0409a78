"""Issue 15's QA loops in headless Chromium: an untouched dip-test audit cannot be saved; an amendment
cannot be marked fixed without a change or a reason, nor confirmed by the person who fixed it; a crime
recorder is never suggested for an investigation."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from conftest import screenshot, sign_in
from qa.models import Amendment, DipSample
from qa.services import dip_test
from qa.tests.factories import audit_answers, make_crime
from recording.models import Crime, Offence
from staffing.models import Skill
from staffing.reference import reference_load
from staffing.selectors import allocation_page_url_for
from staffing.tests.factories import TeamFactory, on_shift_now

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

DAY = date(2026, 3, 1)
NOON = datetime(2026, 3, 1, 12, 0, tzinfo=ZoneInfo("Europe/London"))
PASSWORD = "correct-horse-battery"


def sign_in_as(page: Any, username: str) -> None:
    page.context.clear_cookies()
    sign_in(page, username)


def test_an_untouched_audit_form_cannot_be_saved(
    page: Any, make_user: Callable[..., Any], settings: Any
) -> None:
    reference_load()
    settings.RESOLVE_DIPTEST_CRIMES_PER_CATEGORY = 1
    crime = make_crime(offence="8N", recorded_at=NOON, summary="Punched outside the pub")
    sample = dip_test.dip_test_draw(day=DAY).samples.get(object_id=crime.pk, kind="crime")
    make_user("sergeant", username="sgt.audit", password=PASSWORD)
    sign_in_as(page, "sgt.audit")
    page.click("nav[aria-label=Main] >> text=Dip-tests")
    page.click(f"a[href='/qa/dip-tests/{DAY:%Y-%m-%d}/']")
    page.click(f"a[href='/qa/dip-samples/{sample.pk}/audit/']")
    assert page.locator("input[type=radio]:checked").count() == 0  # nothing pre-selected
    # A crime with no incident has no account of its own to re-decide from: the page says so.
    assert "Not checked: no incident is linked to this crime" in page.locator("main").inner_text()
    assert "Not applicable: no outcome has been recorded yet" in page.locator("main").inner_text()
    page.click("button:has-text('Save audit')")
    assert page.locator(".error-summary").is_visible()
    screenshot(page, "01-untouched-refused")
    sample.refresh_from_db()
    assert sample.audited_at is None
    for question in ("recording_right", "count_right", "classification_right", "within_24h"):
        page.check(f"input[name={question}][value=yes]")
    page.click("button:has-text('Save audit')")
    page.wait_for_selector(f"text=Audit of {sample.label} saved")
    sample.refresh_from_db()
    assert sample.audited_at is not None and sample.compliant is True


def test_an_amendment_needs_a_change_and_another_confirmer(
    page: Any, make_user: Callable[..., Any], settings: Any
) -> None:
    reference_load()
    settings.RESOLVE_DIPTEST_CRIMES_PER_CATEGORY = 1
    auditor = make_user("sergeant", username="sgt.auditor", password=PASSWORD)
    fixer = make_user("sergeant", username="sgt.fixer", password=PASSWORD)
    make_user("sergeant", username="sgt.checker", password=PASSWORD)
    crime = make_crime(offence="8N", recorded_at=NOON, owner=fixer)
    sample = DipSample.objects.get(dip_test=dip_test.dip_test_draw(day=DAY), object_id=crime.pk)
    dip_test.dip_sample_audit(
        sample_id=sample.pk,
        answers=audit_answers(sample, classification_right=False),
        notes="",
        actor=auditor,
    )
    amendment = Amendment.objects.get()

    sign_in_as(page, "sgt.fixer")
    page.click("nav[aria-label=Main] >> text=Amendments")
    page.click(f"text=Mark {crime.crime_number} fixed")
    page.fill("#id_note", "Reclassified")
    page.click("button:has-text('Mark fixed')")
    assert "shows no change" in page.locator(".error-summary").inner_text()
    screenshot(page, "01-no-change-refused")
    assert Amendment.objects.get().status == "open"
    # The record is corrected (a reclassification leaves a history row), then the fix is accepted.
    crime = Crime.objects.get(pk=crime.pk)
    crime.offence = Offence.objects.get(code="5D")
    crime._history_user = fixer  # type: ignore[attr-defined]
    crime._change_reason = "Medical notes: the injury is serious"  # type: ignore[attr-defined]
    crime.save(update_fields=["offence"])
    page.goto(f"/qa/amendments/{amendment.pk}/fix/")
    assert "Medical notes: the injury is serious" in page.locator("main").inner_text()
    page.fill("#id_note", "Reclassified to 5D")
    page.click("button:has-text('Mark fixed')")
    page.wait_for_selector("text=by you: someone else confirms it")
    page.goto(f"/qa/amendments/{amendment.pk}/confirm/")
    assert page.locator("button:has-text('Confirm the fix')").count() == 0
    assert "someone else must check and confirm it" in page.locator("main").inner_text()
    screenshot(page, "02-fixer-cannot-confirm")

    sign_in_as(page, "sgt.checker")
    page.click("nav[aria-label=Main] >> text=Amendments")
    page.click("text=Check and confirm")
    main = page.locator("main").inner_text()
    assert str(Offence.objects.get(code="8N")) in main and str(Offence.objects.get(code="5D")) in main
    screenshot(page, "03-before-and-after")
    page.click("button:has-text('Confirm the fix')")
    page.wait_for_selector(f"text=Fix of {crime.crime_number} confirmed")
    amendment.refresh_from_db()
    assert amendment.status == "confirmed" and amendment.confirmed_by.username == "sgt.checker"  # type: ignore[union-attr]


def test_a_recorder_is_never_suggested_for_an_investigation(page: Any, make_user: Callable[..., Any]) -> None:
    reference_load()
    team = TeamFactory(code="RC-E", name="Echo")
    make_user("sergeant", username="sgt.alloc", password=PASSWORD, team=team)
    recorder = make_user("recorder", team=team, first_name="Aaron", last_name="Recorder")
    investigator = make_user("investigator", team=team, first_name="Zoe", last_name="Investigator")
    for person in (recorder, investigator):  # both trained and on shift; the recorder has no work at all
        on_shift_now(person, skills=(Skill.RECORDING_DECISIONS,))
    make_crime(offence="8N", owner=investigator)
    crime = make_crime(offence="8N")
    sign_in_as(page, "sgt.alloc")
    page.goto(allocation_page_url_for(crime))
    main = page.locator("main").inner_text()
    assert "Zoe Investigator is on shift" in main
    assert "Aaron Recorder" not in main  # neither suggested nor among those considered
    options = page.locator("#id_assignee option").all_inner_texts()
    assert "Zoe Investigator" in options and "Aaron Recorder" not in options
    screenshot(page, "01-suggestion")
    page.click("button:has-text('Allocate')")
    page.wait_for_selector("text=Allocated now")
    crime.refresh_from_db()
    assert crime.owner == investigator
