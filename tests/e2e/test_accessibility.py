"""Every main page, as the role that works in it: a heading, a breadcrumb (except home), the same
layout, and no serious or critical axe-core violations (WCAG 2.2 AA basics)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from conftest import axe_violations, screenshot, sign_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PAGES = {
    "sergeant": [
        "/",
        "/recording/crimes/",
        "/recording/incidents/",
        "/recording/decide/",
        "/recording/reclassifications/",
        "/recording/cancellations/",
        "/recording/transfers/",
        "/qa/unrecorded/",
        "/qa/dip-tests/",
        "/qa/amendments/",
        "/qa/rape-review/",
        "/qa/daily/",
        "/qa/compliance/",
        "/staffing/rota/",
        "/staffing/coverage/",
        "/staffing/training/",
        "/staffing/workload/",
        "/staffing/teams/",
    ],
    "manager": ["/", "/qa/dashboard/", "/complaints/learning/"],
    "advisor": [
        "/",
        "/complaints/",
        "/complaints/overdue/",
        "/complaints/search/?q=x",
        "/complaints/new/",
        "/staffing/rules/",
        "/staffing/rules/C-REVIEW-28D/",
    ],
}


@pytest.mark.parametrize("role", sorted(PAGES))
def test_main_pages_are_consistent_and_pass_axe(
    page: Any, make_user: Callable[..., Any], reference_data: None, role: str
) -> None:
    from staffing.tests.factories import TeamFactory

    team = TeamFactory(code="A1", name="Alpha")
    make_user(role, username=f"{role}.a11y", password="correct-horse-battery", team=team)
    sign_in(page, f"{role}.a11y")
    page.wait_for_selector("nav[aria-label=Main]")
    problems: dict[str, Any] = {}
    for n, path in enumerate(PAGES[role], start=1):
        response = page.goto(path)
        assert response is not None and response.status == 200, path
        assert page.locator("h1").count() == 1, path
        assert page.locator("main#main").count() == 1 and page.locator("a.skip-link").count() == 1, path
        if path != "/":
            assert page.locator("nav[aria-label=Breadcrumb]").count() == 1, path
        screenshot(page, f"{n:02d}-{path.strip('/').replace('/', '-').replace('?', '-') or 'home'}")
        found = axe_violations(page)
        if found:
            problems[path] = found
    assert problems == {}
