"""Possible hidden crimes through the API and the pages (contract: API.md, Hidden-crime screen)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from qa.models import HiddenCrimeFlag
from qa.services import hidden_crimes
from qa.tests.factories import make_crime, make_incident
from qa.tests.test_hidden_crimes import CARD, PUSHED, SHELTER

pytestmark = pytest.mark.usefixtures("reference_data")
URL = "/api/v1/qa/hidden-crimes/"


def closed(nsir: str, summary: str, **kw: Any) -> Any:
    opened = timezone.now() - timedelta(hours=6)
    return make_incident(
        nsir=nsir, summary=summary, opened_at=opened, closed_at=opened + timedelta(hours=1), **kw
    )


@pytest.fixture
def flags(db: None) -> list[HiddenCrimeFlag]:
    closed("ASB-ROWDY", SHELTER)
    closed("PS-DOMESTIC", PUSHED, location="4 Elm Road")
    closed("ASB-COMMS", CARD)
    hidden_crimes.hidden_crime_screen()
    return list(HiddenCrimeFlag.objects.order_by("risk", "incident_opened_at", "id"))


def test_the_list_is_paginated_risk_first_with_pinned_queries(
    flags: list[HiddenCrimeFlag], api_as: Any, django_assert_num_queries: Any
) -> None:
    client = api_as("sergeant")
    # token auth (1), count (1), the page of flags with incident and code joined (1)
    with django_assert_num_queries(3):
        body = client.get(URL).json()
    assert body["count"] == 3 and set(body) >= {"count", "next", "results"}
    first = body["results"][0]
    assert (
        first["reference"] == flags[0].incident.reference and first["risk"] == "Violence against the person"
    )
    assert first["reading"]["crimes"][0]["offence"] == "8N" and first["reading"]["crimes"][0]["evidence"]


def test_the_list_refuses_other_roles_and_a_bad_status(flags: list[HiddenCrimeFlag], api_as: Any) -> None:
    assert api_as("recorder").get(URL).status_code == 403
    response = api_as("manager").get(URL, {"status": "nonsense"})
    assert response.status_code == 400 and "status" in response.json()
    assert api_as("manager").get(URL, {"status": "all"}).json()["count"] == 3


def test_dismiss_refer_and_record_through_the_api(flags: list[HiddenCrimeFlag], api_as: Any) -> None:
    client = api_as("sergeant")
    by_summary = {f.incident.summary: f for f in flags}
    shelter, pushed, card = by_summary[SHELTER], by_summary[PUSHED], by_summary[CARD]
    bad = client.post(f"{URL}{shelter.pk}/dismiss/", {"reason": "bored", "detail": ""}, format="json")
    assert bad.status_code == 400 and set(bad.json()) == {"reason", "detail"}
    assert HiddenCrimeFlag.objects.get(pk=shelter.pk).status == "open"
    done = client.post(
        f"{URL}{shelter.pk}/dismiss/", {"reason": "no_offence", "detail": "Damage was old"}, format="json"
    )
    assert done.status_code == 200 and done.json()["status"] == "dismissed"
    referred = client.post(f"{URL}{card.pk}/refer/", {"reference": "NFRC1"}, format="json").json()
    assert (referred["status"], referred["referral_reference"]) == ("referred", "NFRC1")
    crime = make_crime(
        offence="8N",
        reported_at=pushed.incident.opened_at,
        recorded_at=pushed.incident.opened_at + timedelta(hours=1),
        location="19 Oak Avenue",
    )
    refused = client.post(f"{URL}{pushed.pk}/record/", {"crime_number": crime.crime_number}, format="json")
    assert refused.status_code == 400 and "19 Oak Avenue" in refused.json()["reason"][0]
    recorded = client.post(
        f"{URL}{pushed.pk}/record/",
        {"crime_number": crime.crime_number, "reason": "She moved"},
        format="json",
    ).json()
    assert (recorded["status"], recorded["crime_number"]) == ("recorded", crime.crime_number)
    again = client.post(f"{URL}{pushed.pk}/refer/", {}, format="json")
    assert again.status_code == 400 and "status" in again.json()


def test_the_flag_page_highlights_the_evidence_and_links_the_prefilled_decision(
    flags: list[HiddenCrimeFlag], client: Client, make_user: Any
) -> None:
    client.force_login(make_user("sergeant"))
    pushed = next(f for f in flags if f.incident.summary == PUSHED)
    body = client.get(reverse("qa:hidden-crime-detail", args=[pushed.pk])).content.decode()
    assert "pushed her against the wall</span>" not in body  # the visually hidden marker closes after it
    assert (
        '<mark class="evidence"><span class="visually-hidden">[evidence: </span>pushed her against the wall'
        in body
    )
    assert f"/recording/decide/?incident={pushed.incident.reference}&amp;offence=8N" in body
    assert "Assault with injury" in body


def test_the_dismiss_form_names_the_missing_words_and_changes_nothing(
    flags: list[HiddenCrimeFlag], client: Client, make_user: Any
) -> None:
    client.force_login(make_user("sergeant"))
    flag = flags[0]
    response = client.post(
        reverse("qa:hidden-crime-action", args=[flag.pk, "dismiss"]), {"reason": "no_offence"}
    )
    assert response.status_code == 400
    assert "Say in your own words why no crime needs recording." in response.content.decode()
    assert HiddenCrimeFlag.objects.get(pk=flag.pk).status == "open"
    client.post(
        reverse("qa:hidden-crime-action", args=[flag.pk, "dismiss"]),
        {"reason": "no_offence", "detail": "Old"},
    )
    assert HiddenCrimeFlag.objects.get(pk=flag.pk).status == "dismissed"


def test_the_managers_page_shows_each_pattern_and_is_for_managers(
    flags: list[HiddenCrimeFlag], client: Client, make_user: Any
) -> None:
    client.force_login(make_user("sergeant"))
    assert client.get(reverse("qa:hidden-crime-patterns")).status_code == 403
    client.force_login(make_user("manager"))
    body = client.get(reverse("qa:hidden-crime-patterns")).content.decode()
    assert "CD-DAMAGE" in body and "VAP-BATTERY" in body


def test_every_view_of_a_flag_disclosing_a_sexual_offence_is_logged(client: Client, make_user: Any) -> None:
    from staffing.models import AccessLog

    closed("PS-CONCERN", "Caller discloses that a man she met last night raped her at his flat.")
    closed("ASB-ROWDY", SHELTER)
    hidden_crimes.hidden_crime_screen()
    sexual = HiddenCrimeFlag.objects.get(risk=HiddenCrimeFlag.Risk.SEXUAL)
    other = HiddenCrimeFlag.objects.exclude(pk=sexual.pk).get()
    sergeant = make_user("sergeant")
    client.force_login(sergeant)
    for flag in (sexual, sexual, other):
        assert client.get(reverse("qa:hidden-crime-detail", args=[flag.pk])).status_code == 200
    logs = AccessLog.objects.filter(user=sergeant, record_type="qa.HiddenCrimeFlag")
    assert [(log.record_id, log.record_label) for log in logs] == [
        (str(sexual.pk), sexual.incident.reference)
    ] * 2


def test_the_queue_page_and_the_pattern_page_have_pinned_queries(
    flags: list[HiddenCrimeFlag], client: Client, make_user: Any, django_assert_num_queries: Any
) -> None:
    client.force_login(make_user("manager"))
    client.get("/queues/qa-hidden-crimes/")  # warm the session
    # session, user, the count, the page of flags with incident and code joined
    with django_assert_num_queries(4):
        body = client.get("/queues/qa-hidden-crimes/").content.decode()
    assert all(f.incident.reference in body for f in flags)
    # session, user, the pattern uses grouped by pattern and outcome
    with django_assert_num_queries(3):
        client.get(reverse("qa:hidden-crime-patterns"))
