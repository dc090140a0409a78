"""Reviews (C-REVIEW-*): the application after an outcome, the review body's result recorded on it (one
application per outcome takes its result), and the recommendations of an upheld review followed to done."""

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
)
from complaints.selectors.reference import time_limits
from complaints.services.common import _log, _save, on_day
from config.exceptions import DomainError
from staffing.models import User


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
