"""The public complaint form in a browser (issue 23 part 1): a member of the public, not signed in, sends an
anonymous complaint and gets a reference; an advisor finds it triaged in the queue with the complainant
masked and unmasks it (logged); a burst from one address is refused; an agent's complaint without
written authority waits. Every page is axe clean."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.core.cache import cache

from conftest import axe_violations, screenshot, sign_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PASSWORD = "correct-horse-battery"


def _fill(page: Any, *, anonymous: bool = False, agent: bool = False) -> None:
    page.fill("#id_what_happened", "An officer shouted at me outside the station and pushed my bicycle over.")
    page.fill("#id_people_involved", "PC Smith")
    page.fill("#id_collar_number", "4471")
    if agent:
        page.check("text=I am acting for someone else")
        page.select_option("#id_agent_relationship", "other")
        page.fill("#id_on_behalf_of", "Sam Relative")
    if anonymous:
        page.check("#id_anonymous")
    page.fill("#id_name", "Jo Secret")
    page.fill("#id_email", "jo@example.org")


def test_an_anonymous_complaint_reaches_the_advisor_masked_and_unmasking_is_logged(
    page: Any, make_user: Callable[..., Any]
) -> None:
    from staffing.models import AccessLog

    cache.clear()
    page.goto("/complain/")
    assert page.locator("h1").inner_text().startswith("Make a complaint")
    assert axe_violations(page) == []
    page.click("button:has-text('Send')")  # nothing filled: the error summary names the fields
    summary = page.locator(".error-summary")
    assert "What happened?" in summary.inner_text()
    assert axe_violations(page) == []
    _fill(page, anonymous=True)
    page.click("button:has-text('Send')")
    reference = page.locator("#reference").inner_text()
    assert reference.startswith("CO/")
    screenshot(page, "public-01-reference")
    assert axe_violations(page) == []

    make_user("advisor", username="ada", password=PASSWORD)
    sign_in(page, "ada", then="/queues/complaints-public-intake/")
    assert reference in page.content() and "Jo Secret" not in page.content()
    page.click(f"text={reference}")
    assert page.locator("#triage-proposal").is_visible()
    assert "Anonymous: details masked" in page.content() and "Jo Secret" not in page.content()
    page.click("text=Show their details (recorded)")
    assert axe_violations(page) == []
    assert not AccessLog.objects.filter(action="unmask").exists()
    page.fill("#id_reason", "Arranging the first contact")
    page.click('button:has-text("Show the complainant\'s details")')
    assert "Jo Secret" in page.locator("#unmasked").inner_text()
    screenshot(page, "public-02-unmasked")
    log = AccessLog.objects.get(action="unmask")
    assert (log.user.username, log.purpose, log.record_label) == (
        "ada",
        "Arranging the first contact",
        f"{reference}: anonymous complainant's details",
    )


def test_a_burst_from_one_address_is_refused_and_told_when_to_try_again(page: Any, settings: Any) -> None:
    cache.clear()
    settings.PUBLIC_FORM_LIMIT = 2
    for _ in range(2):
        page.goto("/complain/")
        _fill(page)
        page.click("button:has-text('Send')")
        assert page.locator("#reference").is_visible()
    page.goto("/complain/")
    _fill(page)
    with page.expect_response(lambda r: r.url.endswith("/complain/") and r.request.method == "POST") as sent:
        page.click("button:has-text('Send')")
    assert sent.value.status == 429 and int(sent.value.headers["retry-after"]) > 0
    assert "Please try again after" in page.content() and page.locator("#try-again").is_visible()
    assert axe_violations(page) == []


def test_an_agents_complaint_without_written_authority_waits(
    page: Any, make_user: Callable[..., Any]
) -> None:
    cache.clear()
    page.goto("/complain/")
    _fill(page, agent=True)
    page.click("button:has-text('Send')")
    reference = page.locator("#reference").inner_text()
    assert "we need their written authority" in page.content()
    make_user("advisor", username="ada", password=PASSWORD)
    sign_in(page, "ada", then="/queues/complaints-public-intake/")
    page.click(f"text={reference}")
    waiting = page.locator("[id^=authority-awaited-]")
    assert "Waiting for written authority" in waiting.inner_text() and "Sam Relative" in waiting.inner_text()
    assert axe_violations(page) == []
    waiting.locator("input[name=evidence]").fill("Signed authority letter received 2 December")
    waiting.locator("button").click()
    assert "Written authority recorded" in page.content()
    assert page.locator("[id^=authority-awaited-]").count() == 0
