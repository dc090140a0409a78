"""Small builders for the recording records QA works on, plus QA's own rows."""

from __future__ import annotations

import itertools
from datetime import datetime, timedelta
from typing import Any

from django.utils import timezone

from recording.models import Crime, HomeOfficeOutcome, Incident, NsirCode, Offence

_seq = itertools.count(1)


def make_incident(
    *,
    nsir: str = "CRIME-THEFT",
    opened_at: datetime | None = None,
    crime_number: str | None = None,
    **kw: Any,
) -> Incident:
    code = NsirCode.objects.get(code=nsir)
    n = next(_seq)
    return Incident.objects.create(
        reference=kw.pop("reference", f"XX-TEST-{n:06d}"),
        opened_at=opened_at or timezone.now() - timedelta(hours=30),
        nsir_code=code,
        crime_related=code.crime_related,
        crime_number=crime_number,
        summary=kw.pop("summary", "Test incident"),
        **kw,
    )


def make_crime(
    *,
    offence: str = "8N",
    recorded_at: datetime | None = None,
    reported_at: datetime | None = None,
    outcome: str | None = None,
    **kw: Any,
) -> Crime:
    recorded_at = recorded_at or timezone.now() - timedelta(hours=20)
    reported_at = reported_at or recorded_at - timedelta(hours=2)
    n = next(_seq)
    offence_class = Offence.objects.get(code=offence)
    kw.setdefault("seriousness_rank", offence_class.seriousness_rank)
    return Crime.objects.create(
        crime_number=kw.pop("crime_number", f"XX/TEST/{n:06d}"),
        offence=offence_class,
        reported_at=reported_at,
        recorded_at=recorded_at,
        record_by=reported_at + timedelta(hours=24),
        outcome=HomeOfficeOutcome.objects.get(code=outcome) if outcome else None,
        **kw,
    )


def audit_answers(sample: Any, **given: bool | None) -> dict[str, bool | None]:
    """A complete dip-test audit: "yes" to every question that applies to the sample (none to those that
    cannot), then the answers `given`."""
    from qa.services.dip_test import dip_sample_questions

    answers = {q: (True if why is None else None) for q, why in dip_sample_questions(sample).items()}
    answers.update(given)
    return answers
