"""The one path from a report to its crimes (recording.services.decisions), through the service, the API
(POST /api/v1/recording/crimes/from-decision/ with Idempotency-Key) and the decide page."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from config.exceptions import DomainError
from recording import rules
from recording.models import Crime
from recording.services import crimes, decisions
from recording.tests.factories import IncidentFactory
from staffing.models import AccessLog

pytestmark = pytest.mark.django_db

FROM_DECISION = "/api/v1/recording/crimes/from-decision/"
INCIDENT = "XX-20260301-0042"


def report(offence: str = "8N", *, hours_ago: float = 2) -> rules.Report:
    return rules.Report(
        reported_at=timezone.now() - timedelta(hours=hours_ago),
        force="XX",
        victims=(rules.Victim(ref="V1", kind="person"),),
        alleged=(rules.Allegation(ref="A1", victim="V1", offence=offence, incident="I1"),),
    )


def body(offence: str = "8N", **extra: Any) -> dict[str, Any]:
    return {
        "reported_at": (timezone.now() - timedelta(hours=2)).replace(microsecond=0).isoformat(),
        "force": "XX",
        "victims": [{"ref": "V1", "kind": "person"}],
        "alleged": [{"ref": "A1", "victim": "V1", "offence": offence, "incident": "I1"}],
        "incident_reference": INCIDENT,
        "victim_details": [{"ref": "V1", "name": "Ann Smith"}],
        **extra,
    }


ANN = {"V1": crimes.VictimInput(ref="V1", name="Ann Smith")}


# ---------------------------------------------------------------- the service
def test_decide_refuses_what_record_refuses(reference_data: None) -> None:
    with pytest.raises(DomainError) as unknown:
        decisions.decision_check(report=report(), incident_reference="XX-NO-SUCH")
    with pytest.raises(DomainError) as future:
        decisions.decision_check(report=report(hours_ago=-1))
    with pytest.raises(DomainError) as engine:
        decisions.decision_check(report=report(offence="ZZ9"))
    assert (unknown.value.field, future.value.field) == ("incident_reference", "reported_at")
    assert engine.value.field == "alleged.0.offence"


def test_it_refuses_a_likely_duplicate_naming_the_crime_already_recorded(
    reference_data: None, make_user: Any
) -> None:
    IncidentFactory(reference=INCIDENT)
    first = decisions.decision_record(
        actor=make_user(), report=report(), victims=ANN, incident_reference=INCIDENT
    ).crimes[0]
    with pytest.raises(DomainError) as refused:
        decisions.decision_record(
            actor=make_user(), report=report(), victims=ANN, incident_reference=INCIDENT
        )
    assert refused.value.field == "separate_crime_reason"
    assert first.crime_number in refused.value.message
    assert Crime.objects.count() == 1


def test_a_separate_crime_needs_a_reason_and_keeps_it(reference_data: None, make_user: Any) -> None:
    IncidentFactory(reference=INCIDENT)
    first = decisions.decision_record(
        actor=make_user(), report=report(), victims=ANN, incident_reference=INCIDENT
    ).crimes[0]
    with pytest.raises(DomainError):
        decisions.decision_record(
            actor=make_user(), report=report(), victims=ANN, incident_reference=INCIDENT, separate_crime=True
        )
    second = decisions.decision_record(
        actor=make_user(),
        report=report(),
        victims=ANN,
        incident_reference=INCIDENT,
        separate_crime=True,
        separate_crime_reason="Punched again an hour later, after he came back",
    ).crimes[0]
    assert second.decision_explanation[-1] == (
        f"Recorded as a separate crime from {first.crime_number}: "
        "Punched again an hour later, after he came back"
    )
    assert second.history.get().history_change_reason.endswith(second.decision_explanation[-1])


def test_another_victim_or_offence_at_the_same_incident_is_no_duplicate(
    reference_data: None, make_user: Any
) -> None:
    IncidentFactory(reference=INCIDENT)
    decisions.decision_record(actor=make_user(), report=report(), victims=ANN, incident_reference=INCIDENT)
    bob = {"V1": crimes.VictimInput(ref="V1", name="Bob Jones")}
    decisions.decision_record(actor=make_user(), report=report(), victims=bob, incident_reference=INCIDENT)
    decisions.decision_record(
        actor=make_user(), report=report("105A"), victims=ANN, incident_reference=INCIDENT
    )
    assert Crime.objects.count() == 3


def test_a_cancelled_crime_is_no_duplicate(reference_data: None, make_user: Any) -> None:
    IncidentFactory(reference=INCIDENT)
    first = decisions.decision_record(
        actor=make_user(), report=report(), victims=ANN, incident_reference=INCIDENT
    ).crimes[0]
    Crime.objects.filter(pk=first.pk).update(status="cancelled")
    decisions.decision_record(actor=make_user(), report=report(), victims=ANN, incident_reference=INCIDENT)
    assert Crime.objects.count() == 2


# ---------------------------------------------------------------- the API
def test_a_double_post_with_one_idempotency_key_records_once(reference_data: None, api_as: Any) -> None:
    IncidentFactory(reference=INCIDENT)
    client, sent = api_as("recorder"), body()
    first = client.post(FROM_DECISION, sent, format="json", HTTP_IDEMPOTENCY_KEY="k-1")
    again = client.post(FROM_DECISION, sent, format="json", HTTP_IDEMPOTENCY_KEY="k-1")
    assert (first.status_code, again.status_code) == (201, 201)
    assert again.json() == first.json()
    assert again["Idempotent-Replayed"] == "true"
    assert Crime.objects.count() == 1


def test_the_same_idempotency_key_with_another_body_is_a_409(reference_data: None, api_as: Any) -> None:
    IncidentFactory(reference=INCIDENT)
    client = api_as("recorder")
    client.post(FROM_DECISION, body(), format="json", HTTP_IDEMPOTENCY_KEY="k-1")
    other = client.post(FROM_DECISION, body("105A"), format="json", HTTP_IDEMPOTENCY_KEY="k-1")
    assert other.status_code == 409 and "idempotency_key" in other.json()
    assert Crime.objects.count() == 1


def test_a_likely_duplicate_through_the_api_is_a_400_until_marked_separate(
    reference_data: None, api_as: Any
) -> None:
    IncidentFactory(reference=INCIDENT)
    client = api_as("recorder")
    client.post(FROM_DECISION, body(), format="json")
    refused = client.post(FROM_DECISION, body(), format="json")
    assert refused.status_code == 400 and "separate_crime_reason" in refused.json()
    kept = client.post(
        FROM_DECISION,
        body(separate_crime=True, separate_crime_reason="A second assault the next morning"),
        format="json",
    )
    assert kept.status_code == 201 and Crime.objects.count() == 2


def test_an_engine_error_is_a_nested_400_and_stores_nothing(reference_data: None, api_as: Any) -> None:
    sent = body()
    sent["alleged"][0]["victim"] = "V9"
    sent["incident_reference"] = ""
    response = api_as("recorder").post(FROM_DECISION, sent, format="json", HTTP_IDEMPOTENCY_KEY="k-2")
    assert response.status_code == 400 and "alleged" in response.json()
    assert not Crime.objects.exists()


def test_the_recorder_of_a_restricted_crime_can_open_it_and_another_recorder_cannot(
    reference_data: None, api_as: Any
) -> None:
    recorder, other = api_as("recorder"), api_as("recorder")
    made = recorder.post(FROM_DECISION, body("19C", incident_reference=""), format="json").json()
    pk = made["crimes"][0]["id"]
    assert recorder.get(f"/api/v1/recording/crimes/{pk}/").status_code == 200
    assert other.get(f"/api/v1/recording/crimes/{pk}/").status_code == 404
    logged = set(AccessLog.objects.filter(record_id=str(pk)).values_list("user", "action"))
    assert logged == {(recorder.user.pk, "view"), (other.user.pk, "refused")}


# ---------------------------------------------------------------- the decide page
def form_data(key: str = "form-key-1", **extra: str) -> dict[str, str]:
    reported = timezone.localtime(timezone.now() - timedelta(hours=2))
    return {
        "reported_at": reported.strftime("%Y-%m-%dT%H:%M"),
        "force": "XX",
        "incident_reference": INCIDENT,
        "idempotency_key": key,
        "victims-TOTAL_FORMS": "1",
        "victims-INITIAL_FORMS": "0",
        "victims-0-ref": "V1",
        "victims-0-kind": "person",
        "victims-0-name": "Ann Smith",
        "alleged-TOTAL_FORMS": "1",
        "alleged-INITIAL_FORMS": "0",
        "alleged-0-ref": "A1",
        "alleged-0-victim": "V1",
        "alleged-0-offence": "19C",
        "alleged-0-incident": "I1",
        "alleged-0-believed": "on",
        "offenders-TOTAL_FORMS": "0",
        "offenders-INITIAL_FORMS": "0",
        "action": "record",
        **extra,
    }


def test_the_page_records_once_per_form_and_confirms_every_crime(
    reference_data: None, client: Client, make_user: Any
) -> None:
    IncidentFactory(reference=INCIDENT)
    recorder = make_user("recorder")
    client.force_login(recorder)
    first = client.post(reverse("recording:decide"), form_data())
    again = client.post(reverse("recording:decide"), form_data(), follow=True)
    crime = Crime.objects.get()
    assert first.status_code == 302 and first["Location"] == again.redirect_chain[-1][0]
    assert "already recorded" in again.content.decode()
    assert crime.crime_number in again.content.decode() and crime.restricted
    assert AccessLog.objects.filter(user=recorder, action="view", record_id=str(crime.pk)).exists()


def test_the_page_refuses_a_used_form_sent_with_other_contents(
    reference_data: None, client: Client, make_user: Any
) -> None:
    IncidentFactory(reference=INCIDENT)
    client.force_login(make_user("recorder"))
    client.post(reverse("recording:decide"), form_data())
    changed = client.post(reverse("recording:decide"), form_data(**{"victims-0-name": "Ann Smyth"}))
    assert changed.status_code == 200 and "start a new recording decision" in changed.content.decode()
    assert Crime.objects.count() == 1


def test_decide_on_the_page_names_an_unknown_incident(
    reference_data: None, client: Client, make_user: Any
) -> None:
    client.force_login(make_user("recorder"))
    page = client.post(reverse("recording:decide"), form_data(action="decide"))
    assert "No incident with reference" in page.content.decode() and page.context["decision"] is None


def test_the_page_fills_in_the_incident_it_is_sent(client: Client, make_user: Any) -> None:
    client.force_login(make_user("recorder"))
    page = client.get(reverse("recording:decide"), {"incident": INCIDENT})
    assert page.context["report_form"]["incident_reference"].value() == INCIDENT
    assert page.context["report_form"]["idempotency_key"].value()
