"""Each allegation names the subject(s) it is about (issue 23 part 3), through the API's one intake path."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from complaints.models import Allegation, ComplaintCase

pytestmark = pytest.mark.django_db


def _body(allegations: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "received_at": timezone.now().isoformat(),
        "channel": "email",
        "summary": "Two officers at the door",
        "complainants": [{"name": "Kim Park"}],
        "subjects": [
            {"kind": "officer", "name": "Sam Reid", "collar_number": "4521"},
            {"kind": "officer", "name": "Lee Cole", "collar_number": "4522"},
        ],
        "allegations": allegations,
    }


def test_each_allegation_names_its_subjects(api_as: Callable[..., APIClient], reference_data: None) -> None:
    # A name no subject here can be: a random one (Reid, Cole ...) made the advisor a possible subject,
    # rightly kept from the case (case_visible), and the test failed about once in a few hundred runs.
    advisor = api_as("advisor", first_name="Avery", last_name="Quillfeather")
    response = advisor.post(
        "/api/v1/complaints/cases/",
        _body([{"category": "A1", "subjects": [0]}, {"category": "A1", "subjects": [0, 1]}]),
        format="json",
    )
    assert response.status_code == 201, response.json()
    subject_ids = [s["id"] for s in response.json()["subjects"]]
    assert [a["subjects"] for a in response.json()["allegations"]] == [subject_ids[:1], subject_ids]
    first = Allegation.objects.get(pk=response.json()["allegations"][0]["id"])
    assert [s.name for s in first.subjects.all()] == ["Sam Reid"]


def test_a_subject_outside_the_list_is_refused_naming_the_field(
    api_as: Callable[..., APIClient], reference_data: None
) -> None:
    response = api_as("advisor").post(
        "/api/v1/complaints/cases/", _body([{"category": "A1", "subjects": [2]}]), format="json"
    )
    assert response.status_code == 400 and "allegations.0.subjects" in response.json()
    assert not ComplaintCase.objects.exists()
