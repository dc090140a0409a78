"""People read labels, not codes (issue 15 part 7; STYLE.md 12): one way to write a date, a time and a
rate on every screen; record types of the access log in words; a bad date is an error beside its field
and never silently drops the other filters."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from django.template import Context, Template
from django.test import Client
from django.utils import timezone

from staffing.templatetags.resolve_format import day, percent, when


def this_year() -> int:
    return timezone.localdate().year


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, ""),
        ("", ""),
        (dt.date(2025, 11, 28), "28 Nov 2025"),
        (dt.date(2031, 1, 3), "3 Jan 2031"),
    ],
)
def test_day_shows_the_year_only_when_it_is_not_this_year(value: Any, expected: str) -> None:
    assert day(value) == expected


def test_day_and_when_this_year() -> None:
    year = this_year()
    assert day(dt.date(year, 11, 28)) == "28 Nov"
    moment = timezone.make_aware(dt.datetime(year, 7, 4, 9, 5, 7))  # summer: BST
    assert when(moment) == "4 Jul 09:05"
    assert when(moment, "seconds") == "4 Jul 09:05:07"
    # An aware time in UTC reads in local time: 23:30 UTC on 30 June is 00:30 on 1 July in London.
    assert when(dt.datetime(year, 6, 30, 23, 30, tzinfo=dt.UTC)) == "1 Jul 00:30"
    assert day(dt.datetime(year, 6, 30, 23, 30, tzinfo=dt.UTC)) == "1 Jul"
    assert when(dt.datetime(2024, 2, 29, 12, 0, tzinfo=dt.UTC)) == "29 Feb 2024 12:00"
    assert when(None) == ""


@pytest.mark.parametrize(
    ("fraction", "places", "expected"),
    [
        (None, 1, "–"),
        (0, 1, "0%"),
        (1, 1, "100%"),
        (0.875, 1, "87.5%"),
        (0.2065, 1, "20.7%"),
        (0.5, 0, "50%"),
    ],
)
def test_percent_from_a_fraction(fraction: Any, places: int, expected: str) -> None:
    assert percent(fraction, places) == expected


def test_the_filters_are_builtins_every_template_has() -> None:
    html = Template("{{ d|day }} · {{ r|percent }}").render(Context({"d": dt.date(2019, 5, 1), "r": 0.25}))
    assert html == "1 May 2019 · 25%"


def test_access_log_record_types_read_as_words(
    db: None, client: Client, make_user: Callable[..., Any]
) -> None:
    from staffing.access_audit import record_type_label
    from staffing.services import access_log_record

    assert record_type_label("qa.RapeReview") == "Rape review"
    assert record_type_label("recording.crime") == "Crime"
    assert record_type_label("qa.UnrecordedFlag") == "Unrecorded flag"  # the model's own name
    assert record_type_label("something_new") == "Something new"
    manager = make_user("manager")
    access_log_record(
        user=manager, record_type="qa.RapeReview", record_id="7", label="XX-1", purpose="Review", path="/"
    )
    client.force_login(manager)
    html = client.get("/staffing/access-log/").content.decode()
    assert "<td>Rape review</td>" in html and '<option value="qa.RapeReview">Rape review</option>' in html
    assert "(Manager)" in html  # the role in words


def test_a_bad_date_on_the_crime_list_keeps_the_other_filters(
    reference_data: None, client: Client, make_user: Callable[..., Any]
) -> None:
    from recording.tests.factories import CrimeFactory

    recorded = CrimeFactory(status="recorded")
    finalised = CrimeFactory(status="finalised")
    client.force_login(make_user("sergeant"))
    response = client.get("/recording/crimes/", {"status": "recorded", "recorded_from": "31/02/2026"})
    html = response.content.decode()
    assert 'aria-invalid="true"' in html or "errorlist" in html  # the error is beside the date
    assert recorded.crime_number in html and finalised.crime_number not in html  # status still applies
    assert '<option value="recorded" selected>' in html
    # A good date filters as well.
    html = client.get("/recording/crimes/", {"recorded_from": "2099-01-01"}).content.decode()
    assert recorded.crime_number not in html


def test_a_bad_date_on_the_compliance_page_keeps_the_grouping(
    reference_data: None, client: Client, make_user: Callable[..., Any]
) -> None:
    client.force_login(make_user("sergeant"))
    response = client.get("/qa/compliance/", {"by": "team", "start": "not-a-day"})
    assert response.context["by"] == "team"
    assert "errorlist" in response.content.decode()
