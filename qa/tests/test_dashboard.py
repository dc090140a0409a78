"""The manager's dashboard: figures only from qa.compliance (the daily API's functions), charts,
CSV/XLSX exports, form errors, roles and a fixed query count."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import django.db
import pytest
from django.test import Client
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook

from qa import compliance
from qa.dashboard import dashboard_build, dashboard_charts, dashboard_sheets
from qa.services import dip_test, sweep
from qa.tests.factories import audit_answers, make_crime, make_incident

pytestmark = pytest.mark.usefixtures("reference_data")
URL = "/qa/dashboard/"
DAY = date(2026, 3, 4)  # a Wednesday
NOON = datetime(2026, 3, 4, 12, 0, tzinfo=ZoneInfo("Europe/London"))
LATER = NOON + timedelta(days=2)


@pytest.fixture
def manager_client(client: Client, make_user: Callable[..., Any]) -> Client:
    client.force_login(make_user("manager"))
    return client


def _seed(auditor: Any) -> None:
    make_crime(recorded_at=NOON, reported_at=NOON - timedelta(hours=2))
    make_crime(recorded_at=NOON, reported_at=NOON - timedelta(hours=30))  # late (R-NCRS-24H)
    make_crime(recorded_at=NOON - timedelta(days=7), reported_at=NOON - timedelta(days=7, hours=1))
    make_incident(opened_at=NOON - timedelta(hours=40))
    sweep.sweep_unrecorded(now=NOON)
    test = dip_test.dip_test_draw(day=DAY)
    sample = test.samples.first()
    assert sample is not None
    dip_test.dip_sample_audit(sample_id=sample.pk, answers=audit_answers(sample), notes="", actor=auditor)


def test_the_day_figures_are_the_daily_contract_figures(make_user: Callable[..., Any]) -> None:
    _seed(make_user("sergeant"))
    data = dashboard_build(day=DAY, weeks=2, now=LATER)
    assert data.figures == compliance.daily_figures(DAY, now=LATER)
    assert data.figures["crimes_recorded"] == 2 and data.figures["ncrs_timeliness_rate"] == 0.5


def test_weeks_sum_the_daily_timeliness_and_snapshot_the_flags(make_user: Callable[..., Any]) -> None:
    _seed(make_user("sergeant"))
    data = dashboard_build(day=DAY, weeks=2, now=LATER)
    last_week, this_week = data.trend
    assert (last_week.start, last_week.end) == (date(2026, 2, 23), date(2026, 3, 1))
    assert (this_week.start, this_week.end) == (date(2026, 3, 2), DAY)  # the current week stops at the day
    assert (last_week.crimes_recorded, last_week.recorded_within_24h) == (1, 1)
    assert (this_week.crimes_recorded, this_week.recorded_within_24h) == (2, 1)
    assert this_week.ncrs_timeliness_rate == 0.5
    assert (last_week.unrecorded_open, this_week.unrecorded_open) == (0, 1)
    assert last_week.dip_test is None
    assert this_week.dip_test is not None and this_week.dip_test.checked == 1
    assert this_week.dip_test == compliance.compliance_by("week", start=DAY, end=DAY)[0].estimate


def test_charts_and_sheets_carry_the_same_figures(make_user: Callable[..., Any]) -> None:
    _seed(make_user("sergeant"))
    data = dashboard_build(day=DAY, weeks=2, now=LATER)
    charts = dashboard_charts(data)
    assert charts["timeliness"].rows == [["23 Feb", "100%"], ["2 Mar", "50%"]]
    assert charts["recorded"].rows == [["23 Feb", "1", "1"], ["2 Mar", "2", "1"]]
    assert "R-NCRS-24H" in charts["timeliness"].description
    daily, weekly, by_team, by_investigator, caseloads = dashboard_sheets(data)
    assert dict(daily.rows)["ncrs_timeliness_rate"] == 0.5
    assert [row[3:6] for row in weekly.rows] == [[1, 1, 1.0], [2, 1, 0.5]]


def test_the_page_shows_figures_charts_and_export_links(
    manager_client: Client, make_user: Callable[..., Any]
) -> None:
    _seed(make_user("sergeant"))
    response = manager_client.get(URL, {"date": "2026-03-04", "weeks": "4"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Performance dashboard, Wednesday 4 Mar</h1>" in html
    assert html.count("<svg") >= 5 and "NCRS timeliness by week" in html
    assert "export=xlsx" in html and "export=csv&amp;table=weekly" in html
    assert 'aria-label="Breadcrumb"' in html


def test_csv_export_reads_back(manager_client: Client, make_user: Callable[..., Any]) -> None:
    _seed(make_user("sergeant"))
    response = manager_client.get(
        URL, {"date": "2026-03-04", "weeks": "2", "export": "csv", "table": "weekly"}
    )
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert [r["week"] for r in rows] == ["2026-W09", "2026-W10"]
    assert rows[1]["crimes_recorded"] == "2" and rows[1]["ncrs_timeliness_rate"] == "0.5"
    daily = manager_client.get(URL, {"date": "2026-03-04", "export": "csv", "table": "daily"})
    figures = dict(csv.reader(io.StringIO(daily.content.decode("utf-8-sig"))))
    assert figures["crimes_recorded"] == "2" and figures["dip_test_checked"] == "1"


def test_xlsx_export_has_a_sheet_per_table(manager_client: Client, make_user: Callable[..., Any]) -> None:
    _seed(make_user("sergeant"))
    response = manager_client.get(URL, {"date": "2026-03-04", "weeks": "2", "export": "xlsx"})
    book = load_workbook(io.BytesIO(response.content))
    assert book.sheetnames == [
        "Daily figures",
        "Weekly trend",
        "By team",
        "By investigator",
        "Complaint caseloads",
    ]
    weekly = list(book["Weekly trend"].iter_rows(values_only=True))
    assert weekly[0][0] == "week" and weekly[2][3] == 2 and weekly[2][5] == 0.5


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"date": "not-a-day"}, "Enter the day as a date"),
        ({"date": "2099-01-01"}, "cannot be in the future"),
        ({"weeks": "0"}, "at least 1 week"),
        ({"weeks": "99"}, "at most 26 weeks"),
    ],
)
def test_bad_input_is_a_form_error_next_to_the_field(
    manager_client: Client, params: dict[str, str], message: str
) -> None:
    response = manager_client.get(URL, params)
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html and "error-summary" in html and 'aria-invalid="true"' in html


@pytest.mark.parametrize(
    ("role", "status"), [("recorder", 403), ("advisor", 403), ("sergeant", 200), ("admin", 200)]
)
def test_roles(client: Client, make_user: Callable[..., Any], role: str, status: int) -> None:
    client.force_login(make_user(role))
    assert client.get(URL).status_code == status


def test_query_count_does_not_grow_with_the_data(
    manager_client: Client, make_user: Callable[..., Any], django_assert_num_queries: Any
) -> None:
    params = {"date": "2026-03-04", "weeks": "2"}
    manager_client.get(URL, params)  # warm the session
    with CaptureQueriesContext(django.db.connection) as empty:
        manager_client.get(URL, params)
    _seed(make_user("sergeant"))
    for _ in range(5):
        make_crime(recorded_at=NOON - timedelta(hours=1))
    with django_assert_num_queries(len(empty.captured_queries)):
        assert manager_client.get(URL, params).status_code == 200
    # 9 days of timeliness + per week (flags) + the day (5, the Victims' Code notices included)
    # + compliance x3 + hidden crimes found and recorded (2) + session/user: bounded.
    assert len(empty.captured_queries) <= 33
