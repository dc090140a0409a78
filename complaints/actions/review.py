"""After the outcome: the review application, its result, and the recommendations that follow.
(`complaints.actions` collects every stage in the page's order.)"""

from __future__ import annotations

from django.utils import timezone

from complaints import forms
from complaints.actions.spec import (
    REVIEW_DEADLINE,
    ActionSpec,
    review_of_case,
)
from complaints.models import CaseAction
from complaints.rules import actions as action_rules
from complaints.services.review import (
    recommendation_follow_up,
    review_decide,
    review_log,
)

SPECS: tuple[ActionSpec, ...] = (
    ActionSpec(
        name="review",
        label="Log a review application",
        button="Log review",
        form=forms.ReviewForm,
        section="review",
        precondition=action_rules.review_application,
        clock=REVIEW_DEADLINE,
        api="complaint-case-review",
        log=CaseAction.Kind.REVIEW,
        initial=lambda case: {"received_on": timezone.localdate()},
        handler=lambda case_id, actor, d: review_log(
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
        done=lambda review: f"Review application logged ({'in time' if review.in_time else 'late'}).",
    ),
    ActionSpec(
        name="review_result",
        label="Record the review result",
        button="Record result",
        form=forms.ReviewResultForm,
        section="review",
        per_item=True,
        precondition=action_rules.review_awaiting_result,
        letter="review_decision",
        api="complaint-case-review-result",
        log=CaseAction.Kind.REVIEW,
        initial=lambda case: {"decided_on": timezone.localdate()},
        handler=lambda case_id, actor, d: review_decide(
            review_id=review_of_case(case_id, d.get("review")),
            actor=actor,
            result_code=d.get("result", ""),
            decided_on=d.get("decided_on"),
            recommendations=d.get("recommendations", ""),
            notes=d.get("notes", ""),
            follow_up_by=d.get("follow_up_by"),
            owner=d.get("owner"),
        ),
        done=lambda review: (
            "Review result recorded."
            + (
                " The case is reopened: follow up each recommendation."
                if review.recommendation_items.exists()
                else ""
            )
        ),
    ),
    ActionSpec(
        name="recommendation",
        label="Follow up a recommendation",
        button="Record follow-up",
        form=forms.RecommendationForm,
        section="recommendations",
        per_item=True,
        precondition=action_rules.recommendation_open,
        log=CaseAction.Kind.RECOMMENDATION,
        initial=lambda case: {},
        handler=lambda case_id, actor, d: recommendation_follow_up(
            case_id=case_id,
            actor=actor,
            recommendation_id=d.get("recommendation"),
            status=d.get("status", ""),
            response=d.get("response", ""),
        ),
        done=lambda item: f"Recommendation marked {item.get_status_display().lower()}.",
    ),
)
