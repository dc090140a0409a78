"""Issue 14 journeys: one record per decision, restricted crimes open to who recorded them, and third-party
reports that wait for the victim without being lost (R-NCRS-THIRD-PARTY, R-RAPE-RECORD, R-RESTRICTED)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from conftest import axe_violations, login, screenshot, sign_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PASSWORD = "correct-horse-battery"


def two_hours_ago() -> str:
    return timezone.localtime(timezone.now() - timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M")


def enter_report(page: Any, *, offence: str, victim: str, incident: str = "") -> None:
    page.goto("/recording/decide/" + (f"?incident={incident}" if incident else ""))
    page.fill("#id_reported_at", two_hours_ago())
    page.fill("#id_summary", "Report taken by phone.")
    page.fill("#id_victims-0-name", victim)
    page.fill("#id_alleged-0-offence", offence)


def test_a_recorder_records_a_rape_and_opens_it_and_another_recorder_gets_404(
    page: Any, browser: Any, live_server: Any, make_user: Callable[..., Any], reference_data: None
) -> None:
    from recording.models import Crime
    from staffing.models import AccessLog

    recorder = make_user("recorder", username="rec.one", password=PASSWORD)
    other = make_user("recorder", username="rec.two", password=PASSWORD)
    sign_in(page, "rec.one")
    enter_report(page, offence="19C", victim="Dana Price")
    page.click("button[value=decide]")
    decision = page.locator("section#decision")
    decision.wait_for()
    # After Decide the decision comes first and has the focus.
    assert page.evaluate("document.activeElement.id") == "decision"
    page.click("button[value=record]")
    page.wait_for_url("**/recording/decide/recorded/**")
    crime = Crime.objects.get()
    assert crime.restricted
    assert page.locator("h1").inner_text() == "Crimes recorded"
    screenshot(page, "01-confirmation")
    assert axe_violations(page) == []
    page.click(f"text={crime.crime_number}")
    assert page.locator("h1").inner_text() == f"Crime {crime.crime_number}"

    stranger = browser.new_context(base_url=live_server.url, locale="en-GB", timezone_id="Europe/London")
    other_page = stranger.new_page()
    login(other_page, "rec.two", PASSWORD)
    response = other_page.goto(f"/recording/crimes/{crime.pk}/")
    assert response is not None and response.status == 404
    stranger.close()

    logged = set(AccessLog.objects.filter(record_id=str(crime.pk)).values_list("user", "action"))
    assert (recorder.pk, "view") in logged and (other.pk, "refused") in logged


def test_back_and_resubmit_records_once(
    page: Any, make_user: Callable[..., Any], reference_data: None
) -> None:
    from recording.models import Crime

    make_user("recorder", username="rec.back", password=PASSWORD)
    sign_in(page, "rec.back")
    enter_report(page, offence="8N", victim="Sam Patel")
    # Enter in a text field decides; it never adds an empty row.
    page.press("#id_victims-0-name", "Enter")
    page.locator("section#decision").wait_for()
    assert page.locator("input[name$='-ref'][name^='victims-']").count() == 1
    page.click("button[value=record]")
    page.wait_for_url("**/recording/decide/recorded/**")
    first = page.url
    page.go_back()
    page.locator("button[value=record]").wait_for()
    page.click("button[value=record]")
    page.wait_for_url("**/recording/decide/recorded/**")
    assert "already recorded" in page.locator(".messages, [role=status]").first.inner_text()
    assert page.url == first
    screenshot(page, "02-resubmitted")
    assert Crime.objects.count() == 1


def test_a_double_post_through_the_api_with_one_idempotency_key_records_once(
    page: Any, make_user: Callable[..., Any], reference_data: None
) -> None:
    from recording.models import Crime
    from staffing.services import user_token

    token = user_token(user=make_user("recorder"))
    reported = (timezone.now() - timedelta(hours=2)).isoformat()
    body = {
        "reported_at": reported,
        "force": "XX",
        "victims": [{"ref": "V1", "kind": "person"}],
        "alleged": [{"ref": "A1", "victim": "V1", "offence": "8N", "incident": "I1"}],
    }
    headers = {"Authorization": f"Token {token}", "Idempotency-Key": "retry-7"}
    url = "/api/v1/recording/crimes/from-decision/"
    first = page.request.post(url, data=body, headers=headers)
    again = page.request.post(url, data=body, headers=headers)
    assert (first.status, again.status) == (201, 201)
    assert again.json() == first.json()
    assert Crime.objects.count() == 1
    changed = page.request.post(url, data={**body, "force": "XX", "location_force": "XX"}, headers=headers)
    assert changed.status == 409
    assert Crime.objects.count() == 1


def test_a_friends_report_of_a_rape_waits_for_the_victim_and_reaches_the_rape_review(
    page: Any, browser: Any, live_server: Any, make_user: Callable[..., Any], reference_data: None
) -> None:
    from recording.models import AwaitingVictim, Crime
    from recording.tests.factories import grant_skill
    from staffing.models import Skill

    make_user("recorder", username="rec.third", password=PASSWORD)
    grant_skill(make_user("sergeant", username="sgt.review", password=PASSWORD), Skill.RAPE_REVIEW)
    sign_in(page, "rec.third")
    enter_report(page, offence="19C", victim="Jo Bloggs")
    page.select_option("#id_reporter", "witness")
    page.uncheck("#id_alleged-0-victim_contacted")
    page.click("button[value=decide]")
    decision = page.locator("section#decision")
    decision.wait_for()
    assert "Awaiting the victim" in decision.inner_text()
    page.click("button[value=record]")
    page.wait_for_url("**/recording/decide/recorded/**")
    assert page.locator("h1").inner_text() == "Saved awaiting the victim"
    screenshot(page, "04-saved-awaiting")
    assert not Crime.objects.exists()
    row = AwaitingVictim.objects.get()

    sergeant = browser.new_context(base_url=live_server.url, locale="en-GB", timezone_id="Europe/London")
    sgt = sergeant.new_page()
    sgt.screenshot_dir = page.screenshot_dir
    login(sgt, "sgt.review", PASSWORD)
    sgt.goto("/")
    assert sgt.locator('[data-queue="recording-awaiting-victim"]').first.inner_text() == "1"
    sgt.click('a[href="/queues/recording-awaiting-victim/"]')
    sgt.click(f'a[href="/recording/awaiting-victim/{row.pk}/"]')
    assert sgt.locator("h1").inner_text() == "Third-party report awaiting the victim"
    sgt.goto("/qa/rape-review/")
    assert "Third-party report awaiting the victim" in sgt.locator("main").inner_text()
    screenshot(sgt, "05-rape-review")
    sergeant.close()
