"""The incident record: opening an incident in Resolve, linking crimes to it (services, page and API),
need-to-know incidents (one selector, 404 and the access log) and the pinned query counts of the
incident page, the incident list and its API."""

from __future__ import annotations

import threading
from datetime import timedelta
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from config.exceptions import DomainError
from qa.services.sweep import sweep_unrecorded
from qa.tests.factories import make_crime, make_incident
from recording import selectors
from recording.models import Incident
from recording.services import incidents as services
from staffing.models import AccessLog

pytestmark = pytest.mark.usefixtures("reference_data")


def client_for(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


# ---------------------------------------------------------------- opening an incident
def test_opening_an_incident_gives_a_reference_in_the_feed_format_and_history(make_user: Any) -> None:
    recorder = make_user("recorder")
    incident = services.incident_open(
        actor=recorder, nsir_code="CRIME-THEFT", summary="Bike taken from the front counter rack"
    )
    day = timezone.localtime(incident.opened_at).strftime("%Y%m%d")
    assert incident.reference == f"XX-{day}-0001"
    assert incident.crime_related and incident.opened_by == recorder
    row = incident.history.get()
    assert row.history_type == "+" and "Opened in Resolve" in row.history_change_reason


def test_a_reference_the_feed_already_holds_is_skipped(make_user: Any) -> None:
    day = timezone.localtime().strftime("%Y%m%d")
    make_incident(reference=f"XX-{day}-0001")
    incident = services.incident_open(actor=make_user(), nsir_code="CRIME-THEFT", summary="Report")
    assert incident.reference == f"XX-{day}-0002"


@pytest.mark.django_db(transaction=True)
def test_two_recorders_opening_at_once_get_different_references(reference_data: None, make_user: Any) -> None:
    users = [make_user(), make_user()]
    references: list[str] = []
    errors: list[BaseException] = []
    barrier = threading.Barrier(2)

    def open_one(user: Any) -> None:
        try:
            barrier.wait()
            references.append(
                services.incident_open(actor=user, nsir_code="CRIME-THEFT", summary="x").reference
            )
        except BaseException as exc:  # noqa: BLE001 - reported by the assertion below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=open_one, args=(u,)) for u in users]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert len(set(references)) == 2


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"nsir_code": "NOPE", "summary": "x"}, "nsir_code"),
        ({"nsir_code": "CRIME-THEFT", "summary": " "}, "summary"),
        ({"nsir_code": "CRIME-THEFT", "summary": "x", "grade": "urgent"}, "grade"),
        (
            {"nsir_code": "CRIME-THEFT", "summary": "x", "opened_at": timezone.now() + timedelta(hours=2)},
            "opened_at",
        ),
    ],
)
def test_opening_refuses_bad_input_and_stores_nothing(
    make_user: Any, kwargs: dict[str, Any], field: str
) -> None:
    with pytest.raises(DomainError) as err:
        services.incident_open(actor=make_user(), **kwargs)
    assert err.value.field == field
    assert not Incident.objects.exists()


# ---------------------------------------------------------------- linking
def test_linking_writes_the_number_and_the_sweep_closes_the_flag(make_user: Any) -> None:
    incident = make_incident()
    sweep_unrecorded()
    crime = make_crime()
    services.incident_link_crime(
        incident_id=incident.pk,
        crime_number=crime.crime_number,
        actor=make_user("sergeant"),
        reason="Same call",
    )
    incident.refresh_from_db()
    assert incident.crime_number == crime.crime_number
    assert incident.history.first().history_change_reason.endswith(": Same call")
    result = sweep_unrecorded()
    assert result.closed == 1


def test_linking_needs_a_reason_and_a_crime_the_actor_may_see(make_user: Any) -> None:
    incident = make_incident()
    restricted = make_crime(offence="19C", restricted=True)
    recorder = make_user("recorder")
    with pytest.raises(DomainError) as err:
        services.incident_link_crime(
            incident_id=incident.pk, crime_number=restricted.crime_number, actor=recorder, reason=" "
        )
    assert err.value.field == "reason"
    with pytest.raises(DomainError) as err:
        services.incident_link_crime(
            incident_id=incident.pk, crime_number=restricted.crime_number, actor=recorder, reason="Same call"
        )
    assert err.value.field == "crime_number" and "No crime" in err.value.message
    assert not restricted.incidents.exists()


def test_unlinking_gives_the_incident_its_next_crime_number_or_none(make_user: Any) -> None:
    sergeant = make_user("sergeant")
    incident = make_incident()
    first, second = make_crime(recorded_at=timezone.now() - timedelta(hours=5)), make_crime()
    for crime in (first, second):
        services.incident_link_crime(
            incident_id=incident.pk, crime_number=crime.crime_number, actor=sergeant, reason="r"
        )
    incident.refresh_from_db()
    assert incident.crime_number == first.crime_number
    services.incident_unlink_crime(
        incident_id=incident.pk, crime_number=first.crime_number, actor=sergeant, reason="Wrong call"
    )
    incident.refresh_from_db()
    assert incident.crime_number == second.crime_number
    services.incident_unlink_crime(
        incident_id=incident.pk, crime_number=second.crime_number, actor=sergeant, reason="Wrong call"
    )
    incident.refresh_from_db()
    assert incident.crime_number is None
    assert "unlinked" in (second.history.first().history_change_reason or "")
    with pytest.raises(DomainError):
        services.incident_unlink_crime(
            incident_id=incident.pk, crime_number=second.crime_number, actor=sergeant, reason="x"
        )


# ---------------------------------------------------------------- need-to-know (R-RESTRICTED)
def test_a_sexual_offence_incident_is_seen_only_by_those_who_need_to(make_user: Any) -> None:
    recorder, other, sergeant = make_user("recorder"), make_user("recorder"), make_user("sergeant")
    hidden = make_incident(nsir="CRIME-SEXUAL")
    plain = make_incident()
    linked = make_incident(nsir="CRIME-SEXUAL")
    crime = make_crime(offence="19C", restricted=True, recorded_by=recorder)
    crime.incidents.add(linked)
    mine = services.incident_open(actor=other, nsir_code="CRIME-SEXUAL", summary="Disclosure at the counter")
    assert set(selectors.incident_visible(user=recorder)) == {plain, linked}
    assert set(selectors.incident_visible(user=other)) == {plain, mine}
    assert set(selectors.incident_visible(user=sergeant)) == {hidden, plain, linked, mine}
    assert set(selectors.incident_visible(user=make_user("advisor"))) == set()
    # a restricted crime recorded from an ordinary incident makes the incident need-to-know too
    crime.incidents.add(plain)
    assert plain not in set(selectors.incident_visible(user=other))


def test_need_to_know_incidents_404_and_every_view_and_attempt_is_logged(make_user: Any) -> None:
    recorder, sergeant = make_user("recorder"), make_user("sergeant")
    incident = make_incident(nsir="CRIME-SEXUAL")
    url = reverse("recording:incident-detail", args=[incident.pk])
    assert client_for(recorder).get(url).status_code == 404
    listed = client_for(recorder).get(reverse("recording:incident-list") + f"?q={incident.reference}")
    assert url not in listed.content.decode()
    assert client_for(sergeant).get(url + "?purpose=Rape review").status_code == 200
    api = f"/api/v1/incidents/{incident.pk}/"
    assert client_for(recorder).get(api).status_code == 404
    logs = list(
        AccessLog.objects.order_by("at", "id").values_list(
            "user", "action", "record_type", "record_id", "purpose"
        )
    )
    assert logs == [
        (recorder.pk, "refused", "recording.incident", str(incident.pk), "Incident page"),
        (sergeant.pk, "view", "recording.incident", str(incident.pk), "Rape review"),
        (recorder.pk, "refused", "recording.incident", str(incident.pk), "API view"),
    ]


def test_an_ordinary_incident_is_not_logged(make_user: Any) -> None:
    incident = make_incident()
    assert (
        client_for(make_user()).get(reverse("recording:incident-detail", args=[incident.pk])).status_code
        == 200
    )
    assert not AccessLog.objects.exists()


# ---------------------------------------------------------------- the page and the API
def _busy_incident(make_user: Any, crimes: int) -> Incident:
    incident = make_incident(summary="Caller says her shed was broken into overnight")
    sweep_unrecorded()
    sergeant = make_user("sergeant")
    for _ in range(crimes):
        crime = make_crime()
        services.incident_link_crime(
            incident_id=incident.pk, crime_number=crime.crime_number, actor=sergeant, reason="r"
        )
    sweep_unrecorded()  # the link gave the incident a crime number: the sweep closes its flag
    return incident


@pytest.mark.parametrize("crimes", [1, 4])
def test_the_incident_page_shows_everything_in_a_fixed_number_of_queries(
    make_user: Any, django_assert_num_queries: Any, crimes: int
) -> None:
    incident = _busy_incident(make_user, crimes)
    client = client_for(make_user("sergeant"))
    url = reverse("recording:incident-detail", args=[incident.pk])
    client.get(url)  # warm the content-type cache
    # session, user, incident (+NSIR, opener, batch), its crimes, their victims, restricted? (one EXISTS),
    # history (+user, NSIR), qa: flags, dip-test samples
    with django_assert_num_queries(9):
        response = client.get(url)
    body = response.content.decode()
    assert response.status_code == 200
    assert "Caller says her shed was broken into overnight" in body
    assert "Crime: theft (other than vehicle)" in body
    assert "Unrecorded-incident flags" in body and "Resolved (crime recorded)" in body
    assert body.count('href="/recording/crimes/') >= crimes
    assert f"/recording/decide/?incident={incident.reference}" in body


@pytest.mark.parametrize("rows", [2, 6])
def test_the_incident_list_links_each_incident_in_a_fixed_number_of_queries(
    make_user: Any, django_assert_num_queries: Any, rows: int
) -> None:
    incidents = [make_incident() for _ in range(rows)]
    client = client_for(make_user("recorder"))
    # session, user, count, page of incidents (+NSIR), NSIR codes for the filter
    with django_assert_num_queries(5):
        body = client.get(reverse("recording:incident-list")).content.decode()
    for incident in incidents:
        assert reverse("recording:incident-detail", args=[incident.pk]) in body


@pytest.mark.parametrize("rows", [2, 6])
def test_the_incident_list_api_pins_its_queries(
    api_as: Any, make_user: Any, django_assert_num_queries: Any, rows: int
) -> None:
    for _ in range(rows):
        make_incident()
    opener = make_user("recorder")
    for _ in range(rows):  # opened in Resolve: each names who opened it, from the same query
        services.incident_open(actor=opener, nsir_code="CRIME-THEFT", summary="Front counter report")
    client = api_as("recorder")
    # token + user, count, page of incidents (+NSIR, opener)
    with django_assert_num_queries(3):
        response = client.get("/api/v1/incidents/")
    assert response.status_code == 200
    assert response.json()["count"] == 2 * rows
    assert {"reference", "nsir_title", "summary", "url"} <= set(response.json()["results"][0])


def test_the_api_opens_an_incident_and_links_a_crime(api_as: Any) -> None:
    client = api_as("recorder")
    bad = client.post("/api/v1/incidents/", {"nsir_code": "NOPE", "summary": "x"}, format="json")
    assert bad.status_code == 400 and "nsir_code" in bad.json()
    made = client.post(
        "/api/v1/incidents/",
        {"nsir_code": "CRIME-THEFT", "summary": "Phone taken online report", "location": "Market St"},
        format="json",
    )
    assert made.status_code == 201
    body = made.json()
    assert body["decide_url"] == f"/recording/decide/?incident={body['reference']}"
    crime = make_crime()
    url = f"/api/v1/incidents/{body['id']}/crimes/link/"
    assert client.post(url, {"crime_number": crime.crime_number}, format="json").json() == {
        "reason": ["This field is required."]
    }
    linked = client.post(url, {"crime_number": crime.crime_number, "reason": "Same report"}, format="json")
    assert linked.status_code == 200
    assert linked.json()["crime_number"] == crime.crime_number
    assert [c["crime_number"] for c in linked.json()["crimes"]] == [crime.crime_number]
    assert linked.json()["unrecorded_flags"] == [] and linked.json()["dip_samples"] == []
    detail = client.get(f"/api/v1/incidents/{body['id']}/").json()
    assert [h["reason"] for h in detail["history"]][-1].endswith("Same report")


def test_the_incident_and_crime_pages_link_and_unlink_with_a_reason(make_user: Any) -> None:
    incident = make_incident()
    crime = make_crime()
    client = client_for(make_user("sergeant"))
    link = reverse("recording:incident-crime", args=[incident.pk, "link"])
    refused = client.post(link, {"crime_number": crime.crime_number, "reason": ""})
    assert refused.status_code == 400
    assert client.post(link, {"crime_number": crime.crime_number, "reason": "Same call"}).status_code == 302
    page = client.get(reverse("recording:crime-detail", args=[crime.pk])).content.decode()
    assert reverse("recording:incident-detail", args=[incident.pk]) in page
    unlink = reverse("recording:crime-incident", args=[crime.pk, "unlink"])
    assert (
        client.post(unlink, {"incident": incident.reference, "reason": "Different address"}).status_code
        == 302
    )
    assert not crime.incidents.exists()


def test_opening_an_incident_through_the_api_with_one_idempotency_key_opens_one(api_as: Any) -> None:
    client = api_as("recorder")
    body = {"nsir_code": "CRIME-THEFT", "summary": "Online report: bike stolen"}
    first = client.post("/api/v1/incidents/", body, format="json", HTTP_IDEMPOTENCY_KEY="k-1")
    again = client.post("/api/v1/incidents/", body, format="json", HTTP_IDEMPOTENCY_KEY="k-1")
    assert (first.status_code, again.status_code) == (201, 201)
    assert again.json() == first.json() and again["Idempotent-Replayed"] == "true"
    assert Incident.objects.count() == 1
    other = client.post(
        "/api/v1/incidents/", {**body, "summary": "else"}, format="json", HTTP_IDEMPOTENCY_KEY="k-1"
    )
    assert other.status_code == 409
