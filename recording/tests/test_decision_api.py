"""POST /api/v1/recording/decisions/ (contract: "Recording decision"). Stores nothing."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from rest_framework.test import APIClient

from recording.models import Offence, OffenceCode
from recording.rules import Counting, OffenceInfo
from recording.selectors import offence_catalogue

pytestmark = pytest.mark.django_db

URL = "/api/v1/recording/decisions/"
EXAMPLES = json.loads((Path(__file__).resolve().parent / "data" / "recording_examples.json").read_text())
EX_R2 = next(e for e in EXAMPLES if e["id"] == "EX-R2")["input"]


def body(**changes: Any) -> dict[str, Any]:
    data = copy.deepcopy(EX_R2)
    data.update(changes)
    return data


def test_it_answers_401_without_credentials(api_client: APIClient) -> None:
    response = api_client.post(URL, body(), format="json")
    assert response.status_code == 401


def test_it_answers_403_for_an_advisor(api_as: Callable[..., Any], reference_data: None) -> None:
    assert api_as("advisor").post(URL, body(), format="json").status_code == 403


@pytest.mark.parametrize("role", ["recorder", "investigator", "sergeant", "manager", "admin"])
def test_crime_staff_may_ask_for_a_decision(
    api_as: Callable[..., Any], reference_data: None, role: str
) -> None:
    assert api_as(role).post(URL, body(), format="json").status_code == 200


@pytest.mark.parametrize("example", EXAMPLES, ids=[e["id"] for e in EXAMPLES])
def test_it_matches_the_worked_example(
    api_as: Callable[..., Any], reference_data: None, example: dict[str, Any]
) -> None:
    response = api_as("recorder").post(URL, example["input"], format="json")
    assert response.status_code == 200, response.json()
    data = response.json()
    expected = example["expected"]
    assert [{"victim": c["victim"], "offence": c["offence"]} for c in data["crimes"]] == expected["crimes"]
    assert data["transfer_to"] == expected["transfer_to"]
    assert data["record_by"] == expected["record_by"]
    assert set(expected["rules"]) <= set(data["rules"])
    assert data["explanation"]


def test_the_response_has_the_contracts_shape(api_as: Callable[..., Any], reference_data: None) -> None:
    data = api_as("sergeant").post(URL, body(), format="json").json()
    assert data["crimes"] == [
        {
            "victim": "V1",
            "offence": "34B",
            "offence_code": None,
            "counted_per": "victim",
            "allegations": ["A1", "A2"],
            "offenders": [],
            "restricted": False,
            "daily_review": False,
            "rules": ["R-NCRS-BOP", "R-ONE-PER-VICTIM", "R-PRINCIPAL", "R-CLASSIFY"],
        }
    ]
    assert data["not_recorded"] == []
    assert data["awaiting_confirmation"] == []
    assert [c["rule"] for c in data["citations"]] == data["rules"]
    assert all(c["rule"] in " ".join(c["explanation"]) for c in data["citations"])
    assert data["record_by"] == "2026-02-08T16:00:00Z"
    assert data["rule_version"] == "2023-05"


def test_not_recorded_allegations_carry_rule_and_reason(
    api_as: Callable[..., Any], reference_data: None
) -> None:
    data = body()
    data["alleged"][1].update(incident="I2", believed=False)
    response = api_as("recorder").post(URL, data, format="json").json()
    assert [c["allegations"] for c in response["crimes"]] == [["A1"]]
    assert response["not_recorded"][0]["allegation"] == "A2"
    assert response["not_recorded"][0]["rule"] == "R-NCRS-BOP"
    assert "told" in response["not_recorded"][0]["reason"]


def test_a_victimless_offence_takes_a_null_victim_and_keeps_its_offenders(
    api_as: Callable[..., Any], reference_data: None
) -> None:
    data = body(
        victims=[],
        alleged=[{"ref": "A1", "victim": None, "offence": "10D", "incident": "I1", "offenders": ["O1"]}],
    )
    response = api_as("recorder").post(URL, data, format="json").json()
    assert response["crimes"][0]["victim"] is None
    assert response["crimes"][0]["offenders"] == ["O1"]
    assert "R-VICTIMLESS-COUNT" in response["rules"]


def test_a_time_with_an_offset_is_answered_in_utc(api_as: Callable[..., Any], reference_data: None) -> None:
    response = api_as("recorder").post(URL, body(reported_at="2026-07-01T10:00:00+01:00"), format="json")
    assert response.json()["record_by"] == "2026-07-02T09:00:00Z"


# ---------------------------------------------------------------- bad input: 400 naming the field
def _with_allegation(index: int, **changes: Any) -> dict[str, Any]:
    data = body()
    data["alleged"][index].update(changes)
    return data


@pytest.mark.parametrize(
    ("data", "errors"),
    [
        (
            body(victims=[{"ref": "V1", "kind": "alien"}]),
            {"victims": {"0": {"kind": ['"alien" is not a valid choice.']}}},
        ),
        (
            _with_allegation(1, offence="ZZ9"),
            {"alleged": {"1": {"offence": ['"ZZ9" is not a Home Office offence or class code.']}}},
        ),
        (
            _with_allegation(1, victim="V9"),
            {"alleged": {"1": {"victim": ["Victim 'V9' is not one of the report's victims."]}}},
        ),
        (
            _with_allegation(1, ref="A1"),
            {"alleged": {"1": {"ref": ["Allegation reference 'A1' is used twice."]}}},
        ),
        (
            body(reported_at="2026-02-07T16:00:00"),
            {"reported_at": ["Give the time with its offset, e.g. 2026-03-01T14:05:00Z."]},
        ),
        (body(reported_at="yesterday"), None),
        (body(alleged=[]), {"alleged": {"non_field_errors": ["This list may not be empty."]}}),
        (body(force=""), {"force": ["This field may not be blank."]}),
        (
            body(victims=[{"ref": f"V{i}", "kind": "person"} for i in range(101)]),
            {"victims": {"non_field_errors": ["Ensure this field has no more than 100 elements."]}},
        ),
        (
            _with_allegation(0, incident=None),
            {"alleged": {"0": {"incident": ["This field may not be null."]}}},
        ),
    ],
)
def test_bad_input_is_refused_naming_the_field(
    api_as: Callable[..., Any], reference_data: None, data: dict[str, Any], errors: dict[str, Any] | None
) -> None:
    response = api_as("recorder").post(URL, data, format="json")
    assert response.status_code == 400
    if errors is None:
        assert list(response.json()) == ["reported_at"]
    else:
        assert response.json() == errors


def test_a_victim_based_offence_without_a_victim_is_refused(
    api_as: Callable[..., Any], reference_data: None
) -> None:
    response = api_as("recorder").post(URL, _with_allegation(0, victim=None), format="json")
    assert response.status_code == 400
    assert list(response.json()["alleged"]["0"]) == ["victim"]


# ---------------------------------------------------------------- queries: read-only, constant
def test_it_reads_the_catalogue_again_only_when_a_table_changed_and_writes_nothing(
    api_as: Callable[..., Any], reference_data: None, django_assert_num_queries: Any
) -> None:
    client = api_as("recorder")
    offence = Offence.objects.get(code="8N")
    offence._change_reason = "A corrected title"  # type: ignore[attr-defined]
    offence.title = "Corrected title"
    offence.save()
    offences_before = Offence.history.count()
    # token auth, the tables' version, offence classes, offence codes
    with django_assert_num_queries(4) as captured:
        response = client.post(URL, body(), format="json")
    assert response.status_code == 200
    with django_assert_num_queries(2) as again:  # token auth, the tables' version (unchanged)
        assert client.post(URL, body(), format="json").json() == response.json()
    sql = [q["sql"] for q in captured.captured_queries + again.captured_queries]
    assert all(q.lstrip().upper().startswith("SELECT") for q in sql)
    assert Offence.history.count() == offences_before


def test_a_corrected_offence_is_used_at_once(reference_data: None) -> None:
    before = offence_catalogue()
    offence = Offence.objects.get(code="8N")
    offence._change_reason = "A corrected title"  # type: ignore[attr-defined]
    offence.title = "Corrected title"
    offence.save()
    after = offence_catalogue()
    assert after["8N"].title == "Corrected title" and before["8N"].title != "Corrected title"
    after.pop("8N")  # each caller gets its own copy: the next one still finds the class
    assert offence_catalogue()["8N"].title == "Corrected title"


def test_the_catalogue_is_the_offence_table_and_the_offence_codes(reference_data: None) -> None:
    catalogue = offence_catalogue()
    codes = set(OffenceCode.objects.values_list("code", flat=True))
    assert set(catalogue) == set(Offence.objects.values_list("code", flat=True)) | codes
    assert len([c for c in catalogue.values() if c.class_code is None]) == 127
    # 39 is both a class and an offence code: the class decides.
    assert catalogue["39"].class_code is None
    assert catalogue["125/9"] == OffenceInfo(
        code="125/9",
        title="Causing intentional harassment, alarm or distress",
        category="Public order offences",
        victim_based=True,
        seriousness_rank=14,
        restricted=False,
        notifiable=True,
        class_code="9A",
        counting=Counting.VICTIM,
    )
    assert (
        catalogue["1/1"].title
        == "Murder of a person aged 1 year or over / Genocide or crime against humanity"
    )
    assert catalogue["19C"] == OffenceInfo(
        code="19C",
        title="Rape of a female aged 16 and over",
        category="Sexual offences",
        victim_based=True,
        seriousness_rank=4,
        restricted=True,
        notifiable=True,
    )


def test_a_form_post_is_refused_as_unsupported(api_as: Callable[..., Any], reference_data: None) -> None:
    assert api_as("recorder").post(URL, {"force": "XX"}).status_code == 415


def test_the_schema_documents_the_decision_endpoint(api_as: Callable[..., APIClient]) -> None:
    schema = api_as("recorder").get("/api/v1/schema/", HTTP_ACCEPT="application/json").json()
    operation = schema["paths"][URL]["post"]
    assert operation["operationId"] == "recording_decision"
    assert "200" in operation["responses"]


# ---------------------------------------------------------------- Home Office offence codes (issue 16)
def _one_victim(*alleged: dict[str, Any], **changes: Any) -> dict[str, Any]:
    data = body(alleged=list(alleged))
    data.update(changes)
    return data


def _al(ref: str, victim: str | None, offence: str, **changes: Any) -> dict[str, Any]:
    return {"ref": ref, "victim": victim, "offence": offence, "incident": "I1", **changes}


def test_an_offence_code_is_counted_by_its_marker_and_recorded_under_its_class(
    api_as: Callable[..., Any], reference_data: None
) -> None:
    data = api_as("recorder").post(URL, _one_victim(_al("A1", "V1", "125/9")), format="json").json()
    assert [(c["victim"], c["offence"], c["offence_code"], c["counted_per"]) for c in data["crimes"]] == [
        ("V1", "9A", "125/9", "victim")
    ]


@pytest.mark.parametrize("threat", ["9A", "125/9"])
def test_class_and_offence_code_forms_give_one_principal_crime(
    api_as: Callable[..., Any], reference_data: None, threat: str
) -> None:
    request = _one_victim(_al("A1", "V1", threat), _al("A2", "V1", "8N"))
    data = api_as("recorder").post(URL, request, format="json").json()
    assert [(c["offence"], c["allegations"]) for c in data["crimes"]] == [("8N", ["A1", "A2"])]
    assert "R-PRINCIPAL" in data["rules"]


def test_a_person_named_as_victim_of_drug_possession_is_a_400_naming_the_field(
    api_as: Callable[..., Any], reference_data: None
) -> None:
    request = _one_victim(_al("A1", "V1", "8N"), _al("A2", "V1", "92D", offenders=["O1"]))
    response = api_as("recorder").post(URL, request, format="json")
    assert response.status_code == 400
    assert list(response.json()) == ["alleged"]
    assert list(response.json()["alleged"]) == ["1"]
    assert "no personal victim" in response.json()["alleged"]["1"]["victim"][0]


# ---------------------------------------------------------------- third-party reports (issue 14)
def test_a_third_party_report_not_yet_confirmed_awaits_the_victim(
    api_as: Callable[..., Any], reference_data: None
) -> None:
    request = _one_victim(_al("A1", "V1", "19C", victim_contacted=False), reporter="relative")
    data = api_as("recorder").post(URL, request, format="json").json()
    assert data["crimes"] == [] and data["not_recorded"] == []
    assert data["awaiting_confirmation"] == [
        {
            "allegation": "A1",
            "rule": "R-NCRS-THIRD-PARTY",
            "reason": data["awaiting_confirmation"][0]["reason"],
            "victim": "V1",
            "offence": "19C",
            "offence_code": None,
            "daily_review": True,
            "restricted": True,
        }
    ]
    assert {"R-NCRS-THIRD-PARTY", "R-RAPE-RECORD"} <= set(data["rules"])


@pytest.mark.parametrize(
    ("victim", "reporter", "contacted"),
    [
        ({"age": 14}, "witness", False),
        ({"vulnerable": True}, "relative", False),
        ({"unreachable": True}, "witness", False),
        ({}, "professional", False),
        ({}, "witness", True),
    ],
    ids=["child", "vulnerable adult", "unreachable", "professional", "victim confirms"],
)
def test_a_third_party_report_is_recorded_where_the_rule_says(
    api_as: Callable[..., Any], reference_data: None, victim: dict[str, Any], reporter: str, contacted: bool
) -> None:
    request = _one_victim(_al("A1", "V1", "8N", victim_contacted=contacted), reporter=reporter)
    request["victims"] = [{"ref": "V1", "kind": "person", **victim}]
    data = api_as("recorder").post(URL, request, format="json").json()
    assert [c["allegations"] for c in data["crimes"]] == [["A1"]]
    assert data["awaiting_confirmation"] == []
    assert {"R-NCRS-THIRD-PARTY", "R-NCRS-BOP"} <= set(data["crimes"][0]["rules"])


@pytest.mark.parametrize(
    ("change", "errors"),
    [
        ({"reporter": "alien"}, {"reporter": ['"alien" is not a valid choice.']}),
        (
            {"victims": [{"ref": "V1", "kind": "person", "age": -1}]},
            {"victims": {"0": {"age": ["Ensure this value is greater than or equal to 0."]}}},
        ),
        (
            {"victims": [{"ref": "V1", "kind": "person", "unreachable": "maybe"}]},
            {"victims": {"0": {"unreachable": ["Must be a valid boolean."]}}},
        ),
    ],
)
def test_bad_third_party_fields_are_refused_naming_the_field(
    api_as: Callable[..., Any], reference_data: None, change: dict[str, Any], errors: dict[str, Any]
) -> None:
    response = api_as("recorder").post(URL, body(**change), format="json")
    assert response.status_code == 400
    assert response.json() == errors


def test_victim_contacted_must_be_a_boolean(api_as: Callable[..., Any], reference_data: None) -> None:
    response = api_as("recorder").post(URL, _with_allegation(0, victim_contacted="soon"), format="json")
    assert response.json() == {"alleged": {"0": {"victim_contacted": ["Must be a valid boolean."]}}}


# ---------------------------------------------------------------- fraud (issue 16)
def test_a_fraud_is_referred_to_action_fraud_with_the_rule(
    api_as: Callable[..., Any], reference_data: None
) -> None:
    request = _one_victim(_al("A1", "V1", "53C"), _al("A2", "V1", "8N"))
    data = api_as("recorder").post(URL, request, format="json").json()
    assert [c["offence"] for c in data["crimes"]] == ["8N"]
    assert data["not_recorded"] == [
        {
            "allegation": "A1",
            "rule": "R-FRAUD-AF",
            "reason": data["not_recorded"][0]["reason"],
            "refer_to": "action_fraud",
        }
    ]
    assert "Action Fraud" in data["not_recorded"][0]["reason"]
    assert "R-FRAUD-AF" in data["rules"]
    citation = next(c for c in data["citations"] if c["rule"] == "R-FRAUD-AF")
    assert any("Action Fraud" in line for line in citation["explanation"])
