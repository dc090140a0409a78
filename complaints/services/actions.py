"""Every case action by its one name, for the case page and the API alike (STYLE 12)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from complaints.models import (
    Allegation,
    Contact,
    ReviewApplication,
)
from complaints.services.handling import (
    complaint_initial_contact,
    complaint_pcc_handle,
    complaint_record,
    complaint_refer_iopc,
    complaint_service_recovery,
    contact_log,
)
from complaints.services.intake import allegation_add
from complaints.services.outcomes import (
    complaint_close,
    complaint_discontinue,
    complaint_withdraw,
    recommendation_follow_up,
    review_decide,
    review_log,
)
from complaints.services.people import case_reassign, compliment_forward, subject_confirm
from complaints.services.suspension import case_resume, case_suspend
from complaints.services.triage import complaint_facts_answer, complaint_triage_decide
from config.exceptions import DomainError
from staffing.models import User
from staffing.services.letters import letter_draft


# ---------------------------------------------------------------- one entry for every case action
def _version_of(data: dict[str, Any]) -> int | None:
    value = data.get("version")
    return int(value) if value is not None else None


def _today_if_none(value: dt.date | None) -> dt.date:
    return value or timezone.localdate()


def _review_of_case(case_id: int, review_id: Any) -> int:
    review = (
        ReviewApplication.objects.filter(case_id=case_id, pk=review_id).values_list("pk", flat=True).first()
    )
    if review is None:
        raise DomainError("No such review application on this case.", field="review")
    return int(review)


# Each case action by its one name, from the keys both the case page's form and the API's serializer
# give (STYLE 12, one path per operation): neither side maps its input to a service on its own.
_CASE_ACTIONS: dict[str, Any] = {
    "triage": lambda case_id, actor, d: complaint_triage_decide(
        case_id=case_id,
        actor=actor,
        accept=d["accept"],
        route=d.get("route", ""),
        must_refer_to_iopc=d.get("must_refer_to_iopc"),
        appropriate_authority=d.get("appropriate_authority", ""),
        reason=d.get("reason", ""),
        version=_version_of(d),
    ),
    "facts": lambda case_id, actor, d: complaint_facts_answer(
        case_id=case_id, actor=actor, answers=d.get("answers") or {}, version=_version_of(d)
    ),
    "initial_contact": lambda case_id, actor, d: complaint_initial_contact(
        case_id=case_id,
        actor=actor,
        at=d.get("at") or timezone.now(),
        method=d.get("method", ""),
        summary=d.get("summary", ""),
        version=_version_of(d),
    ),
    "service_recovery": lambda case_id, actor, d: complaint_service_recovery(
        case_id=case_id,
        actor=actor,
        complainant_agreed=d.get("complainant_agreed", False),
        reason=d.get("reason", ""),
        version=_version_of(d),
    ),
    "record": lambda case_id, actor, d: complaint_record(
        case_id=case_id,
        actor=actor,
        recorded_on=_today_if_none(d.get("recorded_on")),
        dse_handover_on=d.get("dse_handover_on"),
        dse_reference=d.get("dse_reference", ""),
        reason=d.get("reason", ""),
        version=_version_of(d),
    ),
    "refer_iopc": lambda case_id, actor, d: complaint_refer_iopc(
        case_id=case_id,
        actor=actor,
        referred_on=_today_if_none(d.get("referred_on")),
        iopc_reference=d.get("iopc_reference", ""),
        reason=d.get("reason", ""),
        version=_version_of(d),
    ),
    "pcc": lambda case_id, actor, d: complaint_pcc_handle(
        case_id=case_id, actor=actor, reason=d.get("reason", ""), version=_version_of(d)
    ),
    "allegation": lambda case_id, actor, d: allegation_add(
        case_id=case_id,
        actor=actor,
        category_code=d.get("category") or "",
        description=d.get("description", ""),
        version=_version_of(d),
        **(d.get("facts") or {}),
    ),
    "contact": lambda case_id, actor, d: contact_log(
        case_id=case_id,
        actor=actor,
        at=d["at"],
        method=d.get("method", ""),
        summary=d.get("summary", ""),
        is_update=d.get("is_update", False),
        direction=d.get("direction", Contact.Direction.OUTBOUND),
        withheld_reason=d.get("withheld_reason", ""),
        version=_version_of(d),
    ),
    # A letter is drafted from the template that fits the case (staffing's letters, issue 22).
    "letter": lambda case_id, actor, d: letter_draft(
        record_type="complaint_case", record_id=case_id, actor=actor, purpose=d.get("kind") or ""
    ),
    "close": lambda case_id, actor, d: complaint_close(
        case_id=case_id,
        actor=actor,
        outcome_code=d.get("outcome", ""),
        outcome_on=d.get("outcome_on"),
        allegation_outcomes=d.get("allegation_outcomes") or {},
        reason=d.get("reason", ""),
        version=_version_of(d),
    ),
    "withdraw": lambda case_id, actor, d: complaint_withdraw(
        case_id=case_id, actor=actor, reason=d.get("reason", ""), version=_version_of(d)
    ),
    "discontinue": lambda case_id, actor, d: complaint_discontinue(
        case_id=case_id, actor=actor, reason=d.get("reason", ""), version=_version_of(d)
    ),
    "review": lambda case_id, actor, d: review_log(
        case_id=case_id,
        actor=actor,
        received_on=d["received_on"],
        result_code=d.get("result", ""),
        decided_on=d.get("decided_on"),
        recommendations=d.get("recommendations", ""),
        notes=d.get("notes", ""),
        follow_up_by=d.get("follow_up_by"),
        owner=d.get("owner"),
    ),
    "review_result": lambda case_id, actor, d: review_decide(
        review_id=_review_of_case(case_id, d.get("review")),
        actor=actor,
        result_code=d.get("result", ""),
        decided_on=d.get("decided_on"),
        recommendations=d.get("recommendations", ""),
        notes=d.get("notes", ""),
        follow_up_by=d.get("follow_up_by"),
        owner=d.get("owner"),
    ),
    "recommendation": lambda case_id, actor, d: recommendation_follow_up(
        case_id=case_id,
        actor=actor,
        recommendation_id=d.get("recommendation"),
        status=d.get("status", ""),
        response=d.get("response", ""),
    ),
    "suspend": lambda case_id, actor, d: case_suspend(
        case_id=case_id,
        actor=actor,
        started_on=d.get("started_on"),
        reason=d.get("reason", ""),
        version=_version_of(d),
    ),
    "resume": lambda case_id, actor, d: case_resume(
        case_id=case_id, actor=actor, ended_on=d.get("ended_on"), version=_version_of(d)
    ),
    "forward": lambda case_id, actor, d: compliment_forward(
        case_id=case_id, actor=actor, recipient=d.get("recipient"), note=d.get("reason", "")
    ),
    "subject_confirm": lambda case_id, actor, d: subject_confirm(
        case_id=case_id,
        subject_id=_int_of(d.get("subject"), "subject"),
        actor=actor,
        person=d.get("person") or None,  # a User, or none of the possible matches
        reason=d.get("reason", ""),
    ),
    "reassign": lambda case_id, actor, d: case_reassign(
        case_id=case_id,
        actor=actor,
        assignee=d["assignee"],  # a User: case_action checks it first
        reason=d.get("reason", ""),
        version=_version_of(d),
    ),
}
CASE_ACTION_NAMES = tuple(_CASE_ACTIONS)


def _int_of(value: Any, field: str) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        raise DomainError(f"Give the {field} by its number.", field=field) from None


def case_action(name: str, *, case_id: int, actor: User, data: dict[str, Any]) -> Any:
    """Do the case action `name` with `data`: the one dispatch the case page and the API both use, so
    every action has one name and one mapping onto its service. Users come in as User objects."""
    handler = _CASE_ACTIONS.get(name)
    if handler is None:
        raise DomainError(f"Unknown action {name!r}.", field="action")
    if name == "reassign" and not isinstance(data.get("assignee"), User):
        raise DomainError("Choose who to give the case to.", field="assignee")
    if name == "allegation":
        facts = data.get("facts") or {}
        unknown = sorted(set(facts) - set(Allegation.FLAGS) - set(Allegation.OPTIONAL_FACTS))
        if unknown:
            raise DomainError(f"Unknown allegation fact {unknown[0]!r}.", field="facts")
    if name == "subject_confirm" and data.get("person") and not isinstance(data["person"], User):
        raise DomainError("Choose who the subject is.", field="person")
    if name == "letter" and not data.get("kind"):
        raise DomainError("Choose the letter kind.", field="kind")
    return handler(case_id, actor, data)
