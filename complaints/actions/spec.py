"""The shape every complaint case action is specified in (`ActionSpec`), the clocks actions move, the
helpers the stage modules' handlers share, and the case snapshot the preconditions read."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django import forms as django_forms
from django.utils import timezone

from complaints import permissions
from complaints.models import Allegation, ComplaintCase, ReviewApplication
from complaints.rules import actions as action_rules
from complaints.rules.actions import CaseState
from config.exceptions import DomainError
from staffing.models import User

Handler = Callable[[int, User, dict[str, Any]], Any]


@dataclass(frozen=True)
class Clock:
    """A deadline an action moves, in words, with the rule that sets it."""

    label: str
    rule: str


NEXT_UPDATE = Clock("Next update due", "C-UPDATE-28D")
INITIAL_CONTACT = Clock("Initial contact due", "C-INITIAL-CONTACT")
OUTCOME_NOTICE = Clock("Outcome notice due (and the review deadline)", "C-OUTCOME-5WD")
REVIEW_DEADLINE = Clock("Review application deadline", "C-REVIEW-28D")
SUSPENSION = Clock("Days to finalise, excluding suspension (IOPC figure)", "C-DATA-RETURN")


@dataclass(frozen=True)
class ActionSpec:
    name: str  # stable code: URL slug, API `action`, dispatch key
    label: str  # what people read: the action's heading on the case page
    button: str
    form: type[django_forms.Form]
    handler: Handler
    log: str  # the CaseAction.Kind the action writes in the case log
    done: Callable[[Any], str]  # the message once done, from what the handler returned
    precondition: action_rules.Precondition = action_rules.open_complaint
    who: Callable[[Any], bool] = permissions.can_list
    who_refusal: str = "Only complaints staff may do this."
    clock: Clock | None = None
    letter: str = ""  # the LetterTemplate purpose the page offers once the action is done
    # The API endpoint that takes it: "actions" is POST .../cases/{id}/actions/ with `action`; any other
    # value is the URL name of the action's own endpoint.
    api: str = "actions"
    section: str = "actions"  # where the case page shows it
    per_item: bool = False  # one form per item (a review, a recommendation, a subject): built by the page
    initial: Callable[[ComplaintCase], dict[str, Any]] = field(default=lambda case: {"version": case.version})
    check: Callable[[dict[str, Any]], None] = field(default=lambda data: None)  # input checks
    # Where triage or the case's state makes this the next step: the reason in words, else "".
    suggest: Callable[[CaseState], str] = field(default=lambda state: "")
    # Where the page goes once it is done (default: back to the case).
    goes_to: Callable[[Any], str] | None = None
    # The URL name of the action's own page (taking the case's pk), where its form needs more than a
    # fold of the case page (the roster picker and its suggestions): the case page links to it instead.
    page: str = ""


# ---------------------------------------------------------------- helpers the handlers share
def version_of(data: dict[str, Any]) -> int | None:
    value = data.get("version")
    return int(value) if value is not None else None


def today_if_none(value: dt.date | None) -> dt.date:
    return value or timezone.localdate()


def this_minute() -> dt.datetime:
    return timezone.localtime().replace(second=0, microsecond=0)


def review_of_case(case_id: int, review_id: Any) -> int:
    review = (
        ReviewApplication.objects.filter(case_id=case_id, pk=review_id).values_list("pk", flat=True).first()
    )
    if review is None:
        raise DomainError("No such review application on this case.", field="review")
    return int(review)


def int_of(value: Any, field: str) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        raise DomainError(f"Give the {field} by its number.", field=field) from None


def needs_user(key: str, message: str, *, optional: bool = False) -> Callable[[dict[str, Any]], None]:
    def check(data: dict[str, Any]) -> None:
        value = data.get(key)
        if (value or not optional) and not isinstance(value, User):
            raise DomainError(message, field=key)

    return check


def known_facts(data: dict[str, Any]) -> None:
    unknown = sorted(set(data.get("facts") or {}) - set(Allegation.FLAGS) - set(Allegation.OPTIONAL_FACTS))
    if unknown:
        raise DomainError(f"Unknown allegation fact {unknown[0]!r}.", field="facts")


def letter_kind(data: dict[str, Any]) -> None:
    if not data.get("kind"):
        raise DomainError("Choose the letter kind.", field="kind")


def versioned(**extra: Callable[[], Any]) -> Callable[[ComplaintCase], dict[str, Any]]:
    return lambda case: {"version": case.version, **{k: make() for k, make in extra.items()}}


# ---------------------------------------------------------------- the case, as the preconditions read it
def case_state(case: ComplaintCase, **page: Any) -> CaseState:
    """The snapshot the preconditions read (reviews, recommendations, suspensions and subjects' candidates
    come from the case's prefetched relations where the page loaded them). `page` adds what only the
    page works out: `proposal_eligible` and `has_questions`."""
    reviews = list(case.reviews.all())
    return CaseState(
        reference=case.reference,
        kind=case.kind,
        status=case.status,
        status_label=str(case.get_status_display()),
        route=case.route,
        eligible=case.eligible,
        not_a_complaint=case.not_a_complaint,
        contact_made=case.initial_contact_at is not None,
        recorded=case.recorded_on is not None,
        referred=case.iopc_referred_on is not None,
        about_chief_officer=case.about_chief_officer,
        suspended=any(s.ended_on is None for s in case.suspensions.all()),
        review_right=bool(case.review_body and case.review_deadline),
        has_review=bool(reviews),
        awaiting_review_result=any(r.result_id is None for r in reviews),
        open_recommendations=any(r.status == "open" for r in case.recommendations.all()),
        pending_subjects=any(c for s in case.subjects.all() for c in s.candidates.all()),
        **page,
    )


def refusal(spec: ActionSpec, *, user: Any, state: CaseState) -> str:
    """Why `user` may not take the action on a case in `state` now, in words; "" when they may."""
    if not spec.who(user):
        return spec.who_refusal
    return spec.precondition(state)
