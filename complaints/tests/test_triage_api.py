"""POST /api/v1/complaints/triage/ (contract: API.md "Complaint triage")."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient

from complaints.models import ComplaintCategory
from complaints.rules import local_date

pytestmark = pytest.mark.django_db

URL = "/api/v1/complaints/triage/"
EXAMPLES = json.loads(
    (Path(__file__).parent / "data" / "complaints_examples.json").read_text(encoding="utf-8")
)
CONTRACT_REQUEST: dict[str, Any] = {
    "received_at": "2026-03-01T09:00:00Z",
    "about_chief_officer": False,
    "complainant": {
        "adversely_affected": True,
        "witness": False,
        "acting_for_someone": False,
        "consent_of_affected": False,
    },
    "incident_date": "2026-02-20",
    "allegations": [
        {
            "category": "A1",
            "death_or_serious_injury": False,
            "serious_assault": False,
            "serious_sexual_offence": False,
            "serious_corruption": False,
            "discriminatory_criminal_or_misconduct": False,
            "could_justify_criminal_or_disciplinary": False,
            "article_2_or_3": False,
        }
    ],
    "complainant_wants_recording": False,
    "complainant_agrees_outside_schedule_3": True,
}


def request_with(**changes: Any) -> dict[str, Any]:
    body = copy.deepcopy(CONTRACT_REQUEST)
    body.update(changes)
    return body


@pytest.fixture
def advisor(api_as: Callable[..., APIClient], reference_data: None) -> APIClient:
    return api_as("advisor")


def test_the_url_is_named() -> None:
    assert reverse("api:complaints-triage") == URL


def test_it_answers_401_without_credentials(api_client: APIClient) -> None:
    assert api_client.post(URL, CONTRACT_REQUEST, format="json").status_code == 401


def test_it_answers_403_for_a_recorder(api_as: Callable[..., APIClient], reference_data: None) -> None:
    assert api_as("recorder").post(URL, CONTRACT_REQUEST, format="json").status_code == 403


@pytest.mark.parametrize("role", ["advisor", "manager", "admin"])
def test_complaints_roles_may_triage(
    api_as: Callable[..., APIClient], reference_data: None, role: str
) -> None:
    assert api_as(role).post(URL, CONTRACT_REQUEST, format="json").status_code == 200


def test_it_answers_the_contract_example(advisor: APIClient) -> None:
    response = advisor.post(URL, CONTRACT_REQUEST, format="json")
    assert response.status_code == 200
    body = response.json()
    assert {
        "eligible": True,
        "route": "outside_schedule_3",
        "must_refer_to_iopc": False,
        "appropriate_authority": "chief_officer",
        "first_update_due": "2026-03-29",
    }.items() <= body.items()
    assert "C-OUTSIDE-S3" in body["rules"] and "C-UPDATE-28D" in body["rules"]
    assert all(isinstance(line, str) and line for line in body["explanation"])
    assert body["review_body"] is None


@pytest.mark.parametrize("example", EXAMPLES, ids=[e["id"] for e in EXAMPLES])
def test_it_matches_the_worked_examples(advisor: APIClient, example: dict[str, Any]) -> None:
    response = advisor.post(URL, example["input"], format="json")
    assert response.status_code == 200
    body, expected = response.json(), example["expected"]
    for key in ("eligible", "route", "must_refer_to_iopc", "appropriate_authority"):
        assert body[key] == expected[key], key
    assert set(expected["rules"]) <= set(body["rules"])


def test_it_stores_nothing(advisor: APIClient, django_assert_max_num_queries: Any) -> None:
    with django_assert_max_num_queries(2):  # token auth, category codes; no writes
        response = advisor.post(URL, EXAMPLES[1]["input"], format="json")
    assert response.status_code == 200


def test_query_count_is_constant_in_the_number_of_allegations(
    advisor: APIClient, django_assert_num_queries: Any
) -> None:
    body = request_with(allegations=CONTRACT_REQUEST["allegations"] * 10)
    with django_assert_num_queries(2):  # token auth (user joined), category codes
        assert advisor.post(URL, body, format="json").status_code == 200


def test_a_new_category_is_known_at_once(advisor: APIClient) -> None:
    from complaints.models import ComplaintCategory

    body = request_with(allegations=[{**CONTRACT_REQUEST["allegations"][0], "category": "Z9"}])
    refused = advisor.post(URL, body, format="json")
    assert refused.status_code == 400 and "category" in refused.json()["allegations"]["0"]
    template = ComplaintCategory.objects.order_by("pk").first()
    assert template is not None
    template.pk, template.code, template.title = None, "Z9", "A category published today"
    template.valid_from, template.retired_on, template.replaced_by = None, None, ""
    template._change_reason = "New category"  # type: ignore[attr-defined]
    template.save()
    assert advisor.post(URL, body, format="json").status_code == 200


def test_an_ineligible_person_gets_no_route(advisor: APIClient) -> None:
    complainant = {
        "adversely_affected": False,
        "witness": True,
        "acting_for_someone": False,
        "consent_of_affected": False,
    }
    allegation = {**CONTRACT_REQUEST["allegations"][0], "conduct": False}
    body = advisor.post(
        URL, request_with(complainant=complainant, allegations=[allegation]), format="json"
    ).json()
    assert (body["eligible"], body["route"], body["first_update_due"]) == (False, None, None)
    assert "C-ELIG-NO" in body["rules"] and "C-ELIG-WITNESS" in body["rules"]


def test_not_agreeing_to_informal_handling_means_recording(advisor: APIClient) -> None:
    body = advisor.post(URL, request_with(complainant_agrees_outside_schedule_3=False), format="json").json()
    assert body["route"] == "schedule_3_reasonable_and_proportionate"
    assert "C-RECORD-WHEN-WANTED" in body["rules"]


def test_received_at_uses_the_london_date(advisor: APIClient) -> None:
    body = advisor.post(
        URL, request_with(received_at="2026-07-01T23:30:00Z", incident_date="2026-06-30"), format="json"
    ).json()
    assert body["first_update_due"] == "2026-07-30"


# ---------------------------------------------------------------- bad input


def test_unknown_category_names_the_allegation(advisor: APIClient) -> None:
    allegation = {**CONTRACT_REQUEST["allegations"][0], "category": "Z9"}
    response = advisor.post(URL, request_with(allegations=[allegation]), format="json")
    assert response.status_code == 400
    assert list(response.json()) == ["allegations"]
    assert list(response.json()["allegations"]) == ["0"]
    assert "Z9" in response.json()["allegations"]["0"]["category"][0]


def test_unknown_category_in_a_later_allegation(advisor: APIClient) -> None:
    good = CONTRACT_REQUEST["allegations"][0]
    response = advisor.post(URL, request_with(allegations=[good, {**good, "category": "Q1"}]), format="json")
    assert response.status_code == 400
    assert set(response.json()["allegations"]) == {"1"}


def test_categories_come_from_the_reference_table(advisor: APIClient) -> None:
    ComplaintCategory.objects.filter(code="A1").delete()
    response = advisor.post(URL, CONTRACT_REQUEST, format="json")
    assert response.status_code == 400
    assert "category" in response.json()["allegations"]["0"]


def test_incident_date_in_the_future(advisor: APIClient) -> None:
    tomorrow = local_date(timezone.now()) + timedelta(days=1)
    response = advisor.post(URL, request_with(incident_date=tomorrow.isoformat()), format="json")
    assert response.status_code == 400
    assert list(response.json()) == ["incident_date"]


def test_incident_date_after_receipt(advisor: APIClient) -> None:
    response = advisor.post(URL, request_with(incident_date="2026-03-02"), format="json")
    assert response.status_code == 400
    assert list(response.json()) == ["incident_date"]


def test_incident_date_may_be_null(advisor: APIClient) -> None:
    response = advisor.post(URL, request_with(incident_date=None), format="json")
    assert response.status_code == 200


@pytest.mark.parametrize(
    ("body", "field"),
    [
        (request_with(allegations=[]), "allegations"),
        (request_with(allegations=CONTRACT_REQUEST["allegations"] * 51), "allegations"),
        (request_with(received_at="yesterday"), "received_at"),
        (request_with(complainant={"adversely_affected": True}), "complainant"),
        (
            {k: v for k, v in CONTRACT_REQUEST.items() if k != "complainant_wants_recording"},
            "complainant_wants_recording",
        ),
        (request_with(not_a_complaint="gossip"), "not_a_complaint"),
    ],
)
def test_bad_input_names_the_field(advisor: APIClient, body: dict[str, Any], field: str) -> None:
    response = advisor.post(URL, body, format="json")
    assert response.status_code == 400
    assert field in response.json()


def test_a_missing_allegation_flag_names_the_allegation(advisor: APIClient) -> None:
    allegation = {k: v for k, v in CONTRACT_REQUEST["allegations"][0].items() if k != "article_2_or_3"}
    response = advisor.post(URL, request_with(allegations=[allegation]), format="json")
    assert response.status_code == 400
    assert "article_2_or_3" in response.json()["allegations"]["0"]


def test_it_rejects_an_unknown_injury_detail(advisor: APIClient) -> None:
    allegation = {**CONTRACT_REQUEST["allegations"][0], "category": "B5", "injury_details": ["bruise"]}
    response = advisor.post(URL, request_with(allegations=[allegation]), format="json")
    assert response.status_code == 400
    assert "injury_details" in response.json()["allegations"]["0"]


def test_optional_facts_change_the_decision(advisor: APIClient) -> None:
    allegation = {**CONTRACT_REQUEST["allegations"][0], "category": "B5", "injury_details": ["fracture"]}
    body = advisor.post(URL, request_with(allegations=[allegation]), format="json").json()
    assert body["route"] == "referred_to_iopc" and body["must_refer_to_iopc"]
    assert body["referral_criteria"] == ["MR-DEATH-SERIOUS-INJURY"]
    assert body["review_body"] == "iopc"


def test_the_schema_documents_the_endpoint(advisor: APIClient) -> None:
    schema = advisor.get("/api/v1/schema/", {"format": "json"}).json()
    operation = schema["paths"][URL]["post"]
    assert "requestBody" in operation
    assert "200" in operation["responses"]


# ---------------------------------------------------------------- issue 16: facts asked for, not assumed


def _post(advisor: APIClient, **changes: Any) -> dict[str, Any]:
    response = advisor.post(URL, request_with(**changes), format="json")
    assert response.status_code == 200, response.json()
    body: dict[str, Any] = response.json()
    return body


def _allegation(**facts: Any) -> dict[str, Any]:
    return {**CONTRACT_REQUEST["allegations"][0], **facts}


@pytest.mark.parametrize("received_at", ["2026-03-01", "2026-03-01T09:00:00", "2026-03-01 09:00"])
def test_received_at_without_an_offset_is_refused(advisor: APIClient, received_at: str) -> None:
    response = advisor.post(URL, request_with(received_at=received_at), format="json")
    assert response.status_code == 400
    assert list(response.json()) == ["received_at"]


@pytest.mark.parametrize("received_at", ["2026-03-01T09:00:00+01:00", "2026-03-01T09:00:00Z"])
def test_received_at_with_an_offset_is_accepted(advisor: APIClient, received_at: str) -> None:
    assert _post(advisor, received_at=received_at)["eligible"] is True


def test_a_representative_with_written_consent_complains_as_the_person_c_elig_on_behalf(
    advisor: APIClient,
) -> None:
    # An MP acting for a constituent: not affected, not a witness, but holding written consent.
    complainant = {
        "adversely_affected": False,
        "witness": False,
        "acting_for_someone": True,
        "consent_of_affected": True,
    }
    body = _post(advisor, complainant=complainant)
    assert body["eligible"] is True and body["route"] == "outside_schedule_3"
    assert "C-ELIG-ON-BEHALF" in body["rules"]
    # ... for a service matter too: the represented person is adversely affected.
    body = _post(advisor, complainant=complainant, allegations=[_allegation(conduct=False)])
    assert body["eligible"] is True


def test_a_representative_without_consent_may_not_complain(advisor: APIClient) -> None:
    complainant = {
        "adversely_affected": True,
        "witness": False,
        "acting_for_someone": True,
        "consent_of_affected": False,
    }
    body = _post(advisor, complainant=complainant)
    assert body["eligible"] is False and body["review_body"] is None
    assert "C-ELIG-ON-BEHALF" in body["rules"]


def test_every_optional_fact_is_accepted(advisor: APIClient) -> None:
    complainant = {
        **CONTRACT_REQUEST["complainant"],
        "subject_of_conduct": True,
        "serving_officer_same_force": False,
        "affected_only_through_media": False,
    }
    allegation = _allegation(
        conduct=True, relevant_offence=False, about_senior_officer=False, injury_details=[]
    )
    body = _post(advisor, complainant=complainant, allegations=[allegation])
    assert body["eligible"] is True
    assert body["assumed"] == []  # everything was given


def test_the_contract_example_lists_what_it_assumed(advisor: APIClient) -> None:
    assert _post(advisor)["assumed"] == [
        # A serving officer of the same force, or someone who only saw it online, could not complain.
        {
            "field": "complainant.serving_officer_same_force",
            "assumed": False,
            "would_change": ["eligible", "route"],
        },
        {
            "field": "complainant.affected_only_through_media",
            "assumed": False,
            "would_change": ["eligible", "route"],
        },
        # A relevant offence or a serious injury would have to go to the IOPC.
        {
            "field": "allegations.0.relevant_offence",
            "assumed": False,
            "would_change": ["route", "must_refer_to_iopc", "review_body"],
        },
        {
            "field": "allegations.0.injury_details",
            "assumed": [],
            "would_change": ["route", "must_refer_to_iopc", "review_body"],
        },
    ]  # conduct, subject_of_conduct and about_senior_officer would change nothing here: not listed


def test_a_witness_is_told_the_conduct_fact_decides_eligibility(advisor: APIClient) -> None:
    complainant = {**CONTRACT_REQUEST["complainant"], "adversely_affected": False, "witness": True}
    body = _post(advisor, complainant=complainant)
    assert body["eligible"] is True
    assert {"field": "allegations.0.conduct", "assumed": True, "would_change": ["eligible", "route"]} in body[
        "assumed"
    ]
    # Once the advisor asks and records the answer, it is no longer assumed.
    body = _post(advisor, complainant=complainant, allegations=[_allegation(conduct=True)])
    assert all(a["field"] != "allegations.0.conduct" for a in body["assumed"])


def test_a_given_fact_is_never_listed_even_when_it_decides(advisor: APIClient) -> None:
    body = _post(advisor, allegations=[_allegation(relevant_offence=False)])
    assert all(a["field"] != "allegations.0.relevant_offence" for a in body["assumed"])


def test_a_relevant_offence_is_referred_to_the_iopc(advisor: APIClient) -> None:
    body = _post(advisor, allegations=[_allegation(relevant_offence=True)])
    assert body["must_refer_to_iopc"] is True and body["route"] == "referred_to_iopc"
    assert "MR-RELEVANT-OFFENCE" in body["referral_criteria"]
    assert {"C-MANDATORY-REFERRAL", "C-RECORD-MR", "C-RECORD-CRIM-DISC"} <= set(body["rules"])
    assert body["review_body"] == "iopc"


def test_a_senior_officer_complaint_is_reviewed_by_the_iopc(advisor: APIClient) -> None:
    body = _post(
        advisor,
        complainant_agrees_outside_schedule_3=False,
        allegations=[_allegation(about_senior_officer=True)],
    )
    # The chief officer stays the appropriate authority for a senior officer (AA-CHIEF-OFFICER) ...
    assert body["appropriate_authority"] == "chief_officer"
    assert body["route"] == "schedule_3_reasonable_and_proportionate"
    # ... but the IOPC, not the local policing body, reviews the outcome (C-REVIEW-BODY).
    assert body["review_body"] == "iopc"
    line = next(c for c in body["citations"] if "C-REVIEW-BODY" in c["rules"])
    assert "senior officer" in line["text"]


def test_a_chief_officer_complaint_that_could_be_criminal_is_referred(advisor: APIClient) -> None:
    body = _post(
        advisor,
        about_chief_officer=True,
        allegations=[_allegation(could_justify_criminal_or_disciplinary=True)],
    )
    assert body["appropriate_authority"] == "local_policing_body"
    assert body["must_refer_to_iopc"] is True
    assert "MR-CHIEF-OFFICER-SERIOUS" in body["referral_criteria"]
    assert body["review_body"] == "iopc"


@pytest.mark.parametrize(
    ("changes", "review_body"),
    [
        ({}, None),  # outside Schedule 3: no review
        ({"complainant_agrees_outside_schedule_3": False}, "local_policing_body"),
        ({"allegations": [_allegation(serious_assault=True)]}, "iopc"),
    ],
)
def test_review_body_is_in_the_answer(advisor: APIClient, changes: dict[str, Any], review_body: str) -> None:
    assert _post(advisor, **changes)["review_body"] == review_body


# ---------------------------------------------------------------- issue 16: cite what it relied on


def test_refused_informal_handling_cites_the_failed_condition(advisor: APIClient) -> None:
    body = _post(advisor, allegations=[_allegation(could_justify_criminal_or_disciplinary=True)])
    assert body["route"] == "schedule_3_investigation"
    line = next(c for c in body["citations"] if c["rules"] == ["C-OUTSIDE-S3-CONDITIONS"])
    assert "must-record trigger" in line["text"]
    assert line["text"] in body["explanation"]


def test_allegations_handled_apart_cite_the_split(advisor: APIClient) -> None:
    complainant = {**CONTRACT_REQUEST["complainant"], "adversely_affected": False, "witness": True}
    body = _post(
        advisor,
        complainant=complainant,
        allegations=[_allegation(conduct=True), _allegation(conduct=False)],
    )
    assert body["eligible"] is True
    split = next(c for c in body["citations"] if "C-ALLEGATION-SPLIT" in c["rules"])
    assert "allegation(s) 1 only" in split["text"]


def test_every_cited_rule_has_its_plain_words_and_exists(advisor: APIClient) -> None:
    known = _domain_rule_ids()
    for example in EXAMPLES:
        body = advisor.post(URL, example["input"], format="json").json()
        cited = {rule for c in body["citations"] for rule in c["rules"]}
        assert cited == set(body["rules"])
        assert all(c["text"] for c in body["citations"])
        assert set(body["rules"]) <= known, set(body["rules"]) - known


def _domain_rule_ids() -> set[str]:
    """The C-* IDs the product may cite: those of DOMAIN-complaints.md (kept in the test data)."""
    text = (Path(__file__).parent / "data" / "complaint_rule_ids.txt").read_text(encoding="utf-8")
    return {line.strip() for line in text.splitlines() if line.strip()}


def test_age_under_18_cites_c_young_people_and_is_never_assumed(advisor: APIClient) -> None:
    """C-YOUNG-PEOPLE through the API: `complainant.age` is optional, whole years."""
    child = {**CONTRACT_REQUEST["complainant"], "age": 16}
    body = advisor.post(URL, request_with(complainant=child), format="json").json()
    plain = advisor.post(URL, CONTRACT_REQUEST, format="json").json()
    assert "C-YOUNG-PEOPLE" in body["rules"] and "C-YOUNG-PEOPLE" not in plain["rules"]
    assert body["route"] == plain["route"] and body["eligible"] == plain["eligible"]
    assert any("parent, guardian or advocate" in c["text"] for c in body["citations"])
    assert all(a["field"] != "complainant.age" for a in plain["assumed"])
    adult = {**CONTRACT_REQUEST["complainant"], "age": 18}
    assert (
        "C-YOUNG-PEOPLE"
        not in advisor.post(URL, request_with(complainant=adult), format="json").json()["rules"]
    )


@pytest.mark.parametrize("age", [-1, 131, 12.5, "twelve"])
def test_a_bad_age_is_a_400_naming_it(advisor: APIClient, age: Any) -> None:
    child = {**CONTRACT_REQUEST["complainant"], "age": age}
    response = advisor.post(URL, request_with(complainant=child), format="json")
    assert response.status_code == 400
    assert list(response.json()) == ["complainant"] and "age" in response.json()["complainant"]
