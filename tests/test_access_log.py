"""Need-to-know audit (issue 10 part 2): every view of a restricted record writes exactly one access-log
row (who, what, when, the purpose given), and managers/admins get an auditor's report per record and per
user (page with filters, paging and CSV; API)."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from complaints.tests.factories import ComplaintCaseFactory
from recording.tests.factories import CrimeFactory, OffenceFactory
from staffing.models import AccessLog
from staffing.services import access_log_record
from staffing.tests.factories import TeamFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def restricted_crime(reference_data: None) -> Any:
    return CrimeFactory(
        offence=OffenceFactory(code="19C", title="Rape of a female aged 16 and over", restricted=True)
    )


def _only_row(**filters: Any) -> AccessLog:
    rows = list(AccessLog.objects.filter(**filters))
    assert len(rows) == 1, rows
    return rows[0]


def test_viewing_a_restricted_crime_page_logs_one_row_with_the_purpose_given(
    client: Client, make_user: Callable[..., Any], restricted_crime: Any
) -> None:
    sergeant = make_user("sergeant")
    client.force_login(sergeant)
    before = timezone.now()
    url = reverse("recording:crime-detail", args=[restricted_crime.pk])
    assert client.get(url, {"purpose": "Victim asked for an update (call 14:02)"}).status_code == 200
    row = _only_row(record_type="recording.crime")
    assert (row.user, row.record_id, row.record_label) == (
        sergeant,
        str(restricted_crime.pk),
        restricted_crime.crime_number,
    )
    assert row.purpose == "Victim asked for an update (call 14:02)"
    assert before <= row.at <= timezone.now()


def test_without_a_purpose_the_page_s_own_purpose_is_logged(
    client: Client, make_user: Callable[..., Any], restricted_crime: Any
) -> None:
    client.force_login(make_user("manager"))
    client.get(reverse("recording:crime-detail", args=[restricted_crime.pk]))
    assert _only_row(record_type="recording.crime").purpose == "Crime detail page"


def test_an_unrestricted_crime_is_not_logged(
    client: Client, make_user: Callable[..., Any], reference_data: None
) -> None:
    crime = CrimeFactory()
    client.force_login(make_user("sergeant"))
    assert client.get(reverse("recording:crime-detail", args=[crime.pk])).status_code == 200
    assert not AccessLog.objects.exists()


def test_the_crime_api_logs_the_purpose_too(api_as: Callable[..., Any], restricted_crime: Any) -> None:
    api = api_as("admin")
    response = api.get(f"/api/v1/recording/crimes/{restricted_crime.pk}/?purpose=Court%20file%20review")
    assert response.status_code == 200
    row = _only_row(record_type="recording.crime")
    assert (row.user, row.purpose) == (api.user, "Court file review")


def test_a_restricted_crime_hidden_from_a_recorder_is_404_and_the_attempt_is_logged(
    client: Client, make_user: Callable[..., Any], restricted_crime: Any
) -> None:
    recorder = make_user("recorder")
    client.force_login(recorder)
    assert client.get(reverse("recording:crime-detail", args=[restricted_crime.pk])).status_code == 404
    log = AccessLog.objects.get()
    assert (log.user, log.action, log.record_id) == (recorder, "refused", str(restricted_crime.pk))


def test_viewing_a_complaint_case_logs_one_row_with_the_purpose(
    client: Client, make_user: Callable[..., Any]
) -> None:
    advisor = make_user("advisor")
    case = ComplaintCaseFactory(actor=advisor)
    client.force_login(advisor)
    before = timezone.now()
    assert (
        client.get(
            reverse("complaints:detail", args=[case.pk]), {"purpose": "Reply to MP letter"}
        ).status_code
        == 200
    )
    row = _only_row(record_type="complaint_case")
    assert (row.user, row.record_id, row.purpose) == (advisor, str(case.pk), "Reply to MP letter")
    assert row.at >= before


def test_the_complaint_api_logs_the_purpose(api_as: Callable[..., Any]) -> None:
    api = api_as("manager")
    case = ComplaintCaseFactory(actor=api.user)
    assert api.get(f"/api/v1/complaints/cases/{case.pk}/?purpose=IOPC%20request").status_code == 200
    assert _only_row(record_type="complaint_case").purpose == "IOPC request"


def test_viewing_personnel_notes_is_logged(client: Client, make_user: Callable[..., Any]) -> None:
    manager = make_user("manager")
    subject = make_user("investigator", team=TeamFactory())
    client.force_login(manager)
    assert client.get(reverse("staffing:personnel-notes", args=[subject.pk])).status_code == 200
    row = _only_row(record_type="personnel_notes")
    assert (row.user, row.record_id, row.purpose) == (manager, str(subject.pk), "Supervision")


# ---------------------------------------------------------------- the auditor's report
def _log(
    user: Any, record_id: str, *, purpose: str = "Check", record_type: str = "recording.crime"
) -> AccessLog:
    return access_log_record(
        user=user, record_type=record_type, record_id=record_id, label=f"XX/{record_id}", purpose=purpose
    )


def test_the_report_is_for_managers_and_admins_only(client: Client, make_user: Callable[..., Any]) -> None:
    for role, expected in (("sergeant", 403), ("advisor", 403), ("manager", 200), ("admin", 200)):
        client.force_login(make_user(role))
        assert client.get(reverse("staffing:access-log")).status_code == expected, role


def test_the_report_filters_per_record_and_per_user(client: Client, make_user: Callable[..., Any]) -> None:
    ann, bob = make_user("sergeant", username="ann"), make_user("sergeant", username="bob")
    _log(ann, "1", purpose="Ann on one")
    _log(bob, "1", purpose="Bob on one")
    _log(ann, "2", purpose="Ann on two")
    client.force_login(make_user("manager"))
    per_record = client.get(
        reverse("staffing:access-log"), {"record_type": "recording.crime", "record_id": "1"}
    )
    body = per_record.content.decode()
    assert "Ann on one" in body and "Bob on one" in body and "Ann on two" not in body
    per_user = client.get(reverse("staffing:access-log"), {"username": "ann"}).content.decode()
    assert "Ann on one" in per_user and "Ann on two" in per_user and "Bob on one" not in per_user


def test_the_report_filters_by_london_dates_and_refuses_a_backwards_range(
    client: Client, make_user: Callable[..., Any]
) -> None:
    user = make_user("sergeant")
    old = _log(user, "1", purpose="Last month")
    AccessLog.objects.filter(pk=old.pk).update(at=timezone.now() - timedelta(days=30))
    _log(user, "2", purpose="Today")
    client.force_login(make_user("admin"))
    today = timezone.localdate()
    body = client.get(reverse("staffing:access-log"), {"date_from": today.isoformat()}).content.decode()
    assert "Today" in body and "Last month" not in body
    bad = client.get(
        reverse("staffing:access-log"),
        {"date_from": today.isoformat(), "date_to": (today - timedelta(days=1)).isoformat()},
    )
    assert bad.status_code == 400
    assert "The end date is before the start date." in bad.content.decode()


def test_the_report_pages_and_pins_its_queries(
    client: Client, make_user: Callable[..., Any], django_assert_num_queries: Any
) -> None:
    user = make_user("sergeant")
    for n in range(55):
        _log(user, str(n))
    client.force_login(make_user("manager"))
    # session, user, record-type choices, count, page rows with their users
    with django_assert_num_queries(5):
        first = client.get(reverse("staffing:access-log"))
    assert "Page 1 of 2" in first.content.decode()
    second = client.get(reverse("staffing:access-log"), {"page": "2"}).content.decode()
    assert "Page 2 of 2" in second


def test_the_report_exports_csv_with_the_same_filters(client: Client, make_user: Callable[..., Any]) -> None:
    ann = make_user("sergeant", username="ann")
    _log(ann, "7", purpose='=HYPERLINK("x")')
    _log(make_user("sergeant", username="bob"), "8")
    client.force_login(make_user("manager"))
    response = client.get(reverse("staffing:access-log"), {"username": "ann", "format": "csv"})
    assert response["Content-Type"] == "text/csv"
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    assert rows[0][:3] == ["at", "username", "role"]
    assert len(rows) == 2
    assert rows[1][1] == "ann" and rows[1][5] == "7"
    assert rows[1][7] == '\'=HYPERLINK("x")'  # a formula is neutralised for spreadsheets


def test_the_api_report(
    api_as: Callable[..., Any], make_user: Callable[..., Any], django_assert_num_queries: Any
) -> None:
    ann = make_user("sergeant", username="ann")
    _log(ann, "1", purpose="Ann on one")
    _log(make_user("sergeant", username="bob"), "1")
    api = api_as("admin")
    # token, count, rows with users
    with django_assert_num_queries(3):
        response = api.get("/api/v1/staffing/access-log/", {"user": "ann"})
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 1
    assert body["results"][0]["username"] == "ann" and body["results"][0]["purpose"] == "Ann on one"
    assert api.get("/api/v1/staffing/access-log/", {"date_from": "2026-13-01"}).status_code == 400
    assert api_as("sergeant").get("/api/v1/staffing/access-log/").status_code == 403
