"""C-YOUNG-PEOPLE on a stored case (issue 20 part 9): the complainant's age, asked at intake, reaches
the triage proposal and the case page; the API takes and shows it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, cast

import pytest
from django.test import Client
from django.utils import timezone
from rest_framework.test import APIClient

from complaints import selectors
from complaints.models import ComplaintCase
from complaints.tests.factories import ComplaintCaseFactory

pytestmark = pytest.mark.django_db

PROMPT = "Under 18: take extra care and involve a parent, guardian or advocate"


@pytest.fixture
def advisor(make_user: Callable[..., Any], reference_data: None) -> Any:
    return make_user("advisor")


def _case(advisor: Any, **complainant: Any) -> ComplaintCase:
    return cast(ComplaintCase, ComplaintCaseFactory(actor=advisor, complainant=complainant))


def test_a_stored_age_under_18_reaches_the_proposal_and_is_never_assumed(advisor: Any) -> None:
    young = _case(advisor, age=15)
    inp = selectors.case_triage_input(young)
    assert inp.complainant.age == 15
    assert young.complainants.get().is_young
    unasked = _case(advisor)
    assert selectors.case_triage_input(unasked).complainant.age is None
    assert all(a.field != "complainant.age" for a in selectors.case_assumptions(unasked))


def test_the_intake_form_asks_the_age_and_the_case_page_prompts(client: Client, advisor: Any) -> None:
    client.force_login(advisor)
    form = client.get("/complaints/new/").content.decode()
    assert 'name="age"' in form
    response = client.post(
        "/complaints/new/",
        {
            "kind": "complaint",
            "channel": "phone",
            "received_at": timezone.localtime().strftime("%Y-%m-%dT%H:%M"),
            "summary": "No call back",
            "name": "Sam Lee",
            "preferred_contact": "phone",
            "adversely_affected": "on",
            "age": "14",
            "subject_kind": "force",
            "category": "A1",
        },
    )
    assert response.status_code == 302
    case = ComplaintCase.objects.get()
    assert case.complainants.get().age == 14
    page = client.get(f"/complaints/{case.pk}/").content.decode()
    assert PROMPT in page
    assert "parent, guardian or advocate as appropriate." in page  # the triage explanation line too
    assert "C-YOUNG-PEOPLE" in page


def test_the_intake_form_refuses_a_bad_age(client: Client, advisor: Any) -> None:
    client.force_login(advisor)
    response = client.post("/complaints/new/", {"name": "Sam Lee", "age": "-3"})
    assert response.status_code == 400
    assert "age" in response.context["form"].errors
    assert ComplaintCase.objects.count() == 0


def test_an_adult_or_unasked_age_gets_no_prompt(client: Client, advisor: Any) -> None:
    client.force_login(advisor)
    for case in (_case(advisor, age=30), _case(advisor)):
        assert PROMPT not in client.get(f"/complaints/{case.pk}/").content.decode()


def test_the_case_api_takes_and_shows_the_age(api_as: Callable[..., APIClient], reference_data: None) -> None:
    api = api_as("advisor")
    body = {
        "kind": "complaint",
        "received_at": "2026-03-01T09:00:00Z",
        "channel": "web",
        "summary": "Stopped and searched without reason",
        "incident_date": "2026-02-20",
        "complainants": [{"name": "Jo Bloggs", "email": "jo@example.org", "age": 16}],
        "subjects": [{"kind": "officer", "name": "PC Reid", "collar_number": "4521"}],
        "allegations": [{"category": "B2"}],
        "complainant_agrees_outside_schedule_3": True,
    }
    created = api.post("/api/v1/complaints/cases/", body, format="json")
    assert created.status_code == 201, created.json()
    detail = api.get(f"/api/v1/complaints/cases/{created.json()['id']}/").json()
    assert detail["complainants"][0]["age"] == 16
    bad = {**body, "complainants": [{"name": "Jo Bloggs", "email": "jo@example.org", "age": 200}]}
    response = api.post("/api/v1/complaints/cases/", bad, format="json")
    assert response.status_code == 400 and "age" in response.json()["complainants"]["0"]
    assert ComplaintCase.objects.count() == 1
