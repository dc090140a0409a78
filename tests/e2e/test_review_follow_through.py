"""An upheld review is followed through, in a real browser (issue 20 part 5): the advisor records the
review body's result with its recommendations; the case reopens with each recommendation tracked, in the
advisor's queue; it closes again only when each one is done or answered."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from django.utils import timezone

from complaints import services
from complaints.models import ComplaintCase
from complaints.tests.factories import ComplaintCaseFactory
from conftest import screenshot, sign_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_an_upheld_review_reopens_the_case_with_its_recommendations_tracked(
    page: Any, make_user: Callable[..., Any], reference_data: None
) -> None:
    advisor = make_user("advisor", username="adv.review", password="correct-horse-battery", first_name="Rae")
    case = ComplaintCaseFactory(actor=advisor, received_at=timezone.now() - dt.timedelta(days=90))
    ComplaintCase.objects.filter(pk=case.pk).update(
        status=ComplaintCase.Status.CLOSED,
        closed_at=timezone.now() - dt.timedelta(days=20),
        outcome_on=timezone.localdate() - dt.timedelta(days=20),
        review_body="local_policing_body",
        review_deadline=timezone.localdate() + dt.timedelta(days=8),
        route="schedule_3_reasonable_and_proportionate",
    )
    services.review_log(
        case_id=case.pk, actor=advisor, received_on=timezone.localdate() - dt.timedelta(days=3)
    )

    sign_in(page, "adv.review", then=f"/complaints/{case.pk}/")
    page.click("#action-review_result summary")
    page.select_option("#id_review_result-result", "REVIEW-UPHELD")
    page.fill(
        "#id_review_result-recommendations",
        "Apologise in writing for the delay\nRe-examine the body-worn video",
    )
    screenshot(page, "01-review-result")
    page.click("#action-review_result button[type=submit]")
    page.wait_for_selector("#recommendation-list")
    assert "The case is reopened" in page.locator("[role=status]").inner_text()
    rows = page.locator("#recommendation-list tbody tr")
    assert rows.count() == 2
    assert "Apologise in writing for the delay" in rows.nth(0).inner_text()
    assert "To do" in rows.nth(0).inner_text()
    screenshot(page, "02-reopened")

    # The advisor's home lists them; closing waits for each one.
    page.goto("/")
    assert page.locator('[data-queue="complaints-recommendations"]').inner_text() == "2"
    page.goto(f"/complaints/{case.pk}/")
    for response in ("Letter of apology sent", "Video re-examined: no new finding"):
        page.locator("#recommendations details.action").first.locator("summary").click()
        form = page.locator("#recommendations details.action[open]").first
        form.locator("input[value=done]").check()
        form.locator("textarea").fill(response)
        form.locator("button[type=submit]").click()
        page.wait_for_selector("#recommendation-list")
    assert page.locator("#recommendation-list").inner_text().count("Done") == 2
    screenshot(page, "03-followed-through")
    assert ComplaintCase.objects.get(pk=case.pk).recommendations.filter(status="open").count() == 0
