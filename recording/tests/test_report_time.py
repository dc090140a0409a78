"""Recording from an incident keeps its time (R-NCRS-24H): POST /api/v1/recording/crimes/from-decision/
and the decide page carry the incident's opening, and a changed time needs a reason kept on the crime
with both times (contract: "Recording from an incident; victims' wishes; who reported")."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from recording.models import Crime, Grade
from recording.rules.timeliness import record_by
from recording.tests.factories import IncidentFactory

pytestmark = pytest.mark.django_db

FROM_DECISION = "/api/v1/recording/crimes/from-decision/"
INCIDENT = "XX-20261207-0238"


def opened(hours_ago: float = 21) -> Any:
    return (timezone.now() - timedelta(hours=hours_ago)).replace(microsecond=0)


def body(**extra: Any) -> dict[str, Any]:
    return {
        "force": "XX",
        "victims": [{"ref": "V1", "kind": "person"}],
        "alleged": [{"ref": "A1", "victim": "V1", "offence": "8N", "incident": "I1"}],
        "incident_reference": INCIDENT,
        "victim_details": [{"ref": "V1", "name": "Ann Smith", "contact": "07700 900123"}],
        **extra,
    }


def test_reported_at_left_out_is_the_incidents_opening_and_sets_the_deadline(
    reference_data: None, api_as: Any
) -> None:
    at = opened()
    IncidentFactory(reference=INCIDENT, opened_at=at)
    response = api_as("recorder").post(FROM_DECISION, body(), format="json")
    assert response.status_code == 201, response.json()
    crime = Crime.objects.get()
    assert (crime.reported_at, crime.incident_opened_at, crime.reported_at_reason) == (at, at, "")
    assert crime.record_by == at + timedelta(hours=24)
    out = response.json()["crimes"][0]
    assert out["reported_at_reason"] == "" and out["incident_opened_at"] is not None
    assert response.json()["decision"]["record_by"] == record_by(at).isoformat().replace("+00:00", "Z")


def test_a_time_within_a_minute_of_the_opening_is_the_opening(reference_data: None, api_as: Any) -> None:
    at = opened()
    IncidentFactory(reference=INCIDENT, opened_at=at)
    sent = body(reported_at=(at + timedelta(seconds=40)).isoformat())
    assert api_as("recorder").post(FROM_DECISION, sent, format="json").status_code == 201
    assert Crime.objects.get().reported_at == at


def test_a_later_time_without_a_reason_is_a_400_naming_the_reason_and_stores_nothing(
    reference_data: None, api_as: Any
) -> None:
    at = opened()
    IncidentFactory(reference=INCIDENT, opened_at=at)
    sent = body(reported_at=(at + timedelta(hours=20)).isoformat())
    response = api_as("recorder").post(FROM_DECISION, sent, format="json")
    assert response.status_code == 400
    assert list(response.json()) == ["reported_at_reason"]
    assert not Crime.objects.exists()


def test_a_changed_time_with_a_reason_is_kept_with_both_times_in_the_history(
    reference_data: None, api_as: Any
) -> None:
    at = opened()
    later = at + timedelta(hours=20)
    IncidentFactory(reference=INCIDENT, opened_at=at)
    sent = body(
        reported_at=later.isoformat(),
        reported_at_reason="The log was opened for a noise complaint; the assault was first reported later.",
    )
    response = api_as("recorder").post(FROM_DECISION, sent, format="json")
    assert response.status_code == 201, response.json()
    crime = Crime.objects.get()
    assert (crime.reported_at, crime.incident_opened_at) == (later, at)
    assert crime.record_by == later + timedelta(hours=24)  # the reason says why not from the incident
    assert crime.reported_at_reason.startswith("The log was opened")
    first = crime.history.earliest()
    assert (first.reported_at, first.incident_opened_at) == (later, at)
    assert "not the incident's opening" in first.history_change_reason
    assert "first reported later" in first.history_change_reason


def test_the_incidents_summary_place_and_grade_carry_into_the_crime_unless_given(
    reference_data: None, api_as: Any
) -> None:
    """The same holds through the API as on the page: left out, what was reported, where and the grade
    are the incident's; given, the recorder's own stand."""
    IncidentFactory(
        reference=INCIDENT,
        opened_at=opened(),
        summary="Man punched at the bus stop",
        location="Mill Lane",
        grade=Grade.PRIORITY,
    )
    recorder = api_as("recorder")
    assert recorder.post(FROM_DECISION, body(), format="json").status_code == 201
    carried = Crime.objects.get()
    assert (carried.summary, carried.location, carried.grade) == (
        "Man punched at the bus stop",
        "Mill Lane",
        Grade.PRIORITY,
    )
    second = body(
        victims=[{"ref": "V2", "kind": "person"}],
        alleged=[{"ref": "A1", "victim": "V2", "offence": "8N", "incident": "I1"}],
        victim_details=[{"ref": "V2", "name": "Bo Ray"}],
        summary="Bo was punched too",
        location="Mill Lane bus stop",
        grade=Grade.IMMEDIATE,
    )
    assert recorder.post(FROM_DECISION, second, format="json").status_code == 201
    given = Crime.objects.exclude(pk=carried.pk).get()
    assert (given.summary, given.location, given.grade) == (
        "Bo was punched too",
        "Mill Lane bus stop",
        Grade.IMMEDIATE,
    )


def test_without_an_incident_reported_at_is_required(reference_data: None, api_as: Any) -> None:
    response = api_as("recorder").post(FROM_DECISION, body(incident_reference=""), format="json")
    assert response.status_code == 400 and list(response.json()) == ["reported_at"]


def test_an_incident_the_recorder_may_not_see_is_not_found(reference_data: None, api_as: Any) -> None:
    response = api_as("recorder").post(FROM_DECISION, body(incident_reference="XX-NOPE-1"), format="json")
    assert response.status_code == 400 and "incident_reference" in response.json()


# ---------------------------------------------------------------- the decide page
def test_the_decide_page_fills_in_the_incidents_facts_and_candidate_offences(
    reference_data: None, make_user: Any
) -> None:
    at = opened()
    incident = IncidentFactory(
        reference=INCIDENT, opened_at=at, summary="Man punched at the bus stop", location="Mill Lane"
    )
    client = Client()
    client.force_login(make_user("recorder"))
    url = reverse("recording:decide") + f"?incident={INCIDENT}&offence=8N&offence=58C"
    page = client.get(url)
    assert page.status_code == 200
    form = page.context["report_form"]
    assert form["reported_at"].value() == timezone.make_naive(at)  # as the form shows it, London time
    assert (form["summary"].value(), form["location"].value(), form["grade"].value()) == (
        "Man punched at the bus stop",
        "Mill Lane",
        incident.grade,
    )
    offences = [f["offence"].value() for f in page.context["allegations"].forms]
    assert offences == ["8N", "58C"]
    html = page.content.decode()
    assert "From incident" in html and reverse("recording:incident-detail", args=[incident.pk]) in html


# ---------------------------------------------------------------- victims' wishes; who reported (part 9)
def test_a_victim_who_wants_no_police_action_is_still_recorded_with_their_view_kept(
    reference_data: None, api_as: Any
) -> None:
    IncidentFactory(reference=INCIDENT, opened_at=opened())
    sent = body(victims=[{"ref": "V1", "kind": "person", "supports_action": False}])
    response = api_as("recorder").post(FROM_DECISION, sent, format="json")
    assert response.status_code == 201, response.json()
    assert "R-NCRS-VICTIM-BELIEF" in response.json()["decision"]["rules"]
    assert Crime.objects.get().victim_view == Crime.VictimView.DOES_NOT_SUPPORT


def test_supports_action_defaults_to_true(reference_data: None, api_as: Any) -> None:
    IncidentFactory(reference=INCIDENT, opened_at=opened())
    response = api_as("recorder").post(FROM_DECISION, body(), format="json")
    assert "R-NCRS-VICTIM-BELIEF" not in response.json()["decision"]["rules"]
    assert Crime.objects.get().victim_view == ""


def test_supports_action_must_be_a_boolean(reference_data: None, api_as: Any) -> None:
    sent = body(victims=[{"ref": "V1", "kind": "person", "supports_action": "perhaps"}])
    response = api_as("recorder").post("/api/v1/recording/decisions/", sent, format="json")
    assert response.status_code == 400
    assert "supports_action" in response.json()["victims"]["0"]


def test_a_report_by_another_member_of_the_public_waits_for_the_victim(
    reference_data: None, api_as: Any
) -> None:
    IncidentFactory(reference=INCIDENT, opened_at=opened())
    sent = body(reporter="other")
    sent["alleged"][0]["victim_contacted"] = False
    decided = api_as("recorder").post(
        "/api/v1/recording/decisions/", {**sent, "reported_at": opened().isoformat()}, format="json"
    )
    assert decided.status_code == 200, decided.json()
    assert [w["allegation"] for w in decided.json()["awaiting_confirmation"]] == ["A1"]
    saved = api_as("recorder").post(FROM_DECISION, sent, format="json")
    assert saved.status_code == 201, saved.json()
    assert saved.json()["awaiting_victim"]["reporter"] == "other"
    refused = api_as("recorder").post(FROM_DECISION, body(reporter="neighbour"), format="json")
    assert refused.status_code == 400 and "reporter" in refused.json()
