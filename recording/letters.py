"""What letters to a crime's victim may say (issue 22): the crime's placeholders and states, the facts
of one crime for a letter, and what a sent letter does to the crime (a victim contact). Registered on
the crime's record kind (recording.apps), so staffing's letters never import recording."""

from __future__ import annotations

import re
from typing import Any

from django.utils import timezone

from recording import lifecycle
from staffing.letter_sources import Clock, LetterFacts, LetterSource, Placeholder
from staffing.rules.letters import long_date

PLACEHOLDERS = (
    Placeholder("crime_number", "The crime reference number"),
    Placeholder("offence", "The offence, as recorded"),
    Placeholder("reported_on", "The day it was reported"),
    Placeholder("recorded_on", "The day it was recorded as a crime"),
    Placeholder("location", "Where it happened"),
    Placeholder("officer_name", "The officer in charge"),
    Placeholder("status", "Where the investigation stands"),
    Placeholder("outcome", "The outcome (Home Office outcome, in words)"),
    Placeholder("outcome_on", "The day of the outcome"),
    Placeholder("decision_reason", "The reason recorded for the decision"),
    Placeholder("next_update_due", "The day the next update is due, as the crime stands"),
    Placeholder("next_update_by", "When the next update is due once this letter is sent"),
)

STATES = (
    ("allocated", "An officer is in charge"),
    ("screened_out", "Not to be investigated further (screened out)"),
    ("finalised", "Finalised with an outcome"),
    ("vulnerable_victim", "The victim is vulnerable"),
)

PURPOSES = ("victim_update", "vcop_no_investigation", "other")
EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")


def crime_letter_facts(crime: Any) -> LetterFacts:
    """The facts of one crime (already opened through the kind's `open`) for a letter to its victim."""
    victim = crime.victims.order_by("id").first()
    # The Victims' Code notice answers the oldest decision not to investigate the victim was not told of.
    notice = (
        crime.victim_notices.filter(kind="not_investigated", told_at__isnull=True)
        .order_by("due_on", "id")
        .first()
    )
    contact = (victim.contact if victim else "").strip()
    email = EMAIL.search(contact)
    outcome_at = timezone.localtime(crime.outcome_at).date() if crime.outcome_at else None
    next_due = (
        timezone.localtime(crime.next_victim_update_due).date() if crime.next_victim_update_due else None
    )
    values = {
        "crime_number": crime.crime_number,
        "offence": crime.offence.title,
        "reported_on": long_date(timezone.localtime(crime.reported_at).date()),
        "recorded_on": long_date(timezone.localtime(crime.recorded_at).date()),
        "location": crime.location,
        "officer_name": str(crime.owner) if crime.owner_id else "",
        "status": crime.get_status_display().lower(),
        "outcome": crime.outcome.title if crime.outcome_id else "",
        "outcome_on": long_date(outcome_at),
        "decision_reason": (notice.reason if notice else "")
        or crime.outcome_reason
        or crime.solvability_reason,
        "next_update_due": long_date(next_due),
        "next_update_by": long_date(
            timezone.localtime(lifecycle.next_victim_update_due(timezone.now())).date()
        ),
    }
    states = {
        "allocated": crime.owner_id is not None,
        "screened_out": crime.solvability == "screened_out",
        "finalised": crime.status == "finalised",
        "vulnerable_victim": bool(crime.vulnerable_victim),
    }
    return LetterFacts(
        label=crime.crime_number,
        values=values,
        states=states,
        recipient_name=victim.name if victim else "",
        recipient_email=email.group(0) if email else "",
        recipient_address="" if email else contact,
        adjustments=tuple(victim.adjustments or ()) if victim else (),
        adjustment_notes=victim.adjustment_notes if victim else "",
        clocks={
            "victim_update": Clock("Next victim update due", next_due, "R-VCOP-RIGHT6"),
            "vcop_no_investigation": Clock(
                "Victims' Code notice due"
                + (
                    (" (1 working day: enhanced rights)" if notice.enhanced else " (5 working days)")
                    if notice
                    else ""
                ),
                notice.due_on if notice else None,
                "R-VCOP-RIGHT6",
            ),
        },
    )


def crime_letter_source() -> LetterSource:
    from recording.services.contact import crime_letter_sent, crime_letter_undelivered

    return LetterSource(
        placeholders=PLACEHOLDERS,
        states=STATES,
        facts=crime_letter_facts,
        on_sent=crime_letter_sent,
        on_undelivered=crime_letter_undelivered,
        purposes=PURPOSES,
    )
