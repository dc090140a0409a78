"""What letters about a complaint case may say (issue 22): the case's placeholders and states, the
facts of one case for a letter, and what a sent letter does to the case. Registered on the case's
record kind (complaints.apps), so staffing's letters never import complaints."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.utils import timezone

from complaints import rules
from complaints.selectors.reference import time_limits
from staffing.letter_sources import Clock, LetterFacts, LetterSource, Placeholder
from staffing.rules.letters import long_date

PLACEHOLDERS = (
    Placeholder("case_reference", "The case reference"),
    Placeholder("case_kind", "What was received: complaint, expression of dissatisfaction or compliment"),
    Placeholder("received_on", "The day the complaint was received"),
    Placeholder("contact_made_on", "The day the complainant was first contacted"),
    Placeholder("route", "How the complaint is being handled"),
    Placeholder("recorded_on", "The day it was recorded under Schedule 3"),
    Placeholder("handover_on", "The day it was handed to the force's standards department"),
    Placeholder("handover_reference", "The standards department's reference"),
    Placeholder("iopc_reference", "The IOPC's reference"),
    Placeholder("next_update_due", "The day the next update is due, as the case stands"),
    Placeholder("next_update_by", "28 days from today: when the next update is due once this letter is sent"),
    Placeholder("allegations", "Each allegation, one per line"),
    Placeholder("allegation_outcomes", "Each allegation with its outcome, one per line"),
    Placeholder("outcome", "The overall outcome"),
    Placeholder("outcome_on", "The day of the outcome"),
    Placeholder("what_was_done", "What was done (the reasons recorded with the outcome)"),
    Placeholder("review_body", "Who reviews the outcome (the local policing body or the IOPC)"),
    Placeholder("review_deadline", "The last day to apply for a review"),
    Placeholder("review_result", "The result of the latest review application"),
    Placeholder("signposted_to", "The organisation the person was signposted to"),
    Placeholder("signpost_reason", "Why that organisation (the reason recorded when signposting)"),
    Placeholder("signposted_contact", "How to reach that organisation, where the list gives it"),
)

STATES = (
    ("contact_made", "The complainant has been contacted"),
    ("recorded", "Recorded under Schedule 3"),
    ("handed_over", "Handed to the force's standards department"),
    ("referred_to_iopc", "Referred to the IOPC"),
    ("outside_schedule_3", "Handled outside Schedule 3"),
    ("outcome_recorded", "The outcome is recorded"),
    ("review_right", "The complainant has a right of review"),
    ("review_decided", "A review has been decided"),
    ("signposted", "Signposted to another organisation"),
)

PURPOSES = (
    "acknowledgement",
    "update",
    "outcome",
    "non_recording",
    "review_decision",
    "signposting",
    "other",
)
# The letters a case page and the case `letter` action offer to draft, by purpose.
COMPLAINT_LETTERS = [
    ("acknowledgement", "Complaint acknowledgement"),
    ("update", "Progress update"),
    ("outcome", "Outcome"),
    ("non_recording", "Non-recording notice"),
    ("review_decision", "Review decision"),
    ("signposting", "Signposting (where to take the matter)"),
]


def _lines(items: list[str]) -> str:
    return "\n".join(f"- {item}" for item in items)


def _outcome_of(allegation: Any, overall: str) -> str:
    return (allegation.outcome.title if allegation.outcome_id else overall) or "not yet decided"


def case_letter_facts(case: Any) -> LetterFacts:
    """The facts of one case (already opened through the kind's `open`) for a letter."""
    complainants = list(case.complainants.all())
    complainant = complainants[0] if complainants else None
    allegations = list(case.allegations.select_related("category", "outcome"))
    review = case.reviews.select_related("result").order_by("-decided_on", "-id").first()
    outcome_title = case.outcome.title if case.outcome_id else ""
    signpost = case.signpostings.select_related("organisation").first()  # the latest
    values = {
        "case_reference": case.reference,
        "case_kind": case.get_kind_display().lower(),
        "received_on": long_date(case.received_at.date()),
        "contact_made_on": long_date(case.initial_contact_at.date()) if case.initial_contact_at else "",
        "route": case.get_route_display() if case.route else "we are still deciding how to handle it",
        "recorded_on": long_date(case.recorded_on),
        "handover_on": long_date(case.dse_handover_on),
        "handover_reference": case.dse_reference,
        "iopc_reference": case.iopc_reference,
        "next_update_due": long_date(case.next_update_due),
        "next_update_by": long_date(rules.next_update_due(timezone.localdate(), time_limits())),
        "allegations": _lines(
            [a.category.title + (f": {a.description}" if a.description else "") for a in allegations]
        ),
        "allegation_outcomes": _lines(
            [f"{a.category.title}: {_outcome_of(a, outcome_title)}" for a in allegations]
        ),
        "outcome": outcome_title,
        "outcome_on": long_date(case.outcome_on),
        "what_was_done": case.closure_reason,
        "review_body": case.get_review_body_display() if case.review_body else "",
        "review_deadline": long_date(case.review_deadline),
        "review_result": (review.result.title if review and review.result_id else ""),
        "signposted_to": signpost.organisation_name if signpost else "",
        "signpost_reason": signpost.reason if signpost else "",
        "signposted_contact": (signpost.organisation.contact if signpost and signpost.organisation else "")
        or "the organisation will tell you how they can help",
    }
    states = {
        "contact_made": case.initial_contact_at is not None,
        "recorded": case.recorded_on is not None,
        "handed_over": bool(case.dse_handover_on or case.dse_reference),
        "referred_to_iopc": case.iopc_referred_on is not None,
        "outside_schedule_3": case.route == "outside_schedule_3",
        "outcome_recorded": case.outcome_id is not None,
        "review_right": bool(case.review_body and case.review_deadline),
        "review_decided": bool(review and review.decided_on),
        "signposted": signpost is not None,
    }
    return LetterFacts(
        label=case.reference,
        values=values,
        states=states,
        recipient_name=complainant.name if complainant else "",
        recipient_email=complainant.email if complainant else "",
        recipient_address=complainant.address if complainant else "",
        adjustments=tuple(complainant.adjustments or ()) if complainant else (),
        adjustment_notes=complainant.adjustment_notes if complainant else "",
        sender=f"Office of the Police and Crime Commissioner for {settings.RESOLVE_FORCE_NAME}",
        clocks={
            "update": Clock("Next update due", case.next_update_due, "C-UPDATE-28D"),
            "outcome": Clock("Outcome notice due", case.outcome_notice_due, "C-OUTCOME-5WD"),
            "acknowledgement": Clock("Initial contact due", case.initial_contact_due, "C-INITIAL-CONTACT"),
        },
    )


def complaint_letter_source() -> LetterSource:
    from complaints.services import case_letter_sent, case_letter_undelivered

    return LetterSource(
        placeholders=PLACEHOLDERS,
        states=STATES,
        facts=case_letter_facts,
        on_sent=case_letter_sent,
        on_undelivered=case_letter_undelivered,
        purposes=PURPOSES,
    )
