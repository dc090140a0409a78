"""Reading a roster of officers and staff from CSV (issue 23 part 3). Pure: no database.

Columns: collar_number, name, rank, team (header row, any order, case-insensitive). The whole file is
read before anything is stored, so every problem is named by its row (row 1 is the header) and a file
with any problem stores nothing."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

COLUMNS = ("collar_number", "name", "rank", "team")
LIMITS = {"collar_number": 20, "name": 200, "rank": 60, "team": 120}


@dataclass(frozen=True)
class RosterRow:
    row: int
    collar_number: str
    name: str
    rank: str
    team: str


class RosterError(ValueError):
    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems


def roster_parse(text: str) -> list[RosterRow]:
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff")))
    header = [h.strip().lower().replace(" ", "_") for h in next(reader, [])]
    missing = [c for c in COLUMNS if c not in header]
    if missing:
        raise RosterError([f"Row 1: the header lacks {', '.join(missing)} (columns: {', '.join(COLUMNS)})."])
    at = {c: header.index(c) for c in COLUMNS}
    rows: list[RosterRow] = []
    problems: list[str] = []
    first_row_of: dict[str, int] = {}
    for number, cells in enumerate(reader, start=2):
        if not any(c.strip() for c in cells):
            continue
        values = {c: (cells[i].strip() if i < len(cells) else "") for c, i in at.items()}
        for column in ("collar_number", "name"):
            if not values[column]:
                problems.append(f"Row {number}: {column.replace('_', ' ')} is missing.")
        for column, limit in LIMITS.items():
            if len(values[column]) > limit:
                problems.append(f"Row {number}: {column.replace('_', ' ')} is over {limit} characters.")
        key = values["collar_number"].upper()
        if key and key in first_row_of:
            collar, first = values["collar_number"], first_row_of[key]
            problems.append(f"Row {number}: collar number {collar} is already on row {first}.")
        elif key:
            first_row_of[key] = number
        rows.append(RosterRow(number, **values))
    if problems:
        raise RosterError(problems)
    if not rows:
        raise RosterError(["The file has no rows after the header."])
    return rows
