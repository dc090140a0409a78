"""Headless Chromium: recording from a feed incident keeps its time and the 24-hour deadline it sets, and
a changed time needs a reason, kept on the crime with both times (R-NCRS-24H, issue 20 part 1)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from conftest import axe_violations, screenshot, sign_in
from staffing.templatetags.resolve_format import when

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_recording_from_a_feed_incident_keeps_its_time_and_a_changed_time_needs_a_reason(
    page: Any, live_server: Any, make_user: Callable[..., Any]
) -> None:
    from recording.models import Crime
    from recording.tests.factories import IncidentFactory
    from staffing.reference import reference_load

    reference_load()
    opened = (timezone.now() - timedelta(hours=21)).replace(second=0, microsecond=0)
    incident = IncidentFactory(
        reference="XX-20261207-0238",
        opened_at=opened,
        summary="Man punched outside the Crown",
        location="Mill Lane",
    )
    assert incident.opened_by is None  # from the feed
    make_user("recorder", username="rec.time", password="correct-horse-battery")
    sign_in(page, "rec.time")

    # Record a crime from the incident: its opening, summary and place are filled in.
    page.goto(f"{live_server.url}/recording/incidents/{incident.pk}/")
    page.click("text=Record a crime from this incident")
    assert page.input_value("#id_reported_at") == f"{timezone.localtime(opened):%Y-%m-%dT%H:%M}"
    assert page.input_value("#id_summary") == "Man punched outside the Crown"
    assert page.input_value("#id_location") == "Mill Lane"
    page.fill("#id_victims-0-name", "Ann Smith")
    page.fill("#id_alleged-0-offence", "8N")
    page.click("button[value=decide]")
    page.wait_for_selector("#decision-heading")
    deadline = when(opened + timedelta(hours=24))
    assert deadline in page.locator("#decision").inner_text()
    page.click("button[value=record]")
    page.wait_for_selector(".message-success")
    first = Crime.objects.get()
    assert (first.reported_at, first.record_by) == (opened, opened + timedelta(hours=24))
    screenshot(page, "report-time-01-recorded")

    # A second victim's crime, with the time changed: refused until the recorder says why.
    page.goto(f"{live_server.url}/recording/incidents/{incident.pk}/")
    page.click("text=Record a crime from this incident")
    later = timezone.localtime(opened + timedelta(hours=3))
    page.fill("#id_reported_at", f"{later:%Y-%m-%dT%H:%M}")
    page.fill("#id_victims-0-name", "Ben Jones")
    page.fill("#id_alleged-0-offence", "8N")
    page.click("button[value=decide]")
    page.wait_for_selector(".error-summary")
    assert "say why the report time differs" in page.locator(".error-summary").inner_text()
    assert page.locator("#id_reported_at_reason_error").is_visible()
    screenshot(page, "report-time-02-reason-needed")
    page.fill("#id_reported_at_reason", "Ben rang in himself three hours later; the log was Ann's call.")
    page.click("button[value=decide]")
    page.wait_for_selector("#decision-heading")
    page.click("button[value=record]")
    page.wait_for_selector(".message-success")
    page.locator("table a").first.click()
    text = page.locator("main").inner_text()
    assert "Incident opened" in text and when(opened) in text
    assert "Ben rang in himself" in text
    assert when(later + timedelta(hours=24)) in text
    screenshot(page, "report-time-03-both-times")


def test_the_sergeant_sees_the_victims_name_and_number_on_a_waiting_report(
    page: Any, live_server: Any, make_user: Callable[..., Any]
) -> None:
    """A friend reports an assault; the recorder enters the victim's name and number once; the sergeant's
    queue and the report's page name the person to ring, not "V1" (issue 20 part 3)."""
    from staffing.reference import reference_load

    reference_load()
    make_user("recorder", username="rec.friend", password="correct-horse-battery")
    make_user("sergeant", username="sgt.ring", password="correct-horse-battery")
    sign_in(page, "rec.friend", then=f"{live_server.url}/recording/decide/")
    reported = timezone.localtime(timezone.now() - timedelta(hours=2))
    page.fill("#id_reported_at", f"{reported:%Y-%m-%dT%H:%M}")
    page.select_option("#id_reporter", "witness")
    page.fill("#id_victims-0-name", "Dora Evans")
    page.fill("#id_victims-0-contact", "07700 900789")
    page.fill("#id_alleged-0-offence", "8N")
    page.uncheck("#id_alleged-0-victim_contacted")
    page.click("button[value=decide]")
    page.wait_for_selector("#decision-heading")
    page.click("button[value=record]")
    page.wait_for_selector(".message-info, .message-success")

    page.context.clear_cookies()
    sign_in(page, "sgt.ring", then=f"{live_server.url}/queues/recording-awaiting-victim/")
    row = page.locator("tbody tr").first
    assert "Dora Evans" in row.inner_text() and "07700 900789" in row.inner_text()
    assert "Assault with injury" in row.inner_text()
    assert "Not graded (counts as immediate)" in row.inner_text()  # its risk, as the crime queues show it
    screenshot(page, "awaiting-01-queue")
    assert axe_violations(page) == []
    row.locator("a[href*='awaiting-victim']").first.click()
    text = page.locator("main").inner_text()
    assert "The victim to ring" in text and "Dora Evans" in text and "07700 900789" in text
    screenshot(page, "awaiting-02-report")
