"""The letters API (contract: "Letter templates"; issue 22): templates with their current version,
creating one (a placeholder that does not exist is a 400 naming `body`), and a letter's way from
draft to sent over the same services as the pages."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from complaints.tests.factories import ComplaintCaseFactory
from staffing.models import LetterTemplate

pytestmark = pytest.mark.django_db

NEW = {
    "key": "complaint-chase",
    "name": "Chaser",
    "record_type": "complaint_case",
    "purpose": "other",
    "subject": "About {{ case_reference }}",
    "body": "Dear {{ recipient_name }},\n\nWe are still working on {{ case_reference }}.",
}


@pytest.mark.parametrize(
    ("role", "status"), [("advisor", 200), ("manager", 200), ("admin", 200), ("investigator", 403)]
)
def test_templates_are_listed_with_their_current_version(
    api_as: Callable[..., Any], reference_data: None, role: str, status: int
) -> None:
    answer = api_as(role).get("/api/v1/letters/templates/")
    assert answer.status_code == status
    if status == 200:
        rows = {row["key"]: row for row in answer.json()["results"]}
        update = rows["complaint-update"]
        assert update["version"] == update["current"]["number"] == 1
        assert "{{ next_update_by }}" in update["current"]["body"]


def test_the_template_list_query_count_is_pinned(
    api_as: Callable[..., Any], reference_data: None, django_assert_num_queries: Any
) -> None:
    client = api_as("manager")
    # 1 the token's user, 2 count, 3 the templates with their current version (subqueries)
    with django_assert_num_queries(3):
        assert client.get("/api/v1/letters/templates/").status_code == 200


def test_a_manager_creates_a_template(api_as: Callable[..., Any], reference_data: None) -> None:
    answer = api_as("manager").post("/api/v1/letters/templates/", NEW, format="json")
    assert answer.status_code == 201, answer.json()
    assert answer.json()["current"]["number"] == 1
    assert (
        api_as("advisor").post("/api/v1/letters/templates/", {**NEW, "key": "x"}, format="json").status_code
        == 403
    )


@pytest.mark.parametrize(
    "body",
    [
        "Dear {{ recipient_name }}, {{ officer_favourite_colour }}",
        "{{ record.__class__ }}",
        "{% load static %}{{ recipient_name }}",
        "{{ recipient_name|upper }}",
        "{{ case_reference.__class__.__mro__ }}",
    ],
)
def test_a_template_that_reaches_beyond_its_placeholders_is_a_400_naming_body(
    api_as: Callable[..., Any], reference_data: None, body: str
) -> None:
    answer = api_as("manager").post("/api/v1/letters/templates/", {**NEW, "body": body}, format="json")
    assert answer.status_code == 400
    assert list(answer.json()) == ["body"]
    assert not LetterTemplate.objects.filter(key="complaint-chase").exists()


def test_a_new_version_through_the_api(api_as: Callable[..., Any], reference_data: None) -> None:
    template = LetterTemplate.objects.get(key="complaint-update")
    client = api_as("manager")
    current = client.get(f"/api/v1/letters/templates/{template.pk}/").json()["current"]
    answer = client.post(
        f"/api/v1/letters/templates/{template.pk}/",
        {
            "subject": current["subject"],
            "body": current["body"] + "\nThank you.",
            "note": "Thanks",
            "version": 1,
        },
        format="json",
    )
    assert answer.status_code == 201 and answer.json()["version"] == 2
    assert [v["number"] for v in answer.json()["versions"]] == [2, 1]
    stale = client.post(
        f"/api/v1/letters/templates/{template.pk}/",
        {"subject": "x", "body": "y", "note": "z", "version": 1},
        format="json",
    )
    assert stale.status_code == 400 and "version" in stale.json()


def test_a_letter_from_draft_to_posted_through_the_api(
    api_as: Callable[..., Any], reference_data: None
) -> None:
    client = api_as("advisor")
    case = ComplaintCaseFactory(actor=client.user)
    draft = client.post(
        "/api/v1/letters/",
        {"record_type": "complaint_case", "record_id": case.pk, "purpose": "update"},
        format="json",
    )
    assert draft.status_code == 201, draft.json()
    letter = draft.json()
    assert letter["template"] == "complaint-update" and letter["template_version"] == 1
    assert letter["problems"]  # the guidance in brackets is still there
    issue = client.post(f"/api/v1/letters/{letter['id']}/issue/", {}, format="json")
    assert issue.status_code == 400 and "body" in issue.json()
    body = letter["body"].replace(
        letter["body"][letter["body"].index("[") : letter["body"].index("]") + 1], "Done."
    )
    edited = client.patch(
        f"/api/v1/letters/{letter['id']}/",
        {"subject": letter["subject"], "body": body, "version": 1},
        format="json",
    )
    assert edited.status_code == 200 and edited.json()["problems"] == []
    issued = client.post(f"/api/v1/letters/{letter['id']}/issue/", {}, format="json")
    assert issued.json()["status"] == "issued"
    pdf = client.get(f"/api/v1/letters/{letter['id']}/pdf/")
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    sent = client.post(f"/api/v1/letters/{letter['id']}/send/", {"channel": "post_by_hand"}, format="json")
    assert sent.status_code == 202 and sent.json()["status"] == "sent"
    listed = client.get(f"/api/v1/letters/?record_type=complaint_case&record_id={case.pk}")
    assert [row["id"] for row in listed.json()] == [letter["id"]]


def test_a_letter_about_a_case_the_caller_may_not_see_is_a_404(
    api_as: Callable[..., Any], make_user: Callable[..., Any], reference_data: None
) -> None:
    case = ComplaintCaseFactory(actor=make_user("advisor"))
    outsider = api_as("investigator")
    answer = outsider.post(
        "/api/v1/letters/",
        {"record_type": "complaint_case", "record_id": case.pk, "purpose": "update"},
        format="json",
    )
    assert answer.status_code == 404
