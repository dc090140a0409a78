"""An upheld review is followed through (issue 20 part 5, C-REVIEW-RIGHT): the case reopens for
re-handling under the review body's recommendations, each a tracked action with an owner and a due
date, shown on the case and in a queue; the case cannot close again until each is done or answered."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from django.utils import timezone

from complaints import queues, services
from complaints.models import CaseAction, ComplaintCase, ReviewRecommendation
from complaints.tests.factories import ComplaintCaseFactory
from config.exceptions import DomainError

pytestmark = pytest.mark.django_db


def _closed_with_review_right(advisor: Any) -> ComplaintCase:
    case = ComplaintCaseFactory(actor=advisor, received_at=timezone.now() - dt.timedelta(days=90))
    ComplaintCase.objects.filter(pk=case.pk).update(
        status=ComplaintCase.Status.CLOSED,
        closed_at=timezone.now() - dt.timedelta(days=20),
        outcome_on=timezone.localdate() - dt.timedelta(days=20),
        review_body="local_policing_body",
        review_deadline=timezone.localdate() + dt.timedelta(days=8),
        route="schedule_3_reasonable_and_proportionate",
    )
    return ComplaintCase.objects.get(pk=case.pk)


def test_an_upheld_review_reopens_the_case_with_each_recommendation_tracked(
    make_user: Callable[..., Any],
) -> None:
    advisor, other = make_user("advisor"), make_user("advisor")
    case = _closed_with_review_right(advisor)
    review = services.review_log(
        case_id=case.pk, actor=advisor, received_on=timezone.localdate() - dt.timedelta(days=5)
    )
    decided = timezone.localdate() - dt.timedelta(days=1)
    services.review_decide(
        review_id=review.pk,
        actor=advisor,
        result_code="REVIEW-UPHELD",
        decided_on=decided,
        recommendations="Apologise in writing for the delay\n- Re-examine the body-worn video\n\n",
        owner=other,
    )
    case.refresh_from_db()
    assert case.status == ComplaintCase.Status.OPEN and case.closed_at is None
    items = list(case.recommendations.order_by("id"))
    assert [i.text for i in items] == ["Apologise in writing for the delay", "Re-examine the body-worn video"]
    assert {i.owner for i in items} == {other}
    assert {i.due_on for i in items} == {decided + dt.timedelta(days=28)}
    assert all(i.history.count() == 1 for i in items)
    assert case.actions.filter(kind=CaseAction.Kind.REOPENED).count() == 1
    assert set(queues.recommendations_open(other)) == set(items)
    assert list(queues.recommendations_open(advisor)) == []


def test_the_case_cannot_close_until_each_recommendation_is_done_or_answered(
    make_user: Callable[..., Any],
) -> None:
    advisor = make_user("advisor")
    case = _closed_with_review_right(advisor)
    services.review_log(
        case_id=case.pk,
        actor=advisor,
        received_on=timezone.localdate() - dt.timedelta(days=3),
        result_code="REVIEW-UPHELD",
        decided_on=timezone.localdate(),
        recommendations="Apologise\nRetrain the officer",
    )
    first, second = case.recommendations.order_by("id")
    with pytest.raises(DomainError) as refused:
        services.complaint_close(case_id=case.pk, actor=advisor, outcome_code="S3-SERVICE-NOT-ACCEPTABLE")
    assert "2 recommendations of the upheld review are still open" in refused.value.message
    with pytest.raises(DomainError) as empty:
        services.recommendation_follow_up(
            case_id=case.pk, actor=advisor, recommendation_id=first.pk, status="done", response=" "
        )
    assert empty.value.field == "response"
    services.recommendation_follow_up(
        case_id=case.pk, actor=advisor, recommendation_id=first.pk, status="done", response="Letter sent"
    )
    services.recommendation_follow_up(
        case_id=case.pk,
        actor=advisor,
        recommendation_id=second.pk,
        status="answered",
        response="The officer has left the force",
    )
    assert not case.recommendations.filter(status=ReviewRecommendation.Status.OPEN).exists()
    closed = services.complaint_close(
        case_id=case.pk, actor=advisor, outcome_code="S3-SERVICE-NOT-ACCEPTABLE"
    )
    assert closed.status == ComplaintCase.Status.CLOSED


def test_a_review_not_upheld_leaves_the_case_closed(make_user: Callable[..., Any]) -> None:
    advisor = make_user("advisor")
    case = _closed_with_review_right(advisor)
    services.review_log(
        case_id=case.pk,
        actor=advisor,
        received_on=timezone.localdate(),
        result_code="REVIEW-NOT-UPHELD",
        decided_on=timezone.localdate(),
    )
    case.refresh_from_db()
    assert case.status == ComplaintCase.Status.CLOSED and not case.recommendations.exists()


def test_through_the_api_the_result_reopens_and_the_follow_up_closes_the_item(
    api_as: Callable[..., Any], make_user: Callable[..., Any]
) -> None:
    api = api_as("advisor")
    case = _closed_with_review_right(api.user)
    review = api.post(
        f"/api/v1/complaints/cases/{case.pk}/review/",
        {"received_on": timezone.localdate().isoformat()},
        format="json",
    )
    assert review.status_code == 201, review.content
    result = api.post(
        f"/api/v1/complaints/cases/{case.pk}/reviews/{review.json()['id']}/result/",
        {"result": "REVIEW-UPHELD", "recommendations": "Apologise in writing", "owner": api.user.username},
        format="json",
    )
    assert result.status_code == 200, result.content
    detail = api.get(f"/api/v1/complaints/cases/{case.pk}/").json()
    assert detail["status"] == "open"
    [item] = detail["recommendations"]
    assert (item["text"], item["owner"], item["status"]) == (
        "Apologise in writing",
        api.user.username,
        "open",
    )
    done = api.post(
        f"/api/v1/complaints/cases/{case.pk}/actions/",
        {
            "action": "recommendation",
            "recommendation": item["id"],
            "status": "done",
            "response": "Sent 7 Dec",
        },
        format="json",
    )
    assert done.status_code == 200, done.content
    assert done.json()["recommendations"][0]["status"] == "done"


def test_through_the_api_the_case_cannot_close_while_a_recommendation_is_open(
    api_as: Callable[..., Any],
) -> None:
    api = api_as("advisor")
    case = _closed_with_review_right(api.user)
    services.review_log(
        case_id=case.pk,
        actor=api.user,
        received_on=timezone.localdate() - dt.timedelta(days=2),
        result_code="REVIEW-UPHELD",
        decided_on=timezone.localdate(),
        recommendations="Apologise in writing",
    )
    [item] = case.recommendations.all()
    close = {"outcome": "S3-SERVICE-NOT-ACCEPTABLE"}
    refused = api.post(f"/api/v1/complaints/cases/{case.pk}/outcome/", close, format="json")
    assert refused.status_code == 400 and list(refused.json()) == ["outcome"], refused.content
    assert "1 recommendation of the upheld review is still open" in refused.json()["outcome"][0]
    assert ComplaintCase.objects.get(pk=case.pk).status == ComplaintCase.Status.OPEN
    answered = {"action": "recommendation", "recommendation": item.pk, "status": "answered"}
    api.post(
        f"/api/v1/complaints/cases/{case.pk}/actions/",
        {**answered, "response": "The complainant withdrew the request for an apology"},
        format="json",
    )
    closed = api.post(f"/api/v1/complaints/cases/{case.pk}/outcome/", close, format="json")
    assert closed.status_code == 200, closed.content
    assert closed.json()["status"] == "closed"


def test_on_the_case_page_closing_is_refused_beside_the_outcome_while_a_recommendation_is_open(
    client: Any, make_user: Callable[..., Any]
) -> None:
    advisor = make_user("advisor")
    case = _closed_with_review_right(advisor)
    services.review_log(
        case_id=case.pk,
        actor=advisor,
        received_on=timezone.localdate() - dt.timedelta(days=2),
        result_code="REVIEW-UPHELD",
        decided_on=timezone.localdate(),
        recommendations="Apologise in writing",
    )
    client.force_login(advisor)
    response = client.post(
        f"/complaints/{case.pk}/do/close/",
        {"close-outcome": "S3-SERVICE-NOT-ACCEPTABLE", "close-outcome_on": timezone.localdate().isoformat()},
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "error-summary" in html and "1 recommendation of the upheld review is still open" in html
    assert ComplaintCase.objects.get(pk=case.pk).status == ComplaintCase.Status.OPEN
