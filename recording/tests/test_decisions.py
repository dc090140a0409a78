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
from recording import rules, selectors
from recording.forms.common import force_code_for, offence_code_for
from recording.models import Crime
from recording.services import awaiting, crimes, decisions
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
def test_decide_refuses_what_record_refuses(reference_data: None, make_user: Any) -> None:
    user = make_user()
    with pytest.raises(DomainError) as unknown:
        decisions.decision_check(actor=user, report=report(), incident_reference="XX-NO-SUCH")
    with pytest.raises(DomainError) as future:
        decisions.decision_check(actor=user, report=report(hours_ago=-1))
    with pytest.raises(DomainError) as engine:
        decisions.decision_check(actor=user, report=report(offence="ZZ9"))
    assert (unknown.value.field, future.value.field) == ("incident_reference", "reported_at")
    assert engine.value.field == "alleged.0.offence"


def test_it_refuses_a_likely_duplicate_naming_the_crime_already_recorded(
    reference_data: None, make_user: Any
) -> None:
    IncidentFactory(reference=INCIDENT, opened_at=timezone.now() - timedelta(hours=2))
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
    IncidentFactory(reference=INCIDENT, opened_at=timezone.now() - timedelta(hours=2))
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
    IncidentFactory(reference=INCIDENT, opened_at=timezone.now() - timedelta(hours=2))
    decisions.decision_record(actor=make_user(), report=report(), victims=ANN, incident_reference=INCIDENT)
    bob = {"V1": crimes.VictimInput(ref="V1", name="Bob Jones")}
    decisions.decision_record(actor=make_user(), report=report(), victims=bob, incident_reference=INCIDENT)
    decisions.decision_record(
        actor=make_user(), report=report("105A"), victims=ANN, incident_reference=INCIDENT
    )
    assert Crime.objects.count() == 3


def test_a_cancelled_crime_is_no_duplicate(reference_data: None, make_user: Any) -> None:
    IncidentFactory(reference=INCIDENT, opened_at=timezone.now() - timedelta(hours=2))
    first = decisions.decision_record(
        actor=make_user(), report=report(), victims=ANN, incident_reference=INCIDENT
    ).crimes[0]
    Crime.objects.filter(pk=first.pk).update(status="cancelled")
    decisions.decision_record(actor=make_user(), report=report(), victims=ANN, incident_reference=INCIDENT)
    assert Crime.objects.count() == 2


# ---------------------------------------------------------------- the API
def test_a_double_post_with_one_idempotency_key_records_once(reference_data: None, api_as: Any) -> None:
    IncidentFactory(reference=INCIDENT, opened_at=timezone.now() - timedelta(hours=2))
    client, sent = api_as("recorder"), body()
    first = client.post(FROM_DECISION, sent, format="json", HTTP_IDEMPOTENCY_KEY="k-1")
    again = client.post(FROM_DECISION, sent, format="json", HTTP_IDEMPOTENCY_KEY="k-1")
    assert (first.status_code, again.status_code) == (201, 201)
    assert again.json() == first.json()
    assert again["Idempotent-Replayed"] == "true"
    assert Crime.objects.count() == 1


def test_the_same_idempotency_key_with_another_body_is_a_409(reference_data: None, api_as: Any) -> None:
    IncidentFactory(reference=INCIDENT, opened_at=timezone.now() - timedelta(hours=2))
    client = api_as("recorder")
    client.post(FROM_DECISION, body(), format="json", HTTP_IDEMPOTENCY_KEY="k-1")
    other = client.post(FROM_DECISION, body("105A"), format="json", HTTP_IDEMPOTENCY_KEY="k-1")
    assert other.status_code == 409 and "idempotency_key" in other.json()
    assert Crime.objects.count() == 1


def test_a_likely_duplicate_through_the_api_is_a_400_until_marked_separate(
    reference_data: None, api_as: Any
) -> None:
    IncidentFactory(reference=INCIDENT, opened_at=timezone.now() - timedelta(hours=2))
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
        "reporter": "victim",
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
        "alleged-0-victim_contacted": "on",
        "offenders-TOTAL_FORMS": "0",
        "offenders-INITIAL_FORMS": "0",
        "action": "record",
        **extra,
    }


def test_the_page_records_once_per_form_and_confirms_every_crime(
    reference_data: None, client: Client, make_user: Any
) -> None:
    IncidentFactory(reference=INCIDENT, opened_at=timezone.now() - timedelta(hours=2))
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
    IncidentFactory(reference=INCIDENT, opened_at=timezone.now() - timedelta(hours=2))
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


# ---------------------------------------------------------------- third-party reports awaiting the victim
def friend_reports_rape(**victim: Any) -> rules.Report:
    """A friend (a witness, not the victim) reports a rape; nobody has spoken to the victim yet."""
    return rules.Report(
        reported_at=timezone.now() - timedelta(hours=1),
        force="XX",
        reporter="witness",
        victims=(rules.Victim(ref="V1", kind="person", **victim),),
        alleged=(
            rules.Allegation(ref="A1", victim="V1", offence="19C", incident="I1", victim_contacted=False),
        ),
    )


def test_a_third_party_rape_report_waits_for_the_victim_and_reaches_the_rape_review_at_once(
    reference_data: None, make_user: Any
) -> None:
    from qa.models import RapeReview

    recorder, sergeant = make_user("recorder"), make_user("sergeant")
    done = decisions.decision_record(
        actor=recorder, report=friend_reports_rape(), details=crimes.CrimeDetails(summary="Friend rang")
    )
    assert done.crimes == [] and done.awaiting is not None
    row = done.awaiting
    assert (row.status, row.reporter, row.restricted, row.daily_review) == ("awaiting", "witness", True, True)
    assert row.record_by == row.reported_at + timedelta(hours=24)
    review = RapeReview.objects.get()
    assert review.awaiting == row and review.reviewed_at is None
    assert list(selectors.awaiting_victim_queue(user=sergeant)) == [row]
    assert not Crime.objects.exists()


def test_a_child_victim_is_recorded_on_the_third_party_account(reference_data: None, make_user: Any) -> None:
    done = decisions.decision_record(actor=make_user(), report=friend_reports_rape(age=14))
    assert len(done.crimes) == 1 and done.awaiting is None


def test_record_now_records_the_waiting_allegation_and_empties_the_queue(
    reference_data: None, make_user: Any
) -> None:
    sergeant = make_user("sergeant")
    row = decisions.decision_record(
        actor=make_user(),
        report=friend_reports_rape(),
        victims={"V1": crimes.VictimInput(ref="V1", name="Jo Bloggs")},
    ).awaiting
    assert row is not None
    made = awaiting.awaiting_record(awaiting_id=row.pk, actor=sergeant, note="Jo confirms the account")
    row.refresh_from_db()
    assert [c.offence.code for c in made] == ["19C"] and made[0].victims.get().name == "Jo Bloggs"
    assert row.status == "recorded" and list(row.crimes.all()) == made
    assert made[0].reported_at == row.reported_at  # the 24-hour clock runs from the report
    assert not selectors.awaiting_victim_queue(user=sergeant).exists()
    with pytest.raises(DomainError):
        awaiting.awaiting_close(awaiting_id=row.pk, actor=sergeant, reason="Too late")


def test_closing_needs_a_reason_and_keeps_it(reference_data: None, make_user: Any) -> None:
    sergeant = make_user("sergeant")
    row = decisions.decision_record(actor=make_user(), report=friend_reports_rape()).awaiting
    assert row is not None
    with pytest.raises(DomainError):
        awaiting.awaiting_close(awaiting_id=row.pk, actor=sergeant, reason="  ")
    awaiting.awaiting_close(awaiting_id=row.pk, actor=sergeant, reason="Victim says nothing happened")
    row.refresh_from_db()
    assert (row.status, row.decision_note) == ("closed", "Victim says nothing happened")
    assert row.history.first().history_change_reason == "Closed without a crime: Victim says nothing happened"


def test_a_restricted_report_awaiting_the_victim_is_need_to_know(
    reference_data: None, make_user: Any
) -> None:
    recorder = make_user("recorder")
    row = decisions.decision_record(actor=recorder, report=friend_reports_rape()).awaiting
    assert selectors.awaiting_victim_visible(user=recorder).get() == row
    assert not selectors.awaiting_victim_visible(user=make_user("recorder")).exists()


def test_the_api_saves_a_third_party_report_awaiting_the_victim(reference_data: None, api_as: Any) -> None:
    sent = body("19C", incident_reference="", reporter="witness")
    sent["alleged"][0]["victim_contacted"] = False
    response = api_as("recorder").post(FROM_DECISION, sent, format="json")
    assert response.status_code == 201, response.json()
    answer = response.json()
    assert answer["crimes"] == [] and answer["awaiting_victim"]["status"] == "awaiting"
    assert answer["decision"]["awaiting_confirmation"][0]["allegation"] == "A1"


def test_the_awaiting_page_records_now_and_logs_the_restricted_view(
    reference_data: None, client: Client, make_user: Any
) -> None:
    sergeant = make_user("sergeant")
    row = decisions.decision_record(actor=make_user(), report=friend_reports_rape()).awaiting
    assert row is not None
    client.force_login(sergeant)
    url = reverse("recording:awaiting-detail", args=[row.pk])
    assert "Record now" in client.get(url).content.decode()
    refused = client.post(url, {"action": "close", "close-reason": ""})
    assert refused.status_code == 200 and not Crime.objects.exists()
    done = client.post(url, {"action": "record", "record-note": "Victim confirms"}, follow=True)
    assert Crime.objects.get().crime_number in done.content.decode()
    assert AccessLog.objects.filter(user=sergeant, record_type="recording.awaiting_victim").count() == 3


# ---------------------------------------------------------------- names, not codes
@pytest.mark.parametrize(
    ("typed", "code"),
    [("8N", "8N"), ("8n", "8N"), ("Rape of a female aged 16 and over", "19C"), ("  28E ", "28E")],
)
def test_an_offence_is_found_by_its_code_or_its_title(reference_data: None, typed: str, code: str) -> None:
    assert offence_code_for(typed) == code


def test_words_that_match_several_offences_list_them(reference_data: None) -> None:
    from django.forms import ValidationError

    with pytest.raises(ValidationError) as several:
        offence_code_for("assault")
    assert "8N" in str(several.value) and "Type the code you mean" in str(several.value)
    with pytest.raises(ValidationError, match="No offence matches"):
        offence_code_for("zzzz no such thing")


def test_a_force_is_found_by_its_name_or_code(db: None) -> None:
    from django.forms import ValidationError

    from recording.tests.factories import ForceFactory

    # Names the directory's 44 forces of England and Wales do not use (they are loaded too).
    ForceFactory(code="AB", name="Abshire Police")
    ForceFactory(code="AX", name="Abshire Test Constabulary")
    assert force_code_for("abshire police") == "AB"
    assert force_code_for("ab") == "AB"
    assert force_code_for("xx") == "XX"
    assert force_code_for("Kent Police") == "KENT"
    with pytest.raises(ValidationError, match="Several forces"):
        force_code_for("Abshire")


def test_the_offence_list_narrows_to_what_was_typed(
    client: Client, make_user: Any, reference_data: None
) -> None:
    client.force_login(make_user("recorder"))
    page = client.get(
        reverse("recording:offence-options"), {"alleged-0-offence": "burglary"}
    ).content.decode()
    assert "Burglary" in page and 'value="8N"' not in page


def test_the_decide_page_offers_offences_and_forces_by_name(
    client: Client, make_user: Any, reference_data: None
) -> None:
    client.force_login(make_user("recorder"))
    page = client.get(reverse("recording:decide")).content.decode()
    assert '<datalist id="offence-options">' in page and '<option value="8N">' in page
    assert 'list="force-options"' in page


def test_creating_one_crime_takes_an_idempotency_key_too(reference_data: None, api_as: Any) -> None:
    client = api_as("recorder")
    sent = {
        "offence": "8N",
        "reported_at": (timezone.now() - timedelta(hours=2)).isoformat(),
        "victims": [{"ref": "V1", "kind": "person", "name": "Ann Smith"}],
    }
    first = client.post("/api/v1/recording/crimes/", sent, format="json", HTTP_IDEMPOTENCY_KEY="one")
    again = client.post("/api/v1/recording/crimes/", sent, format="json", HTTP_IDEMPOTENCY_KEY="one")
    other = client.post(
        "/api/v1/recording/crimes/", {**sent, "offence": "105A"}, format="json", HTTP_IDEMPOTENCY_KEY="one"
    )
    assert (first.status_code, again.status_code, other.status_code) == (201, 201, 409)
    assert again.json()["crime_number"] == first.json()["crime_number"] and Crime.objects.count() == 1


def test_enter_in_a_text_field_decides_and_adds_no_row(
    reference_data: None, client: Client, make_user: Any
) -> None:
    IncidentFactory(reference=INCIDENT, opened_at=timezone.now() - timedelta(hours=2))
    client.force_login(make_user("recorder"))
    page = client.post(reverse("recording:decide"), form_data(action="enter"))
    assert page.context["decision"] is not None and len(page.context["victims"].forms) == 1
    assert not Crime.objects.exists()


def test_the_confirmation_page_pins_its_queries(
    reference_data: None, client: Client, make_user: Any, django_assert_num_queries: Any
) -> None:
    recorder = make_user("recorder")
    made = [
        decisions.decision_record(actor=recorder, report=report(), victims=ANN).crimes[0] for _ in range(3)
    ]
    client.force_login(recorder)
    url = reverse("recording:decision-recorded") + "?" + "&".join(f"crime={c.pk}" for c in made)
    # session, user, the crimes (offence joined), their victims, their incidents (no report awaiting
    # the victim asked for: an empty pk list runs no query)
    with django_assert_num_queries(5):
        page = client.get(url)
    assert all(c.crime_number in page.content.decode() for c in made)


def test_the_awaiting_queue_through_the_api(
    reference_data: None, api_as: Any, make_user: Any, django_assert_num_queries: Any
) -> None:
    saver = make_user("recorder")
    rows = [decisions.decision_record(actor=saver, report=friend_reports_rape()).awaiting for _ in range(3)]
    sergeant = api_as("sergeant")
    # token, the page's count, the page's rows (incident and saver joined), the access-log rows for the
    # victims' names and numbers shown (one insert)
    with django_assert_num_queries(4):
        listed = sergeant.get("/api/v1/recording/awaiting-victim/")
    assert listed.json()["count"] == 3
    assert api_as("recorder").get("/api/v1/recording/awaiting-victim/").json()["count"] == 0  # need-to-know
    first, second = rows[0], rows[1]
    assert first is not None and second is not None
    url = "/api/v1/recording/awaiting-victim/{}/{}/"
    recorded = sergeant.post(url.format(first.pk, "record"), {"note": "Victim confirms"}, format="json")
    assert recorded.status_code == 201 and recorded.json()[0]["crime_number"]
    refused = sergeant.post(url.format(second.pk, "close"), {"reason": ""}, format="json")
    assert refused.status_code == 400 and "reason" in refused.json()
    closed = sergeant.post(url.format(second.pk, "close"), {"reason": "Victim says no"}, format="json")
    assert closed.status_code == 200 and closed.json()["status"] == "closed"
    again = sergeant.post(url.format(first.pk, "close"), {"reason": "Too late"}, format="json")
    assert again.status_code == 400
    assert sergeant.get("/api/v1/recording/awaiting-victim/").json()["count"] == 1


# ---------------------------------------------------------------- the person to ring (issue 20 part 3)
BEA = {"V1": crimes.VictimInput(ref="V1", name="Bea Clarke", contact="07700 900456")}


def test_the_awaiting_page_and_queue_show_the_victims_name_number_and_offence_and_log_the_view(
    reference_data: None, make_user: Any, client: Client
) -> None:
    saved = decisions.decision_record(actor=make_user("recorder"), report=friend_reports_rape(), victims=BEA)
    row = saved.awaiting
    assert row is not None
    assert row.people == [
        {
            "ref": "V1",
            "name": "Bea Clarke",
            "contact": "07700 900456",
            "offences": [row.allegations[0]["offence_title"]],
        }
    ]
    assert row.allegations[0]["offence_title"].startswith("Rape of a female")
    sergeant = make_user("sergeant")
    client.force_login(sergeant)
    for url in (
        reverse("queue", args=["recording-awaiting-victim"]),
        f"/recording/awaiting-victim/{row.pk}/",
    ):
        page = client.get(url).content.decode()
        assert "Bea Clarke" in page and "07700 900456" in page and "Rape of a female" in page
        assert ">V1<" not in page.replace("<td>V1</td>", "")  # the ref only beside the name, never instead
    logged = AccessLog.objects.filter(
        user=sergeant, record_type="recording.awaiting_victim", record_id=str(row.pk)
    )
    assert logged.count() == 2


def test_the_awaiting_api_lists_the_person_to_ring_and_logs_the_view(
    reference_data: None, make_user: Any, api_as: Any
) -> None:
    row = decisions.decision_record(
        actor=make_user("recorder"), report=friend_reports_rape(), victims=BEA
    ).awaiting
    assert row is not None
    sergeant = api_as("sergeant")
    listed = sergeant.get("/api/v1/recording/awaiting-victim/").json()["results"]
    assert listed[0]["victims"] == [
        {
            "ref": "V1",
            "name": "Bea Clarke",
            "contact": "07700 900456",
            "offences": [row.allegations[0]["offence_title"]],
        }
    ]
    assert AccessLog.objects.filter(user=sergeant.user, record_id=str(row.pk)).count() == 1


def test_a_non_restricted_awaiting_report_is_logged_when_opened(
    reference_data: None, make_user: Any, client: Client
) -> None:
    report = replace_offence(friend_reports_rape(), "8N")
    row = decisions.decision_record(actor=make_user("recorder"), report=report, victims=BEA).awaiting
    assert row is not None and not row.restricted
    sergeant = make_user("sergeant")
    client.force_login(sergeant)
    assert "07700 900456" in client.get(f"/recording/awaiting-victim/{row.pk}/").content.decode()
    assert AccessLog.objects.filter(user=sergeant, record_id=str(row.pk)).count() == 1


def replace_offence(report: rules.Report, offence: str) -> rules.Report:
    from dataclasses import replace

    return replace(report, alleged=tuple(replace(a, offence=offence) for a in report.alleged))
