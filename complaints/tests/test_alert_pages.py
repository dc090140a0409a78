"""Repeat-subject alerts in the browser and the API (issue 23 part 3): the roster picker at intake and on the
case page, the earlier allegations on a sexual-conduct allegation, the alert page and list with the
manager's answer, need-to-know (404 / 403) and the access log."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone
from rest_framework.test import APIClient

from complaints.models import ComplaintCase, RosterPerson, SubjectAlert
from complaints.tests.alert_helpers import case_about, roster
from staffing.models import AccessLog

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(reference_data: None) -> dict[str, RosterPerson]:
    return roster()


def _signed_in(client: Client, user: Any) -> Client:
    client.force_login(user)
    return client


def _intake(**extra: str) -> dict[str, str]:
    return {
        "kind": "complaint",
        "channel": "phone",
        "received_at": timezone.localtime().strftime("%Y-%m-%dT%H:%M"),
        "summary": "The officer was rude at the door",
        "name": "Kim Park",
        "preferred_contact": "phone",
        "adversely_affected": "on",
        "subject_kind": "officer",
        "category": "H1",
        **extra,
    }


def test_intake_names_the_subject_from_the_roster(
    client: Client, make_user: Callable[..., Any], people: dict[str, RosterPerson]
) -> None:
    advisor = _signed_in(client, make_user("advisor"))
    response = advisor.post("/complaints/new/", _intake(subject_roster="4522"))
    assert response.status_code == 302, response.content.decode()[:3000]
    case = ComplaintCase.objects.get()
    subject = case.subjects.get()
    assert (subject.roster_person, subject.name, subject.collar_number) == (
        people["4522"],
        "Lee Cole",
        "4522",
    )
    assert [s.pk for s in case.allegations.get().subjects.all()] == [subject.pk]


def test_intake_by_name_names_the_row_when_more_than_one_matches(
    client: Client, make_user: Callable[..., Any], people: dict[str, RosterPerson]
) -> None:
    RosterPerson.objects.create(collar_number="5100", name="Sam Reid", rank="PC", team_name="Response C")
    advisor = _signed_in(client, make_user("advisor"))
    refused = advisor.post("/complaints/new/", _intake(subject_roster="Sam Reid"))
    assert refused.status_code == 400
    html = refused.content.decode()
    assert "More than one person on the roster matches" in html and "5100" in html and "4521" in html
    assert not ComplaintCase.objects.exists()
    done = advisor.post("/complaints/new/", _intake(subject_roster="Dana"))
    assert done.status_code == 302
    assert ComplaintCase.objects.get().subjects.get().roster_person == people["7001"]


def test_the_roster_picker_offers_people(
    client: Client, make_user: Callable[..., Any], people: dict[str, RosterPerson]
) -> None:
    advisor = _signed_in(client, make_user("advisor"))
    html = advisor.get("/complaints/roster/find/", {"field": "person", "person": "reid"}).content.decode()
    assert '<option value="4521">PC Sam Reid, Response A</option>' in html
    assert "Lee Cole" not in html
    assert _signed_in(Client(), make_user("recorder")).get("/complaints/roster/find/?q=4").status_code == 403


def test_naming_the_subject_on_the_case_page_raises_the_alert(
    client: Client, make_user: Callable[..., Any], people: dict[str, RosterPerson]
) -> None:
    user = make_user("advisor")
    case_about("2026-01-05")
    case = case_about("2026-02-02", None, actor=user)
    case.subjects.create(kind="officer", name="PC Reid")
    advisor = _signed_in(client, user)
    page = advisor.get(f"/complaints/{case.pk}/subjects/").content.decode()
    assert "on the roster this could be <strong>PC Sam Reid (4521)</strong>" in page
    allegation = case.allegations.get()
    refused = advisor.post(
        f"/complaints/{case.pk}/subjects/",
        {"person": "nobody", "kind": "officer", "allegations": [allegation.pk]},
    )
    assert refused.status_code == 400
    assert "Nobody on the roster has the collar number or name" in refused.content.decode()
    done = advisor.post(
        f"/complaints/{case.pk}/subjects/",
        {
            "person": "4521",
            "kind": "officer",
            "subject": case.subjects.get().pk,
            "allegations": [allegation.pk],
        },
        follow=True,
    )
    html = done.content.decode()
    assert "PC Sam Reid (4521) named on the allegation. Repeat-subject alerts about them: 1." in html
    alert = SubjectAlert.objects.get()
    assert f'href="/complaints/alerts/{alert.pk}/"' in html and "2 allegations in 3 months" in html


def test_the_case_page_shows_every_earlier_allegation_on_a_sexual_conduct_allegation(
    client: Client, make_user: Callable[..., Any], people: dict[str, RosterPerson]
) -> None:
    older = case_about("2021-03-01", category="D3")
    other_officer = case_about("2025-03-01", "4522")
    user = make_user("advisor")
    serious = case_about("2026-05-01", category="J2", actor=user)
    html = _signed_in(client, user).get(f"/complaints/{serious.pk}/").content.decode()
    section = html[html.index('id="allegation-subjects"') :]
    assert "Every earlier allegation about PC Sam Reid (4521)</strong> (1)" in section
    assert older.reference in section and other_officer.reference not in section


def test_the_case_page_query_count_with_people_on_the_roster(
    client: Client,
    make_user: Callable[..., Any],
    people: dict[str, RosterPerson],
    django_assert_max_num_queries: Any,
) -> None:
    user = make_user("advisor")
    for day in ("2025-01-01", "2025-06-01", "2026-01-01"):
        case_about(day)
    serious = case_about("2026-05-01", category="J2", actor=user)
    signed = _signed_in(client, user)
    # The case page's own (test_views pins 26) and five for the roster: the people, the alerts and their
    # allegations, the earlier allegations and which of their cases the viewer may see.
    with django_assert_max_num_queries(26 + 5):
        response = signed.get(f"/complaints/{serious.pk}/")
    assert response.status_code == 200


def test_the_alert_page_lists_allegations_and_a_manager_answers(
    client: Client, make_user: Callable[..., Any], people: dict[str, RosterPerson]
) -> None:
    first = case_about("2026-01-05")
    second = case_about("2026-02-05")
    alert = SubjectAlert.objects.get()
    manager = make_user("manager")
    page = _signed_in(client, manager)
    html = page.get(f"/complaints/alerts/{alert.pk}/").content.decode()
    assert "2 allegations in 3 months" in html and first.reference in html and second.reference in html
    assert AccessLog.objects.filter(
        user=manager, record_type="subject_alert", record_id=str(alert.pk)
    ).exists()
    refused = page.post(f"/complaints/alerts/{alert.pk}/", {"agrees": "yes", "action_taken": ""})
    assert refused.status_code == 400 and "There is a problem" in refused.content.decode()
    done = page.post(
        f"/complaints/alerts/{alert.pk}/",
        {"agrees": "yes", "action_taken": "Spoken to the inspector; a welfare review is booked"},
        follow=True,
    )
    assert "Your answer to the alert is recorded." in done.content.decode()
    alert.refresh_from_db()
    assert alert.agrees is True and alert.responded_by == manager


def test_an_advisor_sees_the_alert_but_cannot_answer(
    client: Client, make_user: Callable[..., Any], people: dict[str, RosterPerson]
) -> None:
    case_about("2026-01-05")
    case_about("2026-02-05")
    alert = SubjectAlert.objects.get()
    advisor = _signed_in(client, make_user("advisor"))
    html = advisor.get(f"/complaints/alerts/{alert.pk}/").content.decode()
    assert "Awaiting a manager" in html and 'name="action_taken"' not in html
    advisor.post(f"/complaints/alerts/{alert.pk}/", {"agrees": "yes", "action_taken": "x"})
    alert.refresh_from_db()
    assert alert.responded_at is None


def test_need_to_know_on_the_pages(
    client: Client, make_user: Callable[..., Any], people: dict[str, RosterPerson]
) -> None:
    case_about("2026-01-05")
    case_about("2026-02-05")
    alert = SubjectAlert.objects.get()
    recorder = _signed_in(Client(), make_user("recorder"))
    assert recorder.get("/complaints/alerts/").status_code == 403
    assert recorder.get(f"/complaints/alerts/{alert.pk}/").status_code == 403
    # A manager who is the officer the alert is about: the alert does not exist for them.
    themselves = make_user("manager", collar_number="4521")
    page = _signed_in(client, themselves)
    assert page.get(f"/complaints/alerts/{alert.pk}/").status_code == 404
    assert "PC Sam Reid" not in page.get("/complaints/alerts/").content.decode()
    assert AccessLog.objects.filter(user=themselves, action="refused", record_type="subject_alert").exists()


def test_the_list_logs_every_alert_shown(
    client: Client, make_user: Callable[..., Any], people: dict[str, RosterPerson]
) -> None:
    case_about("2026-01-05")
    case_about("2026-02-05")
    manager = make_user("manager")
    html = _signed_in(client, manager).get("/complaints/alerts/").content.decode()
    assert "PC Sam Reid (4521)" in html and "Awaiting a manager" in html
    assert AccessLog.objects.filter(user=manager, record_type="subject_alert", action="list").count() == 1


def test_the_home_count_opens_the_overdue_alerts(
    client: Client, make_user: Callable[..., Any], people: dict[str, RosterPerson]
) -> None:
    case_about("2026-01-05")
    case_about("2026-02-05")
    SubjectAlert.objects.update(response_due=timezone.localdate() - timezone.timedelta(days=1))
    manager = _signed_in(client, make_user("manager"))
    home = manager.get("/").content.decode()
    assert "Repeat-subject alerts not answered in a working day" in home
    listed = manager.get("/queues/complaints-alerts-overdue/").content.decode()
    assert "PC Sam Reid (4521)" in listed


# ---------------------------------------------------------------- the API
def test_api_attach_lists_the_alert_and_the_alert_reads_back(
    api_as: Callable[..., APIClient], make_user: Callable[..., Any], people: dict[str, RosterPerson]
) -> None:
    advisor = api_as("advisor")
    case_about("2026-01-05")
    case = case_about("2026-02-05", None)
    allegation = case.allegations.get()
    bad = advisor.post(
        f"/api/v1/complaints/cases/{case.pk}/allegation-subjects/",
        {"collar_number": "0000", "allegations": [allegation.pk]},
        format="json",
    )
    assert bad.status_code == 400 and "collar_number" in bad.json()
    done = advisor.post(
        f"/api/v1/complaints/cases/{case.pk}/allegation-subjects/",
        {"collar_number": "4521", "allegations": [allegation.pk]},
        format="json",
    )
    assert done.status_code == 201, done.json()
    (alert_id,) = done.json()["alerts"]
    assert done.json()["person"]["collar_number"] == "4521"
    body = advisor.get(f"/api/v1/complaints/alerts/{alert_id}/").json()
    assert (
        body["threshold"]["code"] == "two_in_3_months"
        and body["threshold_rule"] == "2 allegations in 3 months"
    )
    assert [a["case"] for a in body["allegations"]["allegations"]][-1] == case.pk
    assert body["allegations"]["hidden"] == 0 and body["earlier"] is None
    listed = advisor.get("/api/v1/complaints/alerts/?open=1").json()
    assert [a["id"] for a in listed["results"]] == [alert_id]


def test_api_answer_is_for_managers(
    api_as: Callable[..., APIClient], make_user: Callable[..., Any], people: dict[str, RosterPerson]
) -> None:
    case_about("2026-01-05")
    case_about("2026-02-05")
    alert = SubjectAlert.objects.get()
    url = f"/api/v1/complaints/alerts/{alert.pk}/answer/"
    assert (
        api_as("advisor").post(url, {"agrees": True, "action_taken": "x"}, format="json").status_code == 403
    )
    manager = api_as("manager")
    assert manager.post(url, {"agrees": False}, format="json").status_code == 400
    done = manager.post(url, {"agrees": False, "action_taken": "Complaints unrelated"}, format="json")
    assert done.status_code == 200 and done.json()["agrees"] is False
    again = manager.post(url, {"agrees": True, "action_taken": "again"}, format="json")
    assert again.status_code == 400


def test_api_need_to_know(
    api_as: Callable[..., APIClient], make_user: Callable[..., Any], people: dict[str, RosterPerson]
) -> None:
    case_about("2026-01-05")
    case_about("2026-02-05")
    alert = SubjectAlert.objects.get()
    assert api_as("recorder").get(f"/api/v1/complaints/alerts/{alert.pk}/").status_code == 404
    assert api_as("recorder").get("/api/v1/complaints/alerts/").status_code == 403
    assert (
        api_as("manager", collar_number="4521").get(f"/api/v1/complaints/alerts/{alert.pk}/").status_code
        == 404
    )


def test_api_list_query_count(
    api_as: Callable[..., APIClient], people: dict[str, RosterPerson], django_assert_num_queries: Any
) -> None:
    for day in ("2026-01-05", "2026-02-05", "2026-03-05", "2026-03-06"):
        case_about(day)
    client = api_as("manager")
    # Each allegation that widens a pattern raises an alert for each threshold it crosses: 2 in 3 months
    # on the 2nd, 3rd and 4th, 3 in 12 months on the 3rd and 4th.
    assert SubjectAlert.objects.count() == 5
    # token and user, the count, the alerts with their person, threshold and answerer; then one
    # access-log row per alert listed
    with django_assert_num_queries(3 + 5):
        response = client.get("/api/v1/complaints/alerts/")
    assert response.status_code == 200 and response.json()["count"] == 5


def test_api_attach_asks_the_action_s_precondition_and_logs_it(
    api_as: Callable[..., APIClient], make_user: Callable[..., Any], people: dict[str, RosterPerson]
) -> None:
    """The endpoint takes the case action `subject_attach` (complaints.actions): a compliment is refused in
    the precondition's words, naming its field; a complaint's case log shows the spec's log kind."""
    advisor = api_as("advisor")
    compliment = case_about("2026-02-05", None)
    ComplaintCase.objects.filter(pk=compliment.pk).update(kind=ComplaintCase.Kind.COMPLIMENT)
    url = f"/api/v1/complaints/cases/{compliment.pk}/allegation-subjects/"
    refused = advisor.post(url, {"collar_number": "4521", "allegations": [1]}, format="json")
    assert refused.status_code == 400 and refused.json() == {
        "allegations": ["A compliment has no allegations."]
    }
    case = case_about("2026-02-06", None)
    url = f"/api/v1/complaints/cases/{case.pk}/allegation-subjects/"
    done = advisor.post(
        url, {"collar_number": "4521", "allegations": [case.allegations.get().pk]}, format="json"
    )
    assert done.status_code == 201, done.json()
    logged = case.actions.first()  # the newest (the log reads newest first)
    assert (logged.kind, logged.summary.startswith("PC Sam Reid (4521) named")) == ("edited", True)
