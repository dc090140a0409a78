"""config.exports: CSV and XLSX downloads, read back from the bytes."""

from __future__ import annotations

import csv
import datetime as dt
import io
import zoneinfo

import pytest
from openpyxl import load_workbook

from config.exports import XLSX_TYPE, Sheet, csv_response, xlsx_response

LONDON = zoneinfo.ZoneInfo("Europe/London")
ROWS = [
    ["Team A", 12, 0.75, dt.date(2026, 3, 1)],
    ['=HYPERLINK("http://x")', 3, None, dt.date(2026, 3, 2)],
]


def test_csv_response_reads_back_with_headers_and_values() -> None:
    response = csv_response(
        filename="daily 2026-03-01.csv", headers=["Team", "Crimes", "Rate", "Date"], rows=ROWS
    )
    assert response["Content-Type"].startswith("text/csv")
    assert response["Content-Disposition"] == 'attachment; filename="daily2026-03-01.csv"'
    text = response.content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == ["Team", "Crimes", "Rate", "Date"]
    assert rows[1] == ["Team A", "12", "0.75", "2026-03-01"]
    assert rows[2] == ['\'=HYPERLINK("http://x")', "3", "", "2026-03-02"]


def test_xlsx_response_keeps_numbers_as_numbers_and_neutralises_formulas() -> None:
    response = xlsx_response(
        filename="daily.xlsx",
        sheets=[
            Sheet("Daily figures", ["Team", "Crimes", "Rate", "Date"], ROWS),
            Sheet("By week: [A/B]", ["Week", "Count"], [["2026-W09", 4]]),
        ],
    )
    assert response["Content-Type"] == XLSX_TYPE
    book = load_workbook(io.BytesIO(response.content))
    assert book.sheetnames == ["Daily figures", "By week AB"]
    ws = book["Daily figures"]
    values = [[c.value for c in row] for row in ws.iter_rows()]
    assert values[0] == ["Team", "Crimes", "Rate", "Date"]
    assert values[1][:3] == ["Team A", 12, 0.75]
    assert values[1][3].date() == dt.date(2026, 3, 1)
    assert values[2][0] == '\'=HYPERLINK("http://x")'
    assert ws["A1"].font.bold is True
    assert book["By week AB"]["B2"].value == 4


def test_aware_datetimes_are_written_in_london_time() -> None:
    summer = dt.datetime(2026, 7, 1, 11, 30, tzinfo=dt.UTC)
    response = xlsx_response(filename="t.xlsx", sheets=[Sheet("T", ["At"], [[summer]])])
    ws = load_workbook(io.BytesIO(response.content)).active
    assert ws is not None
    assert ws["A2"].value == dt.datetime(2026, 7, 1, 12, 30)
    text = csv_response(filename="t.csv", headers=["At"], rows=[[summer]]).content.decode("utf-8-sig")
    assert "2026-07-01 12:30" in text


def test_an_xlsx_needs_a_sheet() -> None:
    with pytest.raises(ValueError, match="at least one sheet"):
        xlsx_response(filename="x.xlsx", sheets=[])
