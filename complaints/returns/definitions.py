"""The data return's field definitions, kept as data (complaints/reference/data_return_fields.csv): a
corrected definition, an official one verified, or working days found to be calendar days is a change to
that file, never to the code."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from complaints.returns.rules import ForceTimeliness

FIELDS_FILE = Path(__file__).resolve().parent.parent / "reference" / "data_return_fields.csv"
NATIONAL_FILE = Path(__file__).resolve().parent.parent / "reference" / "iopc_timeliness_2024_25.csv"


@dataclass(frozen=True)
class FieldDefinition:
    key: str
    label: str
    unit: str
    day_kind: str  # "working", "calendar", or "" for counts
    verified: bool
    definition: str
    source: str


@cache
def field_definitions() -> dict[str, FieldDefinition]:
    with FIELDS_FILE.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    out = {}
    for line, row in enumerate(rows, start=2):
        if row["day_kind"] not in {"", "working", "calendar"}:
            raise ValueError(f"{FIELDS_FILE.name} line {line}: day_kind must be working, calendar or empty")
        out[row["key"]] = FieldDefinition(
            key=row["key"],
            label=row["label"],
            unit=row["unit"],
            day_kind=row["day_kind"],
            verified=row["verified"].strip().lower() == "true",
            definition=row["definition"],
            source=row["source"],
        )
    return out


NATIONAL_LABEL = "England and Wales"


@cache
def national_table() -> tuple[tuple[ForceTimeliness, ...], ForceTimeliness]:
    """The IOPC's published per-force timeliness table (2024/25, reference/iopc_timeliness_2024_25.md):
    the 44 force rows, and the published England and Wales row."""
    with NATIONAL_FILE.open(encoding="utf-8", newline="") as handle:
        rows = [
            ForceTimeliness(
                force=row["force"],
                outside_s3_cases=int(row["outside_s3_cases"]),
                outside_s3_mean_days=float(row["outside_s3_mean_days"]),
                s3_cases=int(row["s3_cases"]),
                s3_mean_days_incl_suspension=float(row["s3_mean_days_incl_suspension"]),
                s3_mean_days_excl_suspension=float(row["s3_mean_days_excl_suspension"]),
            )
            for row in csv.DictReader(handle)
        ]
    forces = tuple(r for r in rows if r.force != NATIONAL_LABEL)
    published = next(r for r in rows if r.force == NATIONAL_LABEL)
    return forces, published
