"""Complaint figures of the daily-performance contract and the dashboard's caseloads come from the
complaints app through its AppConfig hooks (qa never imports complaints): C-UPDATE-28D, C-INITIAL-CONTACT."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from django.utils import timezone

pytestmark = pytest.mark.django_db


@pytest.fixture
def cases(make_user: Callable[..., Any], reference_data: None) -> dict[str, Any]:
    from complaints import services
    from complaints.tests.factories import ComplaintCaseFactory, ComplimentFactory

    ann = make_user("advisor", username="ann", first_name="Ann", last_name="Akers")
    bob = make_user("advisor", username="bob", first_name="Bob", last_name="Brown")
    now = timezone.now()
    # "Today" in London even just after midnight: never earlier than the day's start.
    midnight = timezone.localtime(now).replace(hour=0, minute=0, second=0, microsecond=0)
    today_case = ComplaintCaseFactory(
        actor=ann, received_at=max(now - dt.timedelta(minutes=5), midnight), incident_date=None
    )
    old = ComplaintCaseFactory(actor=ann, received_at=now - dt.timedelta(days=40), incident_date=None)
    ComplaintCaseFactory(actor=bob, received_at=now - dt.timedelta(days=3), incident_date=None)
    closed = ComplaintCaseFactory(actor=bob, received_at=now - dt.timedelta(days=10), incident_date=None)
    services.complaint_withdraw(
        case_id=closed.pk, actor=bob, reason="Complainant withdrew", version=closed.version
    )
    ComplimentFactory(actor=ann, received_at=max(now - dt.timedelta(minutes=1), midnight))
    return {"ann": ann, "bob": bob, "today": today_case, "old": old}


def test_daily_figures_count_complaints_not_compliments(cases: dict[str, Any]) -> None:
    from qa import compliance

    figures = compliance.daily_figures(timezone.localdate())["complaints"]
    assert figures == {"received": 1, "open": 3, "overdue_updates": 1}


def test_a_case_closed_later_was_open_on_an_earlier_day(cases: dict[str, Any]) -> None:
    from qa import compliance

    five_days_ago = timezone.localdate() - dt.timedelta(days=5)
    figures = compliance.daily_figures(five_days_ago)["complaints"]
    assert figures["open"] == 2  # the 40-day-old case and the one withdrawn today
    assert figures["received"] == 0


def test_the_daily_api_carries_the_complaint_figures(cases: dict[str, Any], api_as: Any) -> None:
    body = (
        api_as("manager").get("/api/v1/dashboard/daily/", {"date": timezone.localdate().isoformat()}).json()
    )
    assert body["complaints"] == {"received": 1, "open": 3, "overdue_updates": 1}


def test_caseloads_per_advisor(cases: dict[str, Any], django_assert_num_queries: Any) -> None:
    from qa import compliance

    with django_assert_num_queries(1):
        rows = compliance.complaint_caseloads(timezone.localdate())
    assert rows == [
        {"advisor": "Ann Akers", "open": 2, "overdue_updates": 1, "initial_contact_overdue": 1},
        {"advisor": "Bob Brown", "open": 1, "overdue_updates": 0, "initial_contact_overdue": 0},
    ]
