"""The complaints part of the daily performance contract, as qa reads it through the app registry."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.apps import apps

from complaints.models import ComplaintCase
from complaints.selectors import daily_figures
from complaints.tests.factories import ComplaintCaseFactory, ComplimentFactory

pytestmark = pytest.mark.django_db
LONDON = ZoneInfo("Europe/London")
DAY = dt.date(2026, 3, 10)


def at(day: dt.date, hour: int) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour), tzinfo=LONDON)


def test_it_counts_complaints_received_open_and_overdue_on_the_day(reference_data: None) -> None:
    ComplaintCaseFactory(received_at=at(DAY, 9))
    ComplaintCaseFactory(received_at=at(DAY, 23))  # 23:00 London is still that day
    old = ComplaintCaseFactory(received_at=at(DAY - dt.timedelta(days=40), 9))
    ComplaintCase.objects.filter(pk=old.pk).update(next_update_due=DAY - dt.timedelta(days=3))
    closed = ComplaintCaseFactory(received_at=at(DAY - dt.timedelta(days=5), 9))
    ComplaintCase.objects.filter(pk=closed.pk).update(status="closed", closed_at=at(DAY, 8))
    ComplaintCaseFactory(received_at=at(DAY + dt.timedelta(days=1), 9))  # after the day: not counted
    ComplimentFactory(received_at=at(DAY, 10))  # compliments are not complaints (C-COMPLIMENT)

    assert daily_figures(DAY) == {"complaints": {"received": 2, "open": 3, "overdue_updates": 1}}


def test_qa_reaches_it_through_the_complaints_app_config() -> None:
    assert apps.get_app_config("complaints").daily_figures(DAY) == {
        "complaints": {"received": 0, "open": 0, "overdue_updates": 0}
    }
