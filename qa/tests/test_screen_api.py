"""POST /api/v1/qa/screen/ (contracts/API.md, Hidden-crime screen): roles, 400s naming the field, shape."""

from __future__ import annotations

from typing import Any

import pytest
from rest_framework.test import APIClient

pytestmark = pytest.mark.usefixtures("reference_data")
URL = "/api/v1/qa/screen/"
NARRATIVE = (
    "23:48 999 from female. RP (Kerry) states partner Lee pushed her against the wall in the hallway. "
    "Lee denies any assault on her."
)


def test_it_needs_credentials(api_client: APIClient) -> None:
    assert (
        api_client.post(URL, {"narrative": NARRATIVE, "nsir_code": "PS-DOMESTIC"}, format="json").status_code
        == 401
    )


@pytest.mark.parametrize("role", ["recorder", "investigator", "advisor"])
def test_other_roles_are_refused(api_as: Any, role: str) -> None:
    response = api_as(role).post(URL, {"narrative": NARRATIVE, "nsir_code": "PS-DOMESTIC"}, format="json")
    assert response.status_code == 403


@pytest.mark.parametrize("role", ["sergeant", "manager", "admin"])
def test_it_answers_the_contract_shape(api_as: Any, role: str) -> None:
    response = api_as(role).post(URL, {"narrative": NARRATIVE, "nsir_code": "PS-DOMESTIC"}, format="json")
    assert response.status_code == 200
    body = response.json()
    assert set(body) == {"verdict", "score", "patterns_version", "crimes", "discounted"}
    assert body["verdict"] == "crime"
    assert isinstance(body["score"], float) and 0 < body["score"] <= 1
    assert body["patterns_version"] >= 1
    principal = body["crimes"][0]
    assert set(principal) == {"offence", "principal", "refer_to", "evidence", "patterns", "rules"}
    assert principal["offence"] == "105A" and principal["principal"] is True and principal["refer_to"] is None
    assert "R-PRINCIPAL" in principal["rules"] and "R-NCRS-BOP" in principal["rules"]
    for span in principal["evidence"]:
        assert NARRATIVE[span["start"] : span["end"]] == span["text"]
    assert any(e["text"] == "pushed her against the wall" for e in principal["evidence"])
    (discount,) = body["discounted"]
    assert discount["why"] == "negation" and discount["patterns"] == ["NEG-DENIES"]
    assert NARRATIVE[discount["start"] : discount["end"]] == discount["text"] == "denies any assault on her"


def test_fraud_names_action_fraud(api_as: Any) -> None:
    narrative = (
        "RP reports a male phoned saying he was from her bank's fraud team and talked her into "
        "transferring £900 to a safe account."
    )
    body = (
        api_as("sergeant")
        .post(URL, {"narrative": narrative, "nsir_code": "PS-CONCERN"}, format="json")
        .json()
    )
    assert body["crimes"][0]["offence"] == "53D"
    assert body["crimes"][0]["refer_to"] == "action_fraud"
    assert "R-FRAUD-AF" in body["crimes"][0]["rules"]


def test_no_crime_lists_no_classes(api_as: Any) -> None:
    narrative = (
        "RP c/o loud music from the flat above. Advised noise diary. Music turned down. Closed ASB noise."
    )
    body = (
        api_as("sergeant").post(URL, {"narrative": narrative, "nsir_code": "ASB-NOISE"}, format="json").json()
    )
    assert body["verdict"] == "no_crime" and body["crimes"] == []


def test_a_narrative_over_20000_characters_is_a_400_naming_it(api_as: Any) -> None:
    response = api_as("sergeant").post(
        URL, {"narrative": "x" * 20_001, "nsir_code": "ASB-NOISE"}, format="json"
    )
    assert response.status_code == 400
    assert set(response.json()) == {"narrative"}


def test_exactly_20000_characters_is_read(api_as: Any) -> None:
    narrative = ("RP c/o noise. " * 2000)[:20_000]
    response = api_as("sergeant").post(URL, {"narrative": narrative, "nsir_code": "ASB-NOISE"}, format="json")
    assert response.status_code == 200


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"nsir_code": "ASB-NOISE"}, "narrative"),
        ({"narrative": "", "nsir_code": "ASB-NOISE"}, "narrative"),
        ({"narrative": "RP c/o noise"}, "nsir_code"),
        ({"narrative": "RP c/o noise", "nsir_code": "NOT-A-CODE"}, "nsir_code"),
    ],
)
def test_bad_input_is_a_400_naming_the_field(api_as: Any, body: dict[str, str], field: str) -> None:
    response = api_as("sergeant").post(URL, body, format="json")
    assert response.status_code == 400
    assert field in response.json()


def test_it_stores_nothing(api_as: Any, django_assert_num_queries: Any) -> None:
    client = api_as("sergeant")
    # Queries: the session's user (auth), the NSIR code's existence, the pattern version in force. No write.
    with django_assert_num_queries(3) as captured:
        client.post(URL, {"narrative": NARRATIVE, "nsir_code": "PS-DOMESTIC"}, format="json")
    assert not [q for q in captured.captured_queries if not q["sql"].lstrip().upper().startswith("SELECT")]
