"""Side doors of the authorisation matrix (issue 17 part 1): the subject of a complaint never sees it,
whatever path logged it, and a subject-access export never shows its requester what they may not see.

Each test first shows the record reaches someone entitled (so it cannot pass by finding nothing), then
that the subject gets 404 / nothing on every path: API detail and list, the case page, search by their
own collar number, and the subject-access exports (staffing page and API, the complaints page)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone
from rest_framework.test import APIClient

from complaints.models import Subject
from complaints.tests.factories import ComplaintCaseFactory

pytestmark = pytest.mark.django_db

ALLEGATION_TEXT = "Pushed me against the wall"


def _log_by_api(advisor: APIClient, subject: dict[str, str]) -> int:
    body = {
        "received_at": timezone.now().isoformat(),
        "channel": "email",
        "summary": "Complaint about an inspector",
        "complainants": [{"name": "Kim Park", "email": "kim@example.org"}],
        "subjects": [subject],
        "allegations": [{"category": "A1", "description": ALLEGATION_TEXT}],
    }
    response = advisor.post("/api/v1/complaints/cases/", body, format="json")
    assert response.status_code == 201, response.json()
    pk: int = response.json()["id"]
    return pk


@pytest.mark.parametrize(
    "subject",
    [
        {"kind": "officer", "name": "Insp Dana Shaw", "collar_number": "7001"},
        {"kind": "staff", "name": "Dana Shaw", "staff_id": "dana.shaw"},
        {"kind": "officer", "name": "Insp Dana Shaw", "collar_number": " 7001 "},
    ],
    ids=["collar-number", "staff-id", "collar-number-spaced"],
)
def test_the_subject_of_an_api_logged_case_never_sees_it(
    api_as: Callable[..., APIClient],
    client: Client,
    reference_data: None,
    subject: dict[str, str],
) -> None:
    dana = api_as("manager", username="dana.shaw", collar_number="7001", first_name="Dana", last_name="Shaw")
    colleague = api_as("manager")
    pk = _log_by_api(api_as("advisor"), subject)
    assert Subject.objects.get(case_id=pk).user == dana.user  # linked by the service, not the form

    url = f"/api/v1/complaints/cases/{pk}/"
    assert colleague.get(url).status_code == 200  # the case exists and is visible to others ...
    assert dana.get(url).status_code == 404  # ... but not to the person it is about
    assert dana.get("/api/v1/complaints/cases/").json()["count"] == 0
    assert dana.get("/api/v1/complaints/cases/", {"q": "7001"}).json()["count"] == 0
    assert dana.post(url + "actions/", {"action": "pcc"}, format="json").status_code == 404
    client.force_login(dana.user)
    assert client.get(f"/complaints/{pk}/").status_code == 404
    assert ALLEGATION_TEXT not in client.get("/complaints/search/", {"q": "Shaw"}).content.decode()


def test_an_ambiguous_collar_number_asks_for_the_staff_id(
    api_as: Callable[..., APIClient], make_user: Callable[..., Any], reference_data: None
) -> None:
    make_user("investigator", collar_number="7002")
    make_user("sergeant", collar_number="7002")
    advisor = api_as("advisor")
    body = {
        "received_at": timezone.now().isoformat(),
        "channel": "email",
        "summary": "x",
        "complainants": [{"name": "Kim Park"}],
        "subjects": [{"kind": "officer", "collar_number": "7002"}],
        "allegations": [{"category": "A1"}],
    }
    response = advisor.post("/api/v1/complaints/cases/", body, format="json")
    assert response.status_code == 400 and "staff_id" in response.json()
    assert not Subject.objects.exists()


def test_subject_access_of_oneself_leaves_out_the_cases_about_oneself(
    api_as: Callable[..., APIClient], client: Client, reference_data: None
) -> None:
    dana = api_as("manager", username="dana.shaw", first_name="Dana", last_name="Shaw")
    colleague = api_as("manager")
    ComplaintCaseFactory(
        subjects=[{"kind": "officer", "name": "Dana Shaw", "staff_id": "dana.shaw"}],
        allegations=[{"category": "A1", "description": ALLEGATION_TEXT}],
    )
    query = {"name": "Dana Shaw", "purpose": "SAR-2026-099"}

    # Someone entitled exporting for Dana finds the case, allegation text included ...
    other = colleague.get("/api/v1/staffing/subject-access/", query).json()
    assert other["records"]["complaints"]["as_subject"][0]["allegations"][0]["description"] == ALLEGATION_TEXT

    # ... Dana exporting her own data gets nothing about the case: API, staffing page and complaints page.
    own = dana.get("/api/v1/staffing/subject-access/", query).json()
    assert own["records"]["complaints"] == {"name": "Dana Shaw", "as_complainant": [], "as_subject": []}
    client.force_login(dana.user)
    page = client.get("/staffing/subject-access/", {**query, "format": "json"})
    assert page.json()["records"]["complaints"]["as_subject"] == []
    for fmt in ("", "json"):
        body = client.get("/complaints/subject-access/", {"name": "Dana Shaw", "format": fmt}).content
        assert ALLEGATION_TEXT.encode() not in body


def test_a_subject_named_by_name_only_is_kept_from_every_possible_match_until_confirmed(
    api_as: Callable[..., APIClient], client: Client, reference_data: None
) -> None:
    """Issue 20 part 6 side door: an officer named by name only could read the complaint about them.
    Every account that could be them (by name and team) is held out until an advisor confirms who it is;
    then only the confirmed one stays out."""
    from staffing.tests.factories import TeamFactory

    team_a, team_b = TeamFactory(name="Response A"), TeamFactory(name="Response B")
    dana = api_as("manager", first_name="Dana", last_name="Shaw", team=team_a)
    daniel = api_as("manager", first_name="Daniel", last_name="Shaw", team=team_b)
    other_shaw = api_as("manager", first_name="Robin", last_name="Shaw", team=team_b)
    colleague = api_as("manager", first_name="Alex", last_name="Morgan", team=team_a)
    advisor = api_as("advisor")
    pk = _log_by_api(advisor, {"kind": "officer", "name": "PC D. Shaw", "team_name": "Response A"})
    url = f"/api/v1/complaints/cases/{pk}/"

    assert colleague.get(url).status_code == 200  # the case is there for others ...
    for held_out in (dana, daniel):  # ... but neither officer who could be "PC D. Shaw" reads it
        assert held_out.get(url).status_code == 404
        assert held_out.get("/api/v1/complaints/cases/").json()["count"] == 0
        client.force_login(held_out.user)
        assert client.get(f"/complaints/{pk}/").status_code == 404
        assert ALLEGATION_TEXT not in client.get("/complaints/search/", {"q": "Shaw"}).content.decode()
    assert other_shaw.get(url).status_code == 200  # a different first name is not them
    subject = advisor.get(url).json()["subjects"][0]
    assert sorted(subject["possible_matches"]) == sorted([dana.user.username, daniel.user.username])

    # A choice outside the possible matches is refused, naming the field.
    refused = advisor.post(
        url + "actions/",
        {"action": "subject_confirm", "subject": subject["id"], "person": colleague.user.username},
        format="json",
    )
    assert refused.status_code == 400 and "person" in refused.json()
    # The advisor confirms it is Daniel (on the page): Dana reads the case again, Daniel never does.
    client.force_login(advisor.user)
    page = client.get(f"/complaints/{pk}/").content.decode()
    assert "Who is PC D. Shaw?" in page and "Daniel Shaw" in page
    response = client.post(
        f"/complaints/{pk}/do/subject_confirm/",
        {
            "subject_confirm-subject": subject["id"],
            "subject_confirm-person": daniel.user.pk,
            "subject_confirm-reason": "Duty roster for the day",
        },
    )
    assert response.status_code == 302
    assert Subject.objects.get(case_id=pk).user == daniel.user
    assert dana.get(url).status_code == 200
    assert daniel.get(url).status_code == 404
    assert advisor.get(url).json()["subjects"][0]["possible_matches"] == []
    assert "Who is PC D. Shaw?" not in client.get(f"/complaints/{pk}/").content.decode()


def test_a_subject_named_by_surname_only_is_matched_within_the_team_named(
    api_as: Callable[..., APIClient], reference_data: None
) -> None:
    from staffing.tests.factories import TeamFactory

    team_a, team_b = TeamFactory(name="Response A"), TeamFactory(name="Response B")
    in_team = api_as("manager", first_name="Dana", last_name="Shaw", team=team_a)
    elsewhere = api_as("manager", first_name="Sam", last_name="Shaw", team=team_b)
    advisor = api_as("advisor")
    pk = _log_by_api(advisor, {"kind": "officer", "name": "Sgt Shaw", "team_name": "response a"})
    assert in_team.get(f"/api/v1/complaints/cases/{pk}/").status_code == 404
    assert elsewhere.get(f"/api/v1/complaints/cases/{pk}/").status_code == 200
    # None of them: the advisor says so, and the one held out reads it again.
    subject_id = advisor.get(f"/api/v1/complaints/cases/{pk}/").json()["subjects"][0]["id"]
    done = advisor.post(
        f"/api/v1/complaints/cases/{pk}/actions/",
        {"action": "subject_confirm", "subject": subject_id, "person": ""},
        format="json",
    )
    assert done.status_code == 200, done.json()
    assert in_team.get(f"/api/v1/complaints/cases/{pk}/").status_code == 200
    assert Subject.objects.get(case_id=pk).user is None
