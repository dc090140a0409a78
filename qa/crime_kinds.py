"""Reference data QA carries in the app (qa/reference/): the kinds of crime each NSIR crime code names,
which the flag-resolution check compares a crime's offence with (qa.rules.flag_crime_match)."""

from __future__ import annotations

import csv
from functools import cache
from pathlib import Path

from qa import rules

REFERENCE_DIR = Path(__file__).resolve().parent / "reference"


@cache
def _crime_kinds() -> dict[str, tuple[frozenset[str], frozenset[str]]]:
    with (REFERENCE_DIR / "nsir_crime_kinds.csv").open(newline="", encoding="utf-8") as handle:
        return {
            row["nsir_code"]: (
                frozenset(c.strip() for c in row["offence_categories"].split(";") if c.strip()),
                frozenset(row["offence_classes"].split()),
            )
            for row in csv.DictReader(handle)
        }


def incident_kind(code: str, title: str) -> rules.IncidentKind:
    """The kind of crime an NSIR code names (none for CRIME, CRIME-DOMESTIC and the non-crime codes)."""
    categories, classes = _crime_kinds().get(code, (frozenset(), frozenset()))
    return rules.IncidentKind(code=code, title=title, categories=categories, classes=classes)
