"""A manager opens the dashboard and downloads the CSV and XLSX exports, which the test opens and
checks against the daily-performance figures (qa.compliance, the same as the daily API)."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from conftest import axe_violations, screenshot, sign_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_a_manager_reads_the_dashboard_and_downloads_its_exports(
    page: Any, make_user: Callable[..., Any], reference_data: None
) -> None:
    from complaints.tests.factories import ComplaintCaseFactory
    from qa import compliance
    from qa.tests.factories import make_crime

    make_user("manager", username="mgr.e2e", password="correct-horse-battery", first_name="Morgan")
    now = timezone.now()
    # "Today" in London even just after midnight: never earlier than the day's start.
    midnight = timezone.localtime(now).replace(hour=0, minute=0, second=0, microsecond=0)
    make_crime(recorded_at=max(now - timedelta(minutes=30), midnight), reported_at=now - timedelta(hours=3))
    late = max(now - timedelta(minutes=20), midnight)
    make_crime(recorded_at=late, reported_at=late - timedelta(hours=40))  # late
    make_crime(recorded_at=now - timedelta(days=8), reported_at=now - timedelta(days=8, hours=2))
    advisor = make_user("advisor", username="adv.e2e", first_name="Ade", last_name="Iqbal")
    ComplaintCaseFactory(actor=advisor, received_at=now - timedelta(days=40), incident_date=None)
    today = timezone.localdate()
    expected = compliance.daily_figures(today)

    sign_in(page, "mgr.e2e")
    page.click("nav[aria-label=Main] >> text=Dashboard")
    assert page.locator("h1").inner_text().startswith("Performance dashboard")
    assert page.locator("nav[aria-label=Breadcrumb]").is_visible()
    # timeliness, recorded, unrecorded, hidden crimes found and recorded, complaints, caseloads
    assert page.locator("svg.chart").count() == 6
    assert "No dip-test items were audited in these weeks" in page.content()  # no audits: no empty chart
    tiles = page.locator(".figures").inner_text()
    assert f"{expected['recorded_within_24h']} of {expected['crimes_recorded']}" in tiles
    page.click("text=Show the figures as a table: NCRS timeliness by week")
    screenshot(page, "01-dashboard")
    assert axe_violations(page) == []

    with page.expect_download() as csv_download:
        page.click("text=Weekly trend (CSV)")
    assert csv_download.value.suggested_filename == f"resolve-dashboard-{today.isoformat()}-weekly.csv"
    csv_path = Path(page.screenshot_dir) / csv_download.value.suggested_filename  # kept with the screenshots
    csv_download.value.save_as(csv_path)
    rows = list(csv.DictReader(io.StringIO(csv_path.read_text(encoding="utf-8-sig"))))
    assert len(rows) == 8
    assert rows[-1]["crimes_recorded"] == "2" and rows[-1]["recorded_within_24h"] == "1"
    assert sum(int(r["crimes_recorded"]) for r in rows) == 3

    with page.expect_download() as xlsx_download:
        page.click("text=Download all tables (XLSX)")
    xlsx_path = Path(page.screenshot_dir) / xlsx_download.value.suggested_filename
    xlsx_download.value.save_as(xlsx_path)
    assert xlsx_path.suffix == ".xlsx"
    book = load_workbook(xlsx_path)
    assert book.sheetnames == [
        "Daily figures",
        "Weekly trend",
        "By team",
        "By investigator",
        "Complaint caseloads",
    ]
    daily = dict(book["Daily figures"].iter_rows(min_row=2, values_only=True))
    assert daily["crimes_recorded"] == expected["crimes_recorded"] == 2
    assert daily["ncrs_timeliness_rate"] == expected["ncrs_timeliness_rate"] == 0.5
    assert daily["date"] == today.isoformat()
    assert daily["complaints_open"] == 1 and daily["complaints_overdue_updates"] == 1
    caseloads = list(book["Complaint caseloads"].iter_rows(values_only=True))
    assert caseloads[0] == ("advisor", "open", "overdue_updates", "initial_contact_overdue")
    assert caseloads[1][:3] == ("Ade Iqbal", 1, 1)

    # The print layout: no navigation, filters or download buttons; the figures and charts stay.
    page.emulate_media(media="print")
    assert not page.locator("nav[aria-label=Main]").is_visible()
    assert not page.locator("nav[aria-label=Downloads]").is_visible()
    assert page.locator(".figures").is_visible() and page.locator("svg.chart").first.is_visible()
    screenshot(page, "02-dashboard-print")
    page.emulate_media(media="screen")

    # A bad number of weeks is an error next to the field; the page still works.
    page.fill("#id_weeks", "99")
    page.click("main button:has-text('Show')")
    page.wait_for_selector(".error-summary")
    assert "Show at most 26 weeks." in page.locator(".errorlist").inner_text()
    screenshot(page, "03-dashboard-error")
    assert axe_violations(page) == []
