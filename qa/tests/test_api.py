"""API contract: unrecorded incidents (the sweep) and daily performance, incl. 401/403, pagination, CSV."""

from __future__ import annotations

import csv
import io
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from qa.models import UnrecordedFlag
from qa.services import dip_test, flags, sweep
from qa.tests.factories import audit_answers, make_crime, make_incident
from staffing.models import Allocation, Skill
from staffing.services import allocation_current
from staffing.tests.factories import TeamFactory, on_shift_now

pytestmark = pytest.mark.usefixtures("reference_data")
FLAGS = "/api/v1/qa/unrecorded-incidents/"
DAILY = "/api/v1/dashboard/daily/"


def test_unrecorded_incidents_need_credentials(api_client: APIClient) -> None:
    assert api_client.get(FLAGS).status_code == 401
    assert api_client.get(DAILY).status_code == 401


@pytest.mark.parametrize("role", ["recorder", "investigator", "advisor"])
def test_other_roles_are_refused(api_as: Any, role: str) -> None:
    client = api_as(role)
    assert client.get(FLAGS).status_code == 403
    assert client.get(DAILY).status_code == 403
    assert client.get(DAILY + "?format=csv").status_code == 403


@pytest.mark.parametrize("role", ["sergeant", "manager", "admin"])
def test_supervisors_see_the_flags_with_the_contract_fields(api_as: Any, role: str) -> None:
    opened = timezone.now() - timedelta(hours=30)
    incident = make_incident(opened_at=opened, reference="XX-20260301-0042")
    sweep.sweep_unrecorded()
    response = api_as(role).get(FLAGS)
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 1
    assert "next" in body
    result = body["results"][0]
    assert result["reference"] == "XX-20260301-0042"
    assert result["nsir_code"] == incident.nsir_code.code
    assert result["hours_open"] == 30
    assert result["status"] == "open"
    assert result["assigned_to"] is None
    assert datetime.fromisoformat(result["opened_at"]) == opened.replace(microsecond=opened.microsecond)
    assert datetime.fromisoformat(result["flagged_at"]) <= timezone.now()


def test_flags_filter_by_status_and_paginate(api_as: Any, make_user: Any) -> None:
    for i in range(53):
        make_incident(opened_at=timezone.now() - timedelta(hours=100 - i))
    sweep.sweep_unrecorded()
    first = UnrecordedFlag.objects.order_by("incident__opened_at").first()
    assert first is not None
    flags.flag_escalate(flag_id=first.pk, note="n", actor=make_user("sergeant"))
    flags.flag_dismiss(
        flag_id=first.pk, reason="Civil matter", closing_nsir_code="PS-CIVIL", actor=make_user("sergeant")
    )
    client = api_as("sergeant")
    page1 = client.get(FLAGS, {"status": "open"}).json()
    assert page1["count"] == 52
    assert len(page1["results"]) == 50
    assert page1["next"] is not None and "page=2" in page1["next"]
    hours = [r["hours_open"] for r in page1["results"]]
    assert hours == sorted(hours, reverse=True)  # oldest first
    page2 = client.get(page1["next"]).json()
    assert len(page2["results"]) == 2
    dismissed = client.get(FLAGS, {"status": "dismissed"}).json()
    assert [r["status"] for r in dismissed["results"]] == ["dismissed"]
    assert client.get(FLAGS, {"status": "bogus"}).status_code == 400


def test_flag_list_query_count(api_as: Any, django_assert_num_queries: Any) -> None:
    for _ in range(5):
        make_incident()
    sweep.sweep_unrecorded()
    client = api_as("sergeant")
    # token + user, count, page with incident/nsir/assignee joined
    with django_assert_num_queries(3):
        assert client.get(FLAGS).status_code == 200


DAY = date(2026, 3, 1)
NOON = datetime(2026, 3, 1, 12, 0, tzinfo=ZoneInfo("Europe/London"))


def test_daily_figures_follow_the_contract(api_as: Any, settings: Any) -> None:
    settings.RESOLVE_DIPTEST_CRIMES_PER_CATEGORY = 10
    make_crime(recorded_at=NOON, reported_at=NOON - timedelta(hours=2))
    make_crime(recorded_at=NOON, reported_at=NOON - timedelta(hours=30))  # late (R-NCRS-24H)
    make_crime(recorded_at=NOON - timedelta(days=1))
    make_incident(opened_at=NOON - timedelta(hours=40))
    sweep.sweep_unrecorded(now=NOON)
    test = dip_test.dip_test_draw(day=DAY)
    sergeant = api_as("sergeant")
    sample = test.samples.first()
    assert sample is not None
    dip_test.dip_sample_audit(
        sample_id=sample.pk, answers=audit_answers(sample), notes="", actor=sergeant.user
    )
    body = sergeant.get(DAILY, {"date": "2026-03-01"}).json()
    assert body == {
        "date": "2026-03-01",
        "crimes_recorded": 2,
        "recorded_within_24h": 1,
        "ncrs_timeliness_rate": 0.5,
        "unrecorded_incidents_open": 1,
        "dip_test": {
            "sampled": 2,
            "checked": 1,
            "compliant": 1,
            "compliance_rate": 1.0,
            "ci95_low": pytest.approx(0.206549, abs=1e-6),
            "ci95_high": 1.0,
        },
        "complaints": {"received": 0, "open": 0, "overdue_updates": 0},
    }


@pytest.mark.parametrize("value", ["2026-02-30", "yesterday", "2099-01-01"])
def test_a_bad_or_future_day_is_a_400(api_as: Any, value: str) -> None:
    """A future day is refused like a malformed one: not a day of zeros that reads as a quiet day."""
    from django.utils import timezone

    client = api_as("sergeant")
    response = client.get(DAILY, {"date": value})
    assert response.status_code == 400 and "date" in response.json()
    tomorrow = (timezone.localdate() + timedelta(days=1)).isoformat()
    response = client.get(DAILY, {"date": tomorrow})
    assert response.status_code == 400 and "future" in str(response.json()["date"])
    assert client.get(DAILY, {"date": timezone.localdate().isoformat()}).status_code == 200


def test_an_empty_day_has_null_rates(api_as: Any) -> None:
    body = api_as("manager").get(DAILY, {"date": "2026-03-01"}).json()
    assert body["crimes_recorded"] == 0
    assert body["ncrs_timeliness_rate"] is None
    assert body["dip_test"] == {
        "sampled": 0,
        "checked": 0,
        "compliant": 0,
        "compliance_rate": None,
        "ci95_low": None,
        "ci95_high": None,
    }


def test_a_bad_date_is_a_400_naming_the_field(api_as: Any) -> None:
    response = api_as("sergeant").get(DAILY, {"date": "01/03/2026"})
    assert response.status_code == 400
    assert "date" in response.json()


def test_csv_gives_the_same_figures(api_as: Any) -> None:
    make_crime(recorded_at=NOON, reported_at=NOON - timedelta(hours=2))
    client = api_as("sergeant")
    as_json = client.get(DAILY, {"date": "2026-03-01"}).json()
    response = client.get(DAILY, {"date": "2026-03-01", "format": "csv"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert len(rows) == 1
    row = rows[0]
    assert row["date"] == "2026-03-01"
    assert int(row["crimes_recorded"]) == as_json["crimes_recorded"] == 1
    assert float(row["ncrs_timeliness_rate"]) == as_json["ncrs_timeliness_rate"]
    assert row["dip_test_compliance_rate"] == ""  # null
    assert int(row["complaints_overdue_updates"]) == 0


def test_complaints_figures_come_from_an_app_hook(api_as: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from django.apps import apps

    config = apps.get_app_config("complaints")
    monkeypatch.setattr(
        config,
        "daily_figures",
        lambda day: {"complaints": {"received": 3, "open": 7, "overdue_updates": 2}},
        raising=False,
    )
    body = api_as("sergeant").get(DAILY, {"date": "2026-03-01"}).json()
    assert body["complaints"] == {"received": 3, "open": 7, "overdue_updates": 2}


def test_daily_query_count(api_as: Any, django_assert_max_num_queries: Any) -> None:
    client = api_as("sergeant")
    # token, crimes, flags, dip-test, three index-only complaint counts (received, open now, closed
    # since) and the Victims' Code notices: fixed, whatever the data
    with django_assert_max_num_queries(9):
        assert client.get(DAILY, {"date": "2026-03-01"}).status_code == 200


def test_flag_actions_through_the_api(api_as: Any, make_user: Any) -> None:
    make_incident()
    sweep.sweep_unrecorded()
    flag = UnrecordedFlag.objects.get()
    url = f"{FLAGS}{flag.pk}/"
    investigator = make_user("investigator", team=TeamFactory(code="QA1"))
    assert api_as("recorder").post(url + "assign/", {"assigned_to": investigator.username}).status_code == 403
    client = api_as("sergeant")
    # Through staffing's allocation rules: off shift and untrained needs the sergeant's reason.
    refused = client.post(url + "assign/", {"assigned_to": investigator.username}, format="json")
    assert refused.status_code == 400 and "not on shift" in refused.json()["reason"][0]
    flag.refresh_from_db()
    assert flag.assigned_to is None and allocation_current(flag) is None
    on_shift_now(investigator, skills=(Skill.UNRECORDED_FLAGS,))
    assigned = client.post(url + "assign/", {"assigned_to": investigator.username}, format="json")
    assert assigned.status_code == 200
    assert assigned.json()["assigned_to"] == investigator.username
    allocation = allocation_current(flag)
    assert allocation is not None and allocation.assigned_to == investigator
    assert allocation.skill == Skill.UNRECORDED_FLAGS
    bad = client.post(
        url + "dismiss/", {"reason": "Civil", "closing_nsir_code": "CRIME-THEFT"}, format="json"
    )
    assert bad.status_code == 400
    assert "closing_nsir_code" in bad.json()
    missing = client.post(url + "escalate/", {}, format="json")
    assert missing.status_code == 400
    assert "note" in missing.json()
    flag.refresh_from_db()
    assert flag.status == "open" and flag.escalation_note == ""
    done = client.post(url + "dismiss/", {"reason": "Civil", "closing_nsir_code": "PS-CIVIL"}, format="json")
    assert done.json()["status"] == "dismissed"
    allocation.refresh_from_db()  # the work is done: the investigator's workload drops
    assert allocation.status == Allocation.Status.DONE and allocation_current(flag) is None
    assert client.post(url + "unknown/", {}, format="json").status_code == 404
