"""Data protection reads for crime records: the MoPI review queue and a subject access export for a
named person (as victim or suspect). Offered to the shared screens through RecordingConfig's
`mopi_review_items` and `subject_access` hooks (config.registry), so staffing never imports recording."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db.models import QuerySet
from django.urls import reverse

from config.registry import ReviewItem
from recording.models import Crime, CrimeSuspect, CrimeVictim
from staffing.selectors import record_files_listed

REVIEW_QUEUE_LIMIT = 500


def crimes_due_review(*, today: date) -> QuerySet[Crime]:
    """Finalised or cancelled crimes whose MoPI review date has come (oldest first)."""
    return (
        Crime.objects.filter(review_on__isnull=False, review_on__lte=today)
        .select_related("offence")
        .order_by("review_on", "pk")
    )


def crime_review_items(*, today: date) -> list[ReviewItem]:
    return [
        ReviewItem(
            kind="Crime",
            reference=crime.crime_number,
            review_on=crime.review_on,  # type: ignore[arg-type]
            url=reverse("recording:crime-detail", args=[crime.pk]),
            detail=f"{crime.offence.code} {crime.offence.title} ({crime.get_status_display()})",
        )
        for crime in crimes_due_review(today=today)[:REVIEW_QUEUE_LIMIT]
    ]


def _crime(crime: Crime) -> dict[str, Any]:
    return {
        "crime_number": crime.crime_number,
        "offence": crime.offence.code,
        "offence_title": crime.offence.title,
        "status": crime.status,
        "reported_at": crime.reported_at.isoformat(),
        "location": crime.location,
        "summary": crime.summary,
        "outcome": crime.outcome.code if crime.outcome is not None else None,
    }


def subject_access_data(*, name: str) -> dict[str, Any]:
    """Everything held about a named person across crimes: as victim (with contact details and the
    updates given) and as suspect. Exact name match, ignoring case."""
    name = name.strip()
    victims = (
        CrimeVictim.objects.filter(name__iexact=name)
        .select_related("crime__offence", "crime__outcome")
        .prefetch_related("crime__victim_updates")
        .order_by("crime__reported_at", "pk")
    )
    suspects = (
        CrimeSuspect.objects.filter(name__iexact=name)
        .select_related("crime__offence", "crime__outcome")
        .order_by("crime__reported_at", "pk")
    )
    # The files held on each crime named (staffing.RecordFile), read once for all of them.
    files = record_files_listed(
        key="crime", record_ids={v.crime_id for v in victims} | {s.crime_id for s in suspects}
    )
    return {
        "name": name,
        "as_victim": [
            {
                **_crime(v.crime),
                "date_of_birth": v.date_of_birth.isoformat() if v.date_of_birth else None,
                "age": v.age,
                "contact": v.contact,
                "vulnerable": v.vulnerable,
                "updates": [
                    {"at": u.contacted_at.isoformat(), "method": u.method, "summary": u.summary}
                    for u in v.crime.victim_updates.all()
                ],
                "files": files.get(v.crime_id, []),
            }
            for v in victims
        ],
        "as_suspect": [
            {
                **_crime(s.crime),
                "date_of_birth": s.date_of_birth.isoformat() if s.date_of_birth else None,
                "description": s.description,
                "identified": s.identified,
                "files": files.get(s.crime_id, []),
            }
            for s in suspects
        ],
    }
