from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from complaints.models import ComplaintCase
from complaints.tests.factories import ComplaintCaseFactory
from staffing.models import AccessLog

pytestmark = pytest.mark.django_db

BODY: dict[str, Any] = {
    "kind": "complaint",
    "received_at": "2026-03-01T09:00:00Z",
    "channel": "web",
    "summary": "Stopped and searched without reason",
    "incident_date": "2026-02-20",
    "complainants": [{"name": "Jo Bloggs", "email": "jo@example.org", "adjustments": ["interpreter"]}],
    "subjects": [{"kind": "officer", "name": "PC Reid", "collar_number": "4521"}],
    "allegations": [{"category": "B2", "could_justify_criminal_or_disciplinary": False}],
    "complainant_agrees_outside_schedule_3": True,
}


@pytest.fixture
def advisor_api(api_as: Callable[..., APIClient], reference_data: None) -> APIClient:
    return api_as("advisor")


def test_create_and_read_a_case(advisor_api: APIClient) -> None:
    response = advisor_api.post("/api/v1/complaints/cases/", BODY, format="json")
    assert response.status_code == 201, response.json()
    data = response.json()
    assert data["reference"] == "CO/2026/00001"
    assert data["next_update_due"] == "2026-03-29"  # C-UPDATE-28D
    detail = advisor_api.get(f"/api/v1/complaints/cases/{data['id']}/")
    assert detail.json()["complainants"][0]["adjustments"] == ["interpreter"]
    assert AccessLog.objects.filter(record_type="complaint_case", record_id=str(data["id"])).exists()


def test_unknown_category_is_a_400_naming_the_field(advisor_api: APIClient) -> None:
    body = {**BODY, "allegations": [{"category": "Z9"}]}
    response = advisor_api.post("/api/v1/complaints/cases/", body, format="json")
    assert response.status_code == 400
    assert "category" in response.json()["allegations"]["0"]
    assert ComplaintCase.objects.count() == 0


def test_future_events_are_a_400(advisor_api: APIClient) -> None:
    future = (timezone.localdate() + dt.timedelta(days=5)).isoformat()
    response = advisor_api.post("/api/v1/complaints/cases/", {**BODY, "incident_date": future}, format="json")
    assert response.status_code == 400
    assert list(response.json()) == ["incident_date"]


def test_list_query_count(advisor_api: APIClient, django_assert_max_num_queries: Any) -> None:
    for _ in range(6):
        ComplaintCaseFactory(actor=advisor_api.user)  # type: ignore[attr-defined]
    with django_assert_max_num_queries(6):  # token+user, count, cases, complainants, subjects
        response = advisor_api.get("/api/v1/complaints/cases/?mine=1")
    assert response.json()["count"] == 6


def test_roles(api_as: Callable[..., APIClient], reference_data: None) -> None:
    case = ComplaintCaseFactory()
    recorder = api_as("recorder")
    assert recorder.get("/api/v1/complaints/cases/").status_code == 403
    assert recorder.get(f"/api/v1/complaints/cases/{case.pk}/").status_code == 404
    assert APIClient().get("/api/v1/complaints/cases/").status_code == 401
    manager = api_as("manager")
    assert manager.get(f"/api/v1/complaints/cases/{case.pk}/").status_code == 200


def test_a_subject_gets_404(api_as: Callable[..., APIClient], reference_data: None) -> None:
    manager = api_as("manager")
    case = ComplaintCaseFactory(subjects=[{"kind": "officer", "name": "M", "user": manager.user}])  # type: ignore[attr-defined]
    assert manager.get(f"/api/v1/complaints/cases/{case.pk}/").status_code == 404
    assert manager.get("/api/v1/complaints/cases/").json()["count"] == 0


def test_journey_triage_contact_outcome_review(advisor_api: APIClient) -> None:
    body = {
        **BODY,
        "received_at": (timezone.now() - dt.timedelta(days=3)).isoformat(),
        "incident_date": None,
        "complainant_wants_recording": True,
        "complainant_agrees_outside_schedule_3": False,
    }
    created = advisor_api.post("/api/v1/complaints/cases/", body, format="json").json()
    url = f"/api/v1/complaints/cases/{created['id']}/"
    # The API logged no triage facts: accepting waits until the ones that matter are answered.
    assert created["assumed"], created
    r = advisor_api.post(url + "actions/", {"action": "triage", "accept": True}, format="json")
    assert r.status_code == 400 and "decision" in r.json()
    answers = {a["field"]: a["assumed"] for a in created["assumed"]}
    r = advisor_api.post(url + "actions/", {"action": "facts", "answers": answers}, format="json")
    assert r.status_code == 200 and r.json()["assumed"] == [], r.json()
    r = advisor_api.post(url + "actions/", {"action": "triage", "accept": True}, format="json")
    assert r.json()["route"] == "schedule_3_reasonable_and_proportionate", r.json()
    r = advisor_api.post(
        url + "contacts/",
        {"at": timezone.now().isoformat(), "method": "phone", "summary": "Update", "is_update": True},
        format="json",
    )
    assert r.status_code == 201
    r = advisor_api.post(url + "outcome/", {"outcome": "OS3-RESOLVED"}, format="json")
    assert r.status_code == 400 and "outcome" in r.json()
    r = advisor_api.post(url + "outcome/", {"outcome": "S3-SERVICE-NOT-ACCEPTABLE"}, format="json")
    assert r.json()["status"] == "closed" and r.json()["review_body"] == "local_policing_body"
    r = advisor_api.post(
        url + "contacts/",
        {"at": timezone.now().isoformat(), "method": "phone", "summary": "x"},
        format="json",
    )
    assert r.status_code == 400 and "status" in r.json()
    r = advisor_api.post(url + "review/", {"received_on": timezone.localdate().isoformat()}, format="json")
    assert r.status_code == 201 and r.json()["in_time"] is True and r.json()["result"] is None
    review = r.json()["id"]
    # The result goes on the application itself (C-REVIEW-OUTCOME) ...
    r = advisor_api.post(
        url + f"reviews/{review}/result/",
        {"result": "REVIEW-UPHELD", "recommendations": "Call complainants back within 48 hours."},
        format="json",
    )
    assert r.status_code == 200 and r.json()["id"] == review and r.json()["result"] == "REVIEW-UPHELD"
    assert r.json()["recommendations"] == "Call complainants back within 48 hours."
    # ... and never as a second application.
    r = advisor_api.post(url + "review/", {"received_on": timezone.localdate().isoformat()}, format="json")
    assert r.status_code == 400
    assert [x["id"] for x in advisor_api.get(url).json()["reviews"]] == [review]


def test_compliments_api(advisor_api: APIClient, make_user: Callable[..., Any]) -> None:
    body = {**BODY, "allegations": [], "summary": "Thank you"}
    r = advisor_api.post("/api/v1/complaints/compliments/", body, format="json")
    assert r.status_code == 201 and r.json()["kind"] == "compliment"
    make_user("sergeant", username="sgt.lee")
    r = advisor_api.post(
        f"/api/v1/complaints/cases/{r.json()['id']}/actions/",
        {"action": "forward", "recipient": "sgt.lee"},
        format="json",
    )
    assert r.json()["actions"][0]["recipient"] == "sgt.lee"
    assert advisor_api.get("/api/v1/complaints/compliments/").json()["count"] == 1


def test_learning_report_api(advisor_api: APIClient) -> None:
    ComplaintCaseFactory(actor=advisor_api.user)  # type: ignore[attr-defined]
    today = timezone.localdate()
    r = advisor_api.get(f"/api/v1/complaints/learning/?period=month&year={today.year}&number={today.month}")
    assert r.json()["received"] == 1
    assert advisor_api.get("/api/v1/complaints/learning/?period=quarter&number=7").status_code == 400


def test_compliment_list_query_count(advisor_api: APIClient, django_assert_max_num_queries: Any) -> None:
    from complaints.tests.factories import ComplimentFactory

    ComplimentFactory.create_batch(4, actor=advisor_api.user)  # type: ignore[attr-defined]
    with django_assert_max_num_queries(6):
        assert advisor_api.get("/api/v1/complaints/compliments/").json()["count"] == 4


def test_adding_an_allegation_through_the_api(advisor_api: APIClient) -> None:
    case = ComplaintCaseFactory(actor=advisor_api.user)  # type: ignore[attr-defined]
    url = f"/api/v1/complaints/cases/{case.pk}/actions/"
    bad = advisor_api.post(url, {"action": "allegation", "category": "Z9"}, format="json")
    assert bad.status_code == 400 and "category" in bad.json()
    ok = advisor_api.post(
        url, {"action": "allegation", "category": "B5", "facts": {"serious_assault": True}}, format="json"
    )
    assert [a["category"] for a in ok.json()["allegations"]] == ["A1", "B5"]
    assert ok.json()["allegations"][1]["serious_assault"] is True


@pytest.mark.parametrize(
    "action",
    [
        {"action": "allegation", "category": "A1", "facts": {"case_id": True}},
        {"action": "allegation", "category": "A1", "facts": {"injury_details": [{}]}},
        {"action": "allegation", "category": "A1", "facts": {"conduct": "no"}},
        {"action": "facts", "answers": {"allegations.0.injury_details": [[1]]}},
        {"action": "facts", "answers": {"allegations.0.conduct": "yes"}},
        {"action": "facts", "answers": {"allegations.9.conduct": True}},
        {"action": "facts", "answers": {}},
    ],
)
def test_hostile_fact_input_is_a_400_and_changes_nothing(
    advisor_api: APIClient, action: dict[str, Any]
) -> None:
    body = {**BODY, "received_at": (timezone.now() - dt.timedelta(days=1)).isoformat()}
    created = advisor_api.post("/api/v1/complaints/cases/", body, format="json").json()
    url = f"/api/v1/complaints/cases/{created['id']}/"
    response = advisor_api.post(url + "actions/", action, format="json")
    assert response.status_code == 400, response.content
    after = advisor_api.get(url).json()
    assert after["version"] == created["version"] and len(after["allegations"]) == len(created["allegations"])


@pytest.mark.parametrize("received_at", ["2026-03-01", "2026-03-01T09:00:00"])
def test_logging_a_case_needs_received_at_with_an_offset(advisor_api: APIClient, received_at: str) -> None:
    response = advisor_api.post(
        "/api/v1/complaints/cases/", {**BODY, "received_at": received_at}, format="json"
    )
    assert response.status_code == 400 and list(response.json()) == ["received_at"]
    assert advisor_api.get("/api/v1/complaints/cases/").json()["count"] == 0
