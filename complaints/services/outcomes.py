"""Outcomes, withdrawal, discontinuance and reviews (C-REVIEW-*): one application per outcome takes
its result."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from complaints import rules
from complaints.models import (
    CaseAction,
    ComplaintCase,
    ComplaintOutcome,
    ReviewApplication,
    ReviewRecommendation,
    Route,
)
from complaints.selectors import (
    allegation_facts,
    outcomes_for_route,
)
from complaints.selectors.reference import time_limits
from complaints.services.common import (
    INVESTIGATION_ROUTES,
    SCHEDULE_3_ROUTES,
    _add_years,
    _lock_open,
    _log,
    _save,
    on_day,
    retention_years,
)
from config.exceptions import DomainError
from config.working_days import bank_holidays
from staffing.models import User


# ---------------------------------------------------------------- outcomes and review
def _review_right(
    case: ComplaintCase, outcome: ComplaintOutcome, outcome_on: dt.date
) -> tuple[str, dt.date | None]:
    """C-REVIEW-RIGHT: Sch3 outcomes only; body by C-REVIEW-BODY; deadline by C-REVIEW-28D."""
    if case.route not in SCHEDULE_3_ROUTES or outcome.review_body_relevant != "yes":
        return "", None
    facts = [allegation_facts(a) for a in case.allegations.all()]
    body = rules.review_body(
        route=case.route,
        appropriate_authority=case.appropriate_authority or rules.Authority.CHIEF_OFFICER,
        about_senior_officer=any(f.about_senior_officer for f in facts),
        serious=any(rules.criminal_or_disciplinary(f) or f.article_2_or_3 for f in facts),
        referred=case.must_refer_to_iopc or case.route == Route.REFERRED_TO_IOPC,
    )
    if body is None:
        return "", None
    return str(body), rules.review_deadline(outcome_on, time_limits())


@transaction.atomic
def complaint_close(
    *,
    case_id: int,
    actor: User,
    outcome_code: str,
    outcome_on: dt.date | None = None,
    allegation_outcomes: dict[int, str] | None = None,
    reason: str = "",
    version: int | None = None,
) -> ComplaintCase:
    """Finalise with an outcome fitting the route; compute the review right (C-REVIEW-RIGHT). A case
    reopened by an upheld review closes only when every recommendation is done or answered."""
    case = _lock_open(case_id, version)
    still_open = case.recommendations.filter(status=ReviewRecommendation.Status.OPEN).count()
    if still_open:
        raise DomainError(
            f"{still_open} recommendation{'s' if still_open != 1 else ''} of the upheld review "
            f"{'are' if still_open != 1 else 'is'} still open: mark each done or answered first.",
            field="outcome",
        )
    outcome_on = outcome_on or timezone.localdate()
    if outcome_on > timezone.localdate():
        raise DomainError("The outcome date cannot be in the future.", field="outcome_on")
    allowed = {o.code: o for o in outcomes_for_route(case.route)}
    if outcome_code not in allowed:
        route_label = dict(Route.choices).get(case.route, "no route (triage first)")
        raise DomainError(
            f"Outcome {outcome_code!r} does not fit the route taken: {route_label}.", field="outcome"
        )
    outcome = allowed[outcome_code]
    allegations = {a.pk: a for a in case.allegations.all()}
    for allegation_id, code in (allegation_outcomes or {}).items():
        if allegation_id not in allegations:
            raise DomainError(f"Allegation {allegation_id} is not on this case.", field="allegation_outcomes")
        if code not in allowed:
            raise DomainError(
                f"Outcome {code!r} for allegation {allegation_id} does not fit the route taken.",
                field="allegation_outcomes",
            )
    for allegation in allegations.values():
        code = (allegation_outcomes or {}).get(allegation.pk, outcome_code)
        allegation.outcome = allowed[code]
        allegation._change_reason = "Outcome recorded"  # type: ignore[attr-defined]
        allegation.save(update_fields=["outcome"])
    body, deadline = _review_right(case, outcome, outcome_on)
    now = timezone.now()
    case.outcome, case.outcome_on = outcome, outcome_on
    case.outcome_notice_due = rules.outcome_notice_due(outcome_on, bank_holidays(outcome_on), time_limits())
    case.review_body, case.review_deadline = body, deadline
    case.status = ComplaintCase.Status.CLOSED
    case.closed_at = now
    case.closure_reason = reason
    case.retention_review_on = _add_years(timezone.localdate(now), retention_years())
    _save(
        case,
        "Outcome recorded and case closed",
        [
            "outcome",
            "outcome_on",
            "outcome_notice_due",
            "review_body",
            "review_deadline",
            "status",
            "closed_at",
            "closure_reason",
            "retention_review_on",
        ],
    )
    rule_ids = ["C-OUTCOME-5WD", "C-DP-RETENTION"] + (
        ["C-REVIEW-RIGHT", "C-REVIEW-BODY", "C-REVIEW-28D"] if body else []
    )
    summary = f"Outcome: {outcome.title}; " + (
        f"review by {case.get_review_body_display()} by {on_day(deadline)}"
        if deadline
        else "no right of review"
    )
    _log(case, actor=actor, kind=CaseAction.Kind.OUTCOME, summary=summary, reason=reason, rule_ids=rule_ids)
    return case


def _end(
    case: ComplaintCase,
    *,
    actor: User,
    status: str,
    outcome_code: str,
    reason: str,
    kind: str,
    rule_ids: list[str],
    summary: str = "",
) -> ComplaintCase:
    if not reason.strip():
        raise DomainError("Give the reason.", field="reason")
    outcome = ComplaintOutcome.objects.get(code=outcome_code)
    now = timezone.now()
    case.status, case.outcome, case.outcome_on = status, outcome, timezone.localdate(now)
    case.closed_at, case.closure_reason = now, reason
    case.review_body, case.review_deadline = "", None
    case.retention_review_on = _add_years(timezone.localdate(now), retention_years())
    for allegation in case.allegations.all():
        if allegation.outcome_id is None:
            allegation.outcome = outcome
            allegation._change_reason = case.get_status_display()  # type: ignore[attr-defined]
            allegation.save(update_fields=["outcome"])
    _save(
        case,
        str(case.get_status_display()),
        [
            "status",
            "outcome",
            "outcome_on",
            "closed_at",
            "closure_reason",
            "review_body",
            "review_deadline",
            "retention_review_on",
        ],
    )
    _log(
        case,
        actor=actor,
        kind=kind,
        summary=summary or f"{case.get_status_display()}: {outcome.title}",
        reason=reason,
        rule_ids=rule_ids,
    )
    return case


@transaction.atomic
def complaint_withdraw(
    *, case_id: int, actor: User, reason: str, version: int | None = None
) -> ComplaintCase:
    """Withdrawn by the complainant (Regs2020 reg 38): no review right."""
    case = _lock_open(case_id, version)
    code = "OS3-WITHDRAWN" if case.route == Route.OUTSIDE_SCHEDULE_3 else "WITHDRAWN"
    return _end(
        case,
        actor=actor,
        status=ComplaintCase.Status.WITHDRAWN,
        outcome_code=code,
        reason=reason,
        kind=CaseAction.Kind.WITHDRAWN,
        rule_ids=["C-LOG-ALL"],
    )


@transaction.atomic
def complaint_discontinue(
    *, case_id: int, actor: User, reason: str, version: int | None = None
) -> ComplaintCase:
    """Discontinue an investigation (C-INV-OUTCOMES): only on an investigation route."""
    case = _lock_open(case_id, version)
    if case.route not in INVESTIGATION_ROUTES:
        raise DomainError("Only an investigation can be discontinued.", field="route")
    return _end(
        case,
        actor=actor,
        status=ComplaintCase.Status.DISCONTINUED,
        outcome_code="INV-DISCONTINUED",
        reason=reason,
        kind=CaseAction.Kind.DISCONTINUED,
        rule_ids=["C-INV-OUTCOMES"],
    )


def _review_result(code: str) -> ComplaintOutcome:
    result = ComplaintOutcome.objects.filter(code=code, review_body_relevant="n/a").first()
    if result is None:
        raise DomainError(
            f"{code!r} is not a review result; use REVIEW-UPHELD or REVIEW-NOT-UPHELD.", field="result"
        )
    return result


def _set_result(
    review: ReviewApplication,
    *,
    result_code: str,
    decided_on: dt.date | None,
    recommendations: str,
) -> None:
    review.result = _review_result(result_code)
    review.decided_on = decided_on or timezone.localdate()
    if review.decided_on > timezone.localdate():
        raise DomainError("The decision date cannot be in the future.", field="decided_on")
    if review.decided_on < review.received_on:
        raise DomainError(
            "A review cannot be decided before the application was received.", field="decided_on"
        )
    review.recommendations = recommendations.strip()


@transaction.atomic
def review_log(
    *,
    case_id: int,
    actor: User,
    received_on: dt.date,
    result_code: str = "",
    decided_on: dt.date | None = None,
    recommendations: str = "",
    notes: str = "",
    follow_up_by: dt.date | None = None,
    owner: User | None = None,
) -> ReviewApplication:
    """Log the review application (C-REVIEW-28D: in time or late), with its result when already known
    (C-REVIEW-OUTCOME). One application per outcome: its result is later recorded on it
    (`review_decide`), never as a second application."""
    case = ComplaintCase.objects.select_for_update().filter(pk=case_id).first()
    if case is None:
        raise DomainError("No such complaint case.", field="case")
    if case.status != ComplaintCase.Status.CLOSED or not case.review_body or case.review_deadline is None:
        raise DomainError("This case carries no right of review (C-REVIEW-RIGHT).", field="case")
    if case.reviews.exists():
        raise DomainError(
            "A review application is already logged for this case: record its result on it.",
            field="received_on",
        )
    if received_on > timezone.localdate():
        raise DomainError("The received date cannot be in the future.", field="received_on")
    if case.outcome_on and received_on < case.outcome_on:
        raise DomainError("A review cannot be received before the outcome.", field="received_on")
    review = ReviewApplication(
        case=case,
        received_on=received_on,
        in_time=received_on <= case.review_deadline,
        body=case.review_body,
        notes=notes,
        logged_by=actor,
    )
    if result_code:
        _set_result(review, result_code=result_code, decided_on=decided_on, recommendations=recommendations)
    review._change_reason = "Review application logged"  # type: ignore[attr-defined]
    review.save()
    summary = f"Review application received {on_day(received_on)} ({'in time' if review.in_time else 'late'})"
    if review.result:
        summary += f"; {review.result.title.lower()}"
    _log(
        case,
        actor=actor,
        kind=CaseAction.Kind.REVIEW,
        summary=summary,
        reason=notes,
        rule_ids=["C-REVIEW-28D", "C-REVIEW-OUTCOME"] if review.result else ["C-REVIEW-28D"],
    )
    _follow_up_if_upheld(review, actor=actor, follow_up_by=follow_up_by, owner=owner)
    return review


@transaction.atomic
def review_decide(
    *,
    review_id: int,
    actor: User,
    result_code: str,
    decided_on: dt.date | None = None,
    recommendations: str = "",
    notes: str = "",
    follow_up_by: dt.date | None = None,
    owner: User | None = None,
) -> ReviewApplication:
    """Record the review body's result (upheld or not, its recommendations, the date) on the
    application itself (C-REVIEW-OUTCOME). A result is recorded once."""
    review = ReviewApplication.objects.select_for_update().select_related("case").filter(pk=review_id).first()
    if review is None:
        raise DomainError("No such review application.", field="review")
    if review.result_id is not None:
        raise DomainError("This review already has its result.", field="result")
    _set_result(review, result_code=result_code, decided_on=decided_on, recommendations=recommendations)
    if notes:
        review.notes = notes
    review._change_reason = "Review result"  # type: ignore[attr-defined]
    review.save(update_fields=["result", "decided_on", "recommendations", "notes"])
    assert review.result is not None
    _log(
        review.case,
        actor=actor,
        kind=CaseAction.Kind.REVIEW,
        summary=f"Review result: {review.result.title.lower()} ({on_day(review.decided_on)})",
        reason=review.recommendations or notes,
        rule_ids=["C-REVIEW-OUTCOME"],
    )
    _follow_up_if_upheld(review, actor=actor, follow_up_by=follow_up_by, owner=owner)
    return review


UPHELD = "REVIEW-UPHELD"
FOLLOW_UP_DAYS = 28


def _follow_up_if_upheld(
    review: ReviewApplication, *, actor: User, follow_up_by: dt.date | None, owner: User | None
) -> None:
    """An upheld review is followed through (C-REVIEW-RIGHT): the case reopens for re-handling, and each
    of the review body's recommendations (one per line) becomes a tracked action with an owner (the
    case's handler unless another is named) and a due date (28 days from the decision unless another
    is given). With no recommendation written, re-handling itself is the one action."""
    if review.result is None or review.result.code != UPHELD:
        return
    case = ComplaintCase.objects.select_for_update().get(pk=review.case_id)
    assert review.decided_on is not None
    due = follow_up_by or review.decided_on + dt.timedelta(days=FOLLOW_UP_DAYS)
    if due < review.decided_on:
        raise DomainError("The follow-up date cannot be before the review's decision.", field="follow_up_by")
    holder = owner or case.assigned_to or actor
    lines = [line.strip(" -•\t") for line in review.recommendations.splitlines()]
    texts = [line for line in lines if line] or [
        f"Re-handle the complaint: the {review.get_body_display()} found the outcome not reasonable "
        "and proportionate."
    ]
    bulk_create_with_history(
        [
            ReviewRecommendation(review=review, case=case, text=text, owner=holder, due_on=due)
            for text in texts
        ],
        ReviewRecommendation,
        default_user=actor,
        default_change_reason="Review upheld: recommendation to follow through",
    )
    case.status = ComplaintCase.Status.OPEN
    case.closed_at = None
    case.next_update_due = rules.next_update_due(timezone.localdate(), time_limits())
    _save(case, "Reopened: review upheld", ["status", "closed_at", "next_update_due"])
    _log(
        case,
        actor=actor,
        kind=CaseAction.Kind.REOPENED,
        summary=(
            f"Reopened for re-handling: the review was upheld; {len(texts)} recommendation"
            f"{'s' if len(texts) != 1 else ''} to follow through by {on_day(due)}"
        ),
        reason=review.recommendations,
        rule_ids=["C-REVIEW-RIGHT", "C-REVIEW-OUTCOME"],
    )


@transaction.atomic
def recommendation_follow_up(
    *, case_id: int, actor: User, recommendation_id: Any, status: str, response: str
) -> ReviewRecommendation:
    """Mark one recommendation done, or answered where the force does not follow it (reasons needed)."""
    item = (
        ReviewRecommendation.objects.select_for_update().filter(pk=recommendation_id, case_id=case_id).first()
    )
    if item is None:
        raise DomainError("No such recommendation on this case.", field="recommendation")
    if item.status != ReviewRecommendation.Status.OPEN:
        raise DomainError("This recommendation has already been followed up.", field="recommendation")
    if status not in {ReviewRecommendation.Status.DONE, ReviewRecommendation.Status.ANSWERED}:
        raise DomainError("Say whether it was done or answered.", field="status")
    if not response.strip():
        raise DomainError("Say what was done, or why the recommendation is not followed.", field="response")
    item.status = status
    item.response = response.strip()
    item.completed_at = timezone.now()
    item.completed_by = actor
    item._change_reason = "Recommendation followed up"  # type: ignore[attr-defined]
    item.save(update_fields=["status", "response", "completed_at", "completed_by"])
    _log(
        item.case,
        actor=actor,
        kind=CaseAction.Kind.RECOMMENDATION,
        summary=f"Recommendation {item.get_status_display().lower()}: {item.text[:120]}",
        reason=item.response,
        rule_ids=["C-REVIEW-RIGHT"],
    )
    return item
