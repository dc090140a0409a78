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
    # The figure opens its list and cites its rule, linked to its catalogue page like every rule ID.
    assert (
        '<a href="/queues/complaints-updates-overdue/">Updates overdue</a>'
        ' (<a class="rule-link" href="/staffing/rules/C-UPDATE-28D/"'
    ) in html


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
    client: Client, advisor: Any, django_assert_num_queries: Any
) -> None:
    for i in range(27):
        _case(advisor, 1 + i % 5, f"Person {i}")
    client.force_login(advisor)
    # session, user, the three figures and the open cases (one conditional aggregate, which is also the
    # list's count), the page, its complainants, its subjects
    with django_assert_num_queries(6):
        html = client.get("/complaints/", {"sort": "reference"}).content.decode()
    assert "Showing 1–25 of 27" in html and "sort=reference&amp;page=2" in html
    second = client.get("/complaints/", {"sort": "reference", "page": "2"}).content.decode()
    assert "Showing 26–27 of 27" in second


def test_the_caseload_figures_are_the_home_queues_and_each_equals_its_list(
    client: Client, advisor: Any
) -> None:
    """complaints.queues defines each figure once: "due in the next 7 days" leaves out the overdue case,
    which is counted under "overdue", and each figure's count is the number of rows its link lists."""
    from tests.test_queues import rows_of

    _case(advisor, 1, "Fresh Case")
    _case(advisor, 40, "Overdue Case")
    _case(advisor, 24, "Soon Case")
    client.force_login(advisor)
    response = client.get("/complaints/")
    figures = {f.label: f for f in response.context["figures"]}
    assert {label: f.count for label, f in figures.items()} == {
        "Updates overdue": 1,
        "Updates due in the next 7 days": 1,
        "Initial contacts to make": 3,
    }
    for figure in figures.values():
        assert rows_of(client, figure.url) == figure.count, figure.label
    home = client.get("/").content.decode()
    for figure in figures.values():
        assert f'href="{figure.url}"' in home  # the same queue the home page counts


def test_the_open_cases_figure_is_the_list_for_an_advisor_and_a_manager(
    client: Client, advisor: Any, make_user: Callable[..., Any]
) -> None:
    """An advisor's open-case count comes from the figures' aggregate (their own cases are the list); a
    manager's figures are every advisor's, so their list is counted on its own."""
    _case(advisor, 1, "First Case")
    _case(advisor, 2, "Second Case")
    client.force_login(advisor)
    mine = client.get("/complaints/").context
    assert mine["listing"].total == len(mine["rows"]) == 2
    client.force_login(make_user("manager"))
    managers = client.get("/complaints/").context
    assert managers["listing"].total == len(managers["rows"]) == 0
    assert {f.label: f.count for f in managers["figures"]}["Initial contacts to make"] == 2
