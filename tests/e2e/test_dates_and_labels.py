"""Dates and filters in the browser (issue 15 part 7): a future day on the daily figures is refused like
a bad one, beside the field, with no figures shown; a bad date on the crime list is an error beside it
and the other filters still apply; dates read "28 Nov" (with the year when it is not this year)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from conftest import axe_violations, screenshot, sign_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_a_future_day_is_refused_and_a_bad_date_keeps_the_other_filters(
    page: Any, make_user: Callable[..., Any], reference_data: None
) -> None:
    from recording.tests.factories import CrimeFactory
    from staffing.templatetags.resolve_format import when

    make_user("sergeant", username="sgt.dates", password="correct-horse-battery")
    recorded = CrimeFactory(status="recorded")
    finalised = CrimeFactory(status="finalised")
    sign_in(page, "sgt.dates")

    page.goto("/qa/daily/")
    assert "Crimes recorded" in page.content()
    tomorrow = timezone.localdate() + timedelta(days=1)
    page.fill("#id_date", tomorrow.isoformat())
    page.click("button:has-text('Show')")
    page.wait_for_selector(".error-summary")
    assert "cannot be in the future" in page.locator("#id_date-error").inner_text()
    assert page.locator("#id_date").get_attribute("aria-invalid") == "true"
    assert "Crimes recorded" not in page.content()  # no day of zeros passed off as a quiet day
    screenshot(page, "01-daily-future-day")
    assert axe_violations(page) == []

    page.goto("/recording/crimes/?status=recorded&recorded_from=2026-02-30")
    assert page.locator(".errorlist").count() >= 1
    body = page.locator("table").inner_text()
    assert recorded.crime_number in body and finalised.crime_number not in body
    assert page.locator("#id_status").input_value() == "recorded"
    assert when(recorded.recorded_at) in body  # "28 Nov 14:05": one way to write a time
    screenshot(page, "02-crime-list-bad-date-keeps-status")
