"""Shared arrangements for the repeat-subject alert tests: a roster and cases naming people on it."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from complaints.models import ComplaintCase, RosterPerson, Subject
from complaints.tests.factories import ComplaintCaseFactory, ComplaintCategoryFactory

ROSTER = (
    ("4521", "Sam Reid", "PC", "Response A"),
    ("4522", "Lee Cole", "PC", "Response A"),
    ("7001", "Dana Shaw", "Inspector", "Response B"),
)


def roster() -> dict[str, RosterPerson]:
    return {
        collar: RosterPerson.objects.create(collar_number=collar, name=name, rank=rank, team_name=team)
        for collar, name, rank, team in ROSTER
    }


def received(day: str) -> dt.datetime:
    """Noon, local time, on `day` (YYYY-MM-DD)."""
    return timezone.make_aware(dt.datetime.combine(dt.date.fromisoformat(day), dt.time(12)))


def case_about(
    day: str, collar: str | None = "4521", *, category: str = "A1", actor: Any = None, **kw: Any
) -> ComplaintCase:
    """A case received on `day` whose one allegation is about the officer with `collar` (None: nobody)."""
    ComplaintCategoryFactory(code=category)
    subjects = [{"kind": Subject.Kind.OFFICER, "name": "", "collar_number": collar}] if collar else []
    return ComplaintCaseFactory.create(
        received_at=received(day),
        incident_date=dt.date.fromisoformat(day),
        category=category,
        subjects=subjects,
        allegations=[
            {"category": category, "description": "What they did", "subjects": [0] if collar else []}
        ],
        actor=actor,
        **kw,
    )
