"""Every API endpoint that creates a record takes an Idempotency-Key (contract, Conventions): a retry
with the same key and body within 24 hours creates nothing and returns the first answer; the same key
with another body is a 409."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from rest_framework.test import APIClient

from complaints.models import ComplaintCase, Contact
from complaints.tests.test_api import BODY

pytestmark = pytest.mark.django_db


# POST operations that create no record: pure answers, and actions or decisions on a record that
# exists (a repeat meets the record's new state and is refused or changes nothing). The feed's bulk
# endpoint is idempotent by reference already (the contract says so).
NOT_CREATING = {
    "/api/v1/complaints/triage/",
    "/api/v1/recording/decisions/",
    "/api/v1/incidents/bulk/",
    "/api/v1/complaints/cases/{id}/actions/",
    "/api/v1/complaints/cases/{id}/outcome/",
    # the public form's follow-ups: an unmasking is a logged read; recording authority a state change
    "/api/v1/complaints/cases/{id}/complainants/{complainant_id}/unmask/",
    "/api/v1/complaints/cases/{id}/authority/",
    "/api/v1/complaints/cases/{id}/reviews/{review_id}/result/",
    "/api/v1/complaints/alerts/{id}/answer/",  # a supervisor's answer, once: a repeat is refused
    "/api/v1/incidents/{id}/crimes/{action}/",
    "/api/v1/qa/unrecorded-incidents/{id}/{action}/",
    "/api/v1/qa/hidden-crimes/{id}/{action}/",
    "/api/v1/qa/screen/",
    "/api/v1/recording/awaiting-victim/{id}/close/",
    "/api/v1/recording/cancellations/{id}/decision/",
    "/api/v1/recording/crimes/{id}/outcome/",
    "/api/v1/recording/crimes/{id}/status/",
    "/api/v1/recording/reclassifications/{id}/decision/",
    "/api/v1/recording/transfers/{id}/decision/",
    "/api/v1/staffing/allocations/complete/",
    # letters: a preview stores nothing; submit, approve, return, issue and a retry change a letter's state
    "/api/v1/letters/templates/preview/",
    "/api/v1/letters/{letter_id}/submit/",
    "/api/v1/letters/{letter_id}/approve/",
    "/api/v1/letters/{letter_id}/return/",
    "/api/v1/letters/{letter_id}/issue/",
    "/api/v1/letters/sends/{send_id}/retry/",
}


def test_every_endpoint_that_creates_a_record_takes_the_idempotency_key(
    api_as: Callable[..., APIClient],
) -> None:
    schema = api_as("admin").get("/api/v1/schema/", HTTP_ACCEPT="application/json").json()
    posts = {path: ops["post"] for path, ops in schema["paths"].items() if "post" in ops}
    assert NOT_CREATING <= set(posts)  # the list names real operations
    missing = [
        path
        for path, operation in posts.items()
        if path not in NOT_CREATING
        and not any(
            p["name"] == "Idempotency-Key" and p["in"] == "header" for p in operation.get("parameters", [])
        )
    ]
    assert len(posts) - len(NOT_CREATING) >= 19
    assert missing == []


def test_a_complaint_logged_twice_with_one_key_is_one_case(
    api_as: Callable[..., APIClient], reference_data: None
) -> None:
    api = api_as("advisor")
    first = api.post("/api/v1/complaints/cases/", BODY, format="json", HTTP_IDEMPOTENCY_KEY="intake-7")
    again = api.post("/api/v1/complaints/cases/", BODY, format="json", HTTP_IDEMPOTENCY_KEY="intake-7")
    assert first.status_code == again.status_code == 201
    assert again.json() == first.json()
    assert again["Idempotent-Replayed"] == "true"
    assert ComplaintCase.objects.count() == 1
    other = api.post(
        "/api/v1/complaints/cases/",
        {**BODY, "summary": "Something else"},
        format="json",
        HTTP_IDEMPOTENCY_KEY="intake-7",
    )
    assert other.status_code == 409
    assert ComplaintCase.objects.count() == 1


def test_one_key_on_two_records_is_two_requests(
    api_as: Callable[..., APIClient], reference_data: None
) -> None:
    """The record in the URL is part of what the key names: the same contact on two cases is two contacts."""
    api = api_as("advisor")
    cases = [api.post("/api/v1/complaints/cases/", BODY, format="json").json()["id"] for _ in range(2)]
    contact: dict[str, Any] = {"method": "phone", "summary": "Called back", "at": "2026-03-02T10:00:00Z"}
    for pk in cases:
        response = api.post(
            f"/api/v1/complaints/cases/{pk}/contacts/", contact, format="json", HTTP_IDEMPOTENCY_KEY="call-1"
        )
        assert response.status_code == 201, response.json()
    assert Contact.objects.filter(case_id__in=cases, summary="Called back").count() == 2


def test_a_key_on_a_url_with_long_ids_gets_the_records_answer(api_as: Callable[..., APIClient]) -> None:
    """The ids in the URL are part of the key's scope, which must fit its column whatever they are: two
    long ids once overflowed it (a 500, found by schemathesis) before the crime was even looked up."""
    response = api_as("admin").post(
        "/api/v1/recording/crimes/3210003090350/victim-notices/201575970/told/",
        {},
        format="json",
        HTTP_IDEMPOTENCY_KEY="told-1",
    )
    assert response.status_code == 404, response.content
