"""Rows of figures -> a CSV or XLSX download. One helper for every screen that offers an export.

Cells are written as typed values (numbers stay numbers in the spreadsheet). Text that a spreadsheet
would run as a formula (starting with =, +, -, @, tab or carriage return) is prefixed with an
apostrophe so a name typed into a form can never become a formula in a manager's copy of Excel
(CSV/formula injection, OWASP).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.http import HttpResponse
from django.utils import timezone
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV_TYPE = "text/csv; charset=utf-8"
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

Cell = str | int | float | Decimal | dt.date | dt.datetime | bool | None


@dataclass(frozen=True)
class Sheet:
    title: str
    headers: Sequence[str]
    rows: Sequence[Sequence[Cell]]


def safe_text(value: str) -> str:
    return "'" + value if value.startswith(_FORMULA_START) else value


def _plain(value: Cell) -> Cell:
    """What goes into a cell: text made safe, aware datetimes in Europe/London without tzinfo
    (spreadsheets cannot store a zone), everything else as it is."""
    if isinstance(value, str):
        return safe_text(value)
    if isinstance(value, dt.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.replace(tzinfo=None)
    return value


def _disposition(filename: str) -> str:
    # Only plain characters in the name: no header injection through a title.
    clean = "".join(ch for ch in filename if ch.isalnum() or ch in "-_.") or "export"
    return f'attachment; filename="{clean}"'


def csv_lines(headers: Sequence[str], rows: Iterable[Sequence[Cell]], *, bom: bool = True) -> Iterator[str]:
    """The CSV text line by line (header first), every cell made formula-safe: the one CSV writer of
    every export, streamed so a long log never sits whole in memory. `bom=False` for API clients,
    which read the first header as it is."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")

    def flush() -> str:
        text = buffer.getvalue()
        buffer.seek(0)
        buffer.truncate(0)
        return text

    writer.writerow([safe_text(h) for h in headers])
    # UTF-8 with a byte-order mark so Excel opens accented names correctly.
    yield ("\ufeff" if bom else "") + flush()
    for row in rows:
        writer.writerow(["" if v is None else _csv_value(_plain(v)) for v in row])
        yield flush()


def csv_bytes(headers: Sequence[str], rows: Iterable[Sequence[Cell]], *, bom: bool = True) -> bytes:
    return "".join(csv_lines(headers, rows, bom=bom)).encode("utf-8")


def _csv_value(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ", timespec="minutes")
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def csv_response(*, filename: str, headers: Sequence[str], rows: Iterable[Sequence[Cell]]) -> HttpResponse:
    response = HttpResponse(csv_bytes(headers, rows), content_type=CSV_TYPE)
    response["Content-Disposition"] = _disposition(filename)
    return response


def xlsx_bytes(sheets: Sequence[Sheet]) -> bytes:
    if not sheets:
        raise ValueError("an XLSX export needs at least one sheet")
    book = Workbook()
    first = True
    for sheet in sheets:
        ws = book.active if first else book.create_sheet()
        first = False
        assert ws is not None
        # Excel limits sheet names to 31 characters and forbids []:*?/\
        ws.title = "".join(ch for ch in sheet.title if ch not in "[]:*?/\\")[:31] or "Sheet"
        ws.append([safe_text(h) for h in sheet.headers])
        for cell in ws[1]:
            cell.font = Font(bold=True)
        widths = [len(h) for h in sheet.headers]
        for row in sheet.rows:
            values = [_plain(v) for v in row]
            ws.append(values)
            for i, v in enumerate(values[: len(widths)]):
                widths[i] = max(widths[i], len(str(v)) if v is not None else 0)
        for i, width in enumerate(widths, start=1):
            ws.column_dimensions[get_column_letter(i)].width = min(max(width + 2, 8), 60)
        ws.freeze_panes = "A2"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def xlsx_response(*, filename: str, sheets: Sequence[Sheet]) -> HttpResponse:
    response = HttpResponse(xlsx_bytes(sheets), content_type=XLSX_TYPE)
    response["Content-Disposition"] = _disposition(filename)
    return response
