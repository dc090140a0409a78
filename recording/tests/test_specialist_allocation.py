"""A rape or serious sexual offence needs an investigator trained in sexual offences investigation
(issue 20 part 2): the suggestion, the allocation page's picker, the crime page's owner picker and the API
offer only people trained for it, refuse anyone else whatever reason is given, and say which skill was
needed and why each person was left out. A sergeant is never offered as an investigator."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from rest_framework.test import APIClient

from config.exceptions import DomainError
from recording.models import Offence
from recording.tests.factories import CrimeFactory
from staffing.models import Skill
from staffing.selectors import allocation_page_url_for
from staffing.services import allocation_current, allocation_give_to, allocation_suggest
from staffing.tests.factories import TeamFactory, on_shift_now

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(reference_data: None, make_user: Any) -> dict[str, Any]:
    """An idle investigator not trained for sexual offences, a busier one who is, and their sergeant
    (trained for everything, on shift and idle)."""
    team = TeamFactory(code="SOI")
    sergeant = make_user("sergeant", team=team, username="sgt.soi", first_name="Sam", last_name="Sarge")
    untrained = make_user("investigator", team=team, username="aaa.inv", first_name="Ann", last_name="Able")
    trained = make_user("investigator", team=team, username="zzz.inv", first_name="Zoe", last_name="Zed")
    on_shift_now(untrained, skills=(Skill.RECORDING_DECISIONS,))
    on_shift_now(trained, skills=(Skill.RECORDING_DECISIONS, Skill.SEXUAL_OFFENCES))
    on_shift_now(sergeant, skills=(Skill.RECORDING_DECISIONS, Skill.SEXUAL_OFFENCES))
    allocation_give_to(item=CrimeFactory(), assignee=trained, actor=sergeant, reason="Busy already")
    return {"team": team, "sergeant": sergeant, "untrained": untrained, "trained": trained}


def rape() -> Any:
    return CrimeFactory.create(offence=Offence.objects.get(code="19C"), grade="", vulnerable_victim=True)


def test_only_a_trained_investigator_is_suggested_for_a_rape(people: dict[str, Any]) -> None:
    crime = rape()
    suggestion = allocation_suggest(
        skill=Skill.RECORDING_DECISIONS, team=people["team"], weight=2, item=crime
    )
    assert suggestion.user == people["trained"]  # busier, but the only one trained for it
    assert suggestion.specialist is not None and suggestion.specialist.skill == Skill.SEXUAL_OFFENCES
    assert "Sexual offences investigation" in suggestion.reason
    considered = {c.candidate.user_id for c in suggestion.candidates}
    assert considered == {people["trained"].pk}
    left_out = {p.username: p.why for p in suggestion.left_out}
    assert left_out["aaa.inv"].startswith("not trained in Sexual offences investigation")
    assert left_out["sgt.soi"] == "Sergeant: this work goes to investigators"


def test_another_crime_needs_no_specialist_but_a_sergeant_is_still_not_an_investigator(
    people: dict[str, Any],
) -> None:
    suggestion = allocation_suggest(
        skill=Skill.RECORDING_DECISIONS, team=people["team"], weight=2, item=CrimeFactory()
    )
    assert suggestion.specialist is None and suggestion.user == people["untrained"]
    assert [p.username for p in suggestion.left_out] == ["sgt.soi"]


def test_nobody_untrained_is_given_a_rape_whatever_reason_is_given(people: dict[str, Any]) -> None:
    crime = rape()
    with pytest.raises(DomainError) as err:
        allocation_give_to(item=crime, assignee=people["untrained"], actor=people["sergeant"], reason="Short")
    assert err.value.field == "assignee" and "no reason overrides" in err.value.message
    assert allocation_current(crime) is None
    api = APIClient()
    api.force_authenticate(people["sergeant"])
    body = {
        "item_type": "recording.crime",
        "item_id": crime.pk,
        "skill": Skill.RECORDING_DECISIONS,
        "assignee": "aaa.inv",
        "reason": "Nobody else free",
    }
    refused = api.post("/api/v1/staffing/allocations/assign/", body, format="json")
    assert refused.status_code == 400 and "assignee" in refused.json(), refused.content
    given = api.post("/api/v1/staffing/allocations/assign/", {**body, "assignee": "zzz.inv"}, format="json")
    assert given.status_code == 201, given.content
    crime.refresh_from_db()
    assert crime.owner == people["trained"]


def test_the_suggest_api_names_the_skill_and_who_was_left_out(people: dict[str, Any]) -> None:
    crime = rape()
    api = APIClient()
    api.force_authenticate(people["sergeant"])
    answer = api.get(
        "/api/v1/staffing/allocations/suggest/",
        {"skill": Skill.RECORDING_DECISIONS, "item_type": "recording.crime", "item_id": crime.pk},
    ).json()
    assert answer["user"] == "zzz.inv"
    assert answer["specialist"]["skill_label"] == "Sexual offences investigation"
    assert {c["username"] for c in answer["candidates"]} == {"zzz.inv"}
    assert {p["username"] for p in answer["left_out"]} == {"aaa.inv", "sgt.soi"}


def test_the_allocation_page_and_the_crime_page_offer_only_trained_investigators(
    people: dict[str, Any],
) -> None:
    crime = rape()
    client = Client()
    client.force_login(people["sergeant"])
    screen = client.get(allocation_page_url_for(crime)).content.decode()
    assert "needs Recording decisions and Sexual offences investigation" in screen
    assert "is a rape or serious sexual offence (R-RAPE-RECORD)" in screen
    assert f'value="{people["trained"].pk}"' in screen
    assert (
        f'value="{people["untrained"].pk}"' not in screen and f'value="{people["sergeant"].pk}"' not in screen
    )
    assert "Not trained in Sexual offences investigation" in screen
    assert "Sergeant: this work goes to investigators" in screen
    owner_picker = client.get(reverse("recording:crime-status", args=[crime.pk])).content.decode()
    assert f'value="{people["trained"].pk}"' in owner_picker
    assert f'value="{people["untrained"].pk}"' not in owner_picker
    assert f'value="{people["sergeant"].pk}"' not in owner_picker


def test_the_crime_status_api_gives_a_rape_only_to_a_trained_investigator(people: dict[str, Any]) -> None:
    """The crime's own API (owner on POST .../status/) goes through the same allocation as the page."""
    crime = rape()
    api = APIClient()
    api.force_authenticate(people["sergeant"])
    url = f"/api/v1/recording/crimes/{crime.pk}/status/"
    for refused_owner in ("aaa.inv", "sgt.soi"):
        refused = api.post(url, {"owner": refused_owner, "reason": "Nobody else free"}, format="json")
        assert refused.status_code == 400 and list(refused.json()) == ["owner"], refused.content
    crime.refresh_from_db()
    assert crime.owner is None and allocation_current(crime) is None
    given = api.post(url, {"owner": "zzz.inv", "reason": "Trained for it"}, format="json")
    assert given.status_code == 200, given.content
    assert given.json()["owner"] == "zzz.inv"
