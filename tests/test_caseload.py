"""The advisor's caseload (complaints:mine) on the list pattern: overdue first, then due within 7 days
(C-UPDATE-28D, C-INITIAL-CONTACT), sortable, paginated, and the case page leads back to the same place."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any
from urllib.parse import quote

import pytest
from django.test import Client
from django.utils import timezone

pytestmark = pytest.mark.django_db


@pytest.fixture
def advisor(make_user: Callable[..., Any], reference_data: None) -> Any:
    return make_user("advisor")


def _case(advisor: Any, days_ago: int, name: str) -> Any:
    from complaints.tests.factories import ComplaintCaseFactory

    return ComplaintCaseFactory(
        actor=advisor,
        received_at=timezone.now() - dt.timedelta(days=days_ago),
        incident_date=None,
        complainant={"name": name},
    )


def test_overdue_cases_come_first_then_due_soon(client: Client, advisor: Any) -> None:
    fresh = _case(advisor, 1, "Fresh Case")
    overdue = _case(advisor, 40, "Overdue Case")  # 28-day update long past
    soon = _case(advisor, 24, "Soon Case")  # update due within 7 days (its first contact is overdue too)
    client.force_login(advisor)
    html = client.get("/complaints/").content.decode()
    assert html.index(overdue.reference) < html.index(soon.reference) < html.index(fresh.reference)
    assert 'aria-sort="ascending"' in html and '<span class="tag tag-danger">Overdue</span>' in html
    # The figure cites its rule, linked to its catalogue page like every rule ID on a screen.
    assert 'Updates overdue (<a class="rule-link" href="/staffing/rules/C-UPDATE-28D/"' in html


def test_any_column_re_sorts_and_the_case_links_back(client: Client, advisor: Any) -> None:
    older = _case(advisor, 20, "Older Case")
    newer = _case(advisor, 2, "Newer Case")
    client.force_login(advisor)
    html = client.get("/complaints/?sort=-received").content.decode()
    assert html.index(newer.reference) < html.index(older.reference)
    next_param = quote("/complaints/?sort=-received", safe="")
    assert f"/complaints/{newer.pk}/?next={next_param}" in html
    detail = client.get(f"/complaints/{newer.pk}/", {"next": "/complaints/?sort=-received"}).content.decode()
    assert 'href="/complaints/?sort=-received">Back to the list' in detail
    offsite = client.get(f"/complaints/{newer.pk}/", {"next": "https://evil.example/"}).content.decode()
    assert 'href="/complaints/">Back to the list' in offsite


def test_the_caseload_paginates_keeping_the_sort(
    client: Client, advisor: Any, django_assert_max_num_queries: Any
) -> None:
    for i in range(27):
        _case(advisor, 1 + i % 5, f"Person {i}")
    client.force_login(advisor)
    with django_assert_max_num_queries(16):  # session, user, counts, count, page, 2 prefetches, nav/queues
        html = client.get("/complaints/", {"sort": "reference"}).content.decode()
    assert "Showing 1–25 of 27" in html and "sort=reference&amp;page=2" in html
    second = client.get("/complaints/", {"sort": "reference", "page": "2"}).content.decode()
    assert "Showing 26–27 of 27" in second
