"""Crime recording through staffing: the DDM is a skill (R-CANCEL-DDM), crimes go to investigators and
transfers to trained staff through the one allocation service (R-TRANSFER-PROTOCOL), the sergeant's
allocation screen is reachable from each item, and finishing the work closes the allocation."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from config.exceptions import DomainError
from recording import selectors
from recording.permissions import is_ddm
from recording.services import cancellation, casework, outcomes, transfers
from recording.tests.factories import CrimeFactory, ForceFactory, grant_skill
from staffing.models import Allocation, Skill
from staffing.selectors import allocation_page_url_for
from staffing.services import allocation_current, allocation_give_to
from staffing.tests.factories import TeamFactory, on_shift_now

pytestmark = pytest.mark.django_db


@pytest.fixture
def team() -> Any:
    return TeamFactory(code="RAT")


@pytest.fixture
def sergeant(make_user: Any, team: Any) -> Any:
    return make_user("sergeant", team=team)


def open_count(user: Any) -> int:
    return Allocation.objects.filter(assigned_to=user, status=Allocation.Status.OPEN).count()


# ---------------------------------------------------------------- R-CANCEL-DDM: the DDM is a skill
def test_r_cancel_ddm_is_valid_unexpired_ddm_training(make_user: Any) -> None:
    sergeant = make_user("sergeant")
    assert not is_ddm(sergeant)
    grant_skill(sergeant, Skill.DDM, days_ago=800, expires_in=-1)
    assert not is_ddm(sergeant)  # expired yesterday
    grant_skill(sergeant, Skill.RAPE_REVIEW)
    assert not is_ddm(sergeant)  # another skill does not count
    grant_skill(sergeant, Skill.DDM)
    assert is_ddm(sergeant)
    sergeant.is_active = False
    assert not is_ddm(sergeant)


def test_r_cancel_ddm_an_expired_ddm_cannot_decide(reference_data: None, make_user: Any) -> None:
    crime = CrimeFactory()
    req = cancellation.cancellation_request(
        crime=crime, actor=make_user("investigator"), criterion_code="C2", evidence="CCTV", avi="CCTV"
    )
    lapsed = grant_skill(make_user("sergeant"), Skill.DDM, days_ago=800, expires_in=-1)
    with pytest.raises(DomainError) as err:
        cancellation.cancellation_decide(
            request=req, actor=lapsed, approve=True, note="AVI", victim_informed=True
        )
    assert err.value.field == "decided_by"


# ---------------------------------------------------------------- crimes
def test_allocating_a_crime_allocates_it_and_finalising_completes_it(
    reference_data: None, make_user: Any, sergeant: Any, team: Any
) -> None:
    crime = CrimeFactory()
    investigator = make_user("investigator", team=team)
    on_shift_now(investigator, skills=(Skill.RECORDING_DECISIONS,))
    casework.crime_allocate(crime=crime, actor=sergeant, owner=investigator, team=None, reason="Next up")
    crime.refresh_from_db()
    allocation = allocation_current(crime)
    assert allocation is not None
    assert (crime.owner, allocation.assigned_to, crime.status) == (investigator, investigator, "allocated")
    assert (allocation.skill, allocation.weight) == (Skill.RECORDING_DECISIONS, 2)
    other = make_user("investigator", team=team)
    casework.crime_allocate(crime=crime, actor=sergeant, owner=other, team=None, reason="Rebalancing")
    crime.refresh_from_db()
    assert crime.owner == other and allocation_current(crime).assigned_to == other  # type: ignore[union-attr]
    assert (open_count(investigator), open_count(other)) == (0, 1)
    outcomes.crime_finalise(crime=crime, actor=other, outcome_code="18", reason="No leads")
    assert allocation_current(crime) is None and open_count(other) == 0


def test_a_non_supervisor_cannot_override_the_allocation_rules(
    reference_data: None, make_user: Any, team: Any
) -> None:
    crime = CrimeFactory()
    with pytest.raises(DomainError) as err:
        allocation_give_to(
            item=crime,
            assignee=make_user("investigator", team=team),
            actor=make_user("investigator"),
            reason="",
        )
    assert err.value.field == "assignee" and "not on shift" in err.value.message
    crime.refresh_from_db()
    assert crime.owner is None and allocation_current(crime) is None


def test_removing_the_owner_closes_the_allocation(
    reference_data: None, make_user: Any, sergeant: Any, team: Any
) -> None:
    crime = CrimeFactory(status="allocated")
    investigator = make_user("investigator", team=team)
    casework.crime_allocate(crime=crime, actor=sergeant, owner=investigator, team=None, reason="Next up")
    casework.crime_allocate(crime=crime, actor=sergeant, owner=None, team=team, reason="Back to the pool")
    assert allocation_current(crime) is None and open_count(investigator) == 0


def test_an_approved_cancellation_completes_the_crimes_allocation(
    reference_data: None, make_user: Any, sergeant: Any, team: Any
) -> None:
    crime = CrimeFactory()
    investigator = make_user("investigator", team=team)
    casework.crime_allocate(crime=crime, actor=sergeant, owner=investigator, team=None, reason="Next up")
    req = cancellation.cancellation_request(
        crime=crime, actor=investigator, criterion_code="C2", evidence="CCTV", avi="CCTV"
    )
    ddm = grant_skill(make_user("sergeant", team=team), Skill.DDM)  # the crime's team's sergeant
    cancellation.cancellation_decide(request=req, actor=ddm, approve=True, note="AVI", victim_informed=True)
    assert allocation_current(crime) is None


def test_the_allocation_screen_makes_the_assignee_the_crimes_owner(
    reference_data: None, client: Client, make_user: Any, sergeant: Any, team: Any
) -> None:
    crime = CrimeFactory()
    investigator = make_user("investigator", team=team)
    on_shift_now(investigator, skills=(Skill.RECORDING_DECISIONS,))
    client.force_login(sergeant)
    url = allocation_page_url_for(crime)
    detail = client.get(reverse("recording:crime-detail", args=[crime.pk])).content.decode()
    assert url.replace("&", "&amp;") in detail
    screen = client.get(url).content.decode()
    assert "Recording decisions" in screen and escape(investigator.get_full_name()) in screen
    assert client.post(url, {"action": "assign", "assignee": "", "reason": ""}).status_code == 302
    crime.refresh_from_db()
    assert (crime.owner, crime.status, crime.team) == (investigator, "allocated", team)
    assert crime.history.first().history_change_reason.startswith("Allocated to")  # type: ignore[attr-defined]
    # The investigator's own crime page has no allocation-screen link.
    client.force_login(investigator)
    assert (
        url.replace("&", "&amp;")
        not in client.get(reverse("recording:crime-detail", args=[crime.pk])).content.decode()
    )


# ---------------------------------------------------------------- work goes to those who may own it
def test_a_recorder_is_never_suggested_or_given_an_investigation(
    reference_data: None, client: Client, api_client: Any, make_user: Any, sergeant: Any, team: Any
) -> None:
    """A crime recorder trained in recording decisions, on shift and idle, is still never suggested for a
    crime, not offered on the allocation screen, and refused even with a sergeant's reason (browser and
    API): crimes are owned by investigators (the crime's own owner list)."""
    from staffing.services import allocation_suggest

    crime = CrimeFactory()
    recorder = make_user("recorder", team=team, username="aaa.recorder")
    on_shift_now(recorder, skills=(Skill.RECORDING_DECISIONS,))
    investigator = make_user("investigator", team=team, username="zzz.investigator")
    on_shift_now(investigator, skills=(Skill.RECORDING_DECISIONS,))
    CrimeFactory()  # the investigator is busier than the recorder: the role, not the load, decides
    casework.crime_allocate(
        crime=CrimeFactory(), actor=sergeant, owner=investigator, team=None, reason="Already has one"
    )
    suggestion = allocation_suggest(skill=Skill.RECORDING_DECISIONS, team=team, weight=2, item=crime)
    assert suggestion.user == investigator
    assert recorder.pk not in {c.candidate.user_id for c in suggestion.candidates}
    client.force_login(sergeant)
    url = allocation_page_url_for(crime)
    screen = client.get(url).content.decode()
    assert f'value="{recorder.pk}"' not in screen and f'value="{investigator.pk}"' in screen
    refused = client.post(url, {"action": "assign", "assignee": recorder.pk, "reason": "Short-staffed"})
    assert refused.status_code == 200 and allocation_current(crime) is None  # the picker refuses them
    with pytest.raises(DomainError) as err:
        allocation_give_to(item=crime, assignee=recorder, actor=sergeant, reason="Short-staffed")
    assert err.value.field == "assignee" and "goes to investigators" in err.value.message
    api_client.force_authenticate(sergeant)
    suggested = api_client.get(
        "/api/v1/staffing/allocations/suggest/",
        {
            "skill": Skill.RECORDING_DECISIONS,
            "team": team.code,
            "item_type": "recording.crime",
            "item_id": crime.pk,
        },
    )
    assert suggested.status_code == 200, suggested.content
    found = suggested.json()
    assert recorder.username not in {c["username"] for c in found["candidates"]}
    # Named only among those left out, with why (issue 20 part 2).
    why = {p["username"]: p["why"] for p in found["left_out"]}
    assert why[recorder.username] == "Crime recorder: this work goes to investigators"
    assert investigator.username in suggested.content.decode()
    half = api_client.get(
        "/api/v1/staffing/allocations/suggest/", {"skill": "recording_decisions", "item_id": 1}
    )
    assert half.status_code == 400 and "item_type" in half.json()
    answer = api_client.post(
        "/api/v1/staffing/allocations/assign/",
        {
            "item_type": "recording.crime",
            "item_id": crime.pk,
            "skill": Skill.RECORDING_DECISIONS,
            "weight": 2,
            "assignee": recorder.username,
            "reason": "Short-staffed",
        },
        format="json",
    )
    assert answer.status_code == 400 and "assignee" in answer.json()
    crime.refresh_from_db()
    assert crime.owner is None and allocation_current(crime) is None
    # Accepting the suggestion gives it to the investigator, and staffing's callback makes them owner.
    assert client.post(url, {"action": "assign", "assignee": "", "reason": ""}).status_code == 302
    crime.refresh_from_db()
    assert crime.owner == investigator


def test_staffing_calls_recordings_callback_to_write_the_owner(
    reference_data: None, make_user: Any, sergeant: Any, team: Any
) -> None:
    """The allocation service itself (no signal) calls recording's registered callback: allocating a
    crime straight through staffing makes the assignee its owner; a closed crime is refused whole."""
    from staffing.services import allocation_assign

    crime = CrimeFactory()
    investigator = make_user("investigator", team=team)
    allocation_assign(
        item=crime,
        skill=Skill.RECORDING_DECISIONS,
        weight=2,
        assignee=investigator,
        actor=sergeant,
        reason="Knows the area",
    )
    crime.refresh_from_db()
    assert (crime.owner, crime.status) == (investigator, "allocated")
    closed = CrimeFactory(status="finalised")
    with pytest.raises(DomainError):
        allocation_assign(
            item=closed,
            skill=Skill.RECORDING_DECISIONS,
            weight=2,
            assignee=investigator,
            actor=sergeant,
            reason="Knows the area",
        )
    assert allocation_current(closed) is None


def test_no_signal_copies_allocations_back() -> None:
    """One writer per fact (STYLE 12): nothing listens to Allocation saves but its own history."""
    from django.db.models.signals import post_save

    receivers = post_save._live_receivers(Allocation)[0]
    names = {getattr(r, "__qualname__", repr(r)) for r in receivers}
    assert names and not {n for n in names if "sync" in n.lower()}


# ---------------------------------------------------------------- transfers (R-TRANSFER-PROTOCOL)
def test_deciding_a_transfer_completes_its_and_the_crimes_allocations(
    reference_data: None, make_user: Any, sergeant: Any, team: Any
) -> None:
    crime = CrimeFactory()
    ForceFactory(code="YY")
    investigator = make_user("investigator", team=team)
    casework.crime_allocate(crime=crime, actor=sergeant, owner=investigator, team=None, reason="Next up")
    transfer = transfers.transfer_out_request(
        crime=crime, actor=investigator, force_code="YY", reason="Happened in YY"
    )
    assert list(selectors.transfers_to_allocate(user=sergeant)) == [transfer]
    arranger = make_user("recorder", team=team)
    on_shift_now(arranger, skills=(Skill.CRIME_TRANSFERS,))
    given = allocation_give_to(item=transfer, assignee=arranger, actor=sergeant, reason="")
    assert given.skill == Skill.CRIME_TRANSFERS and not list(selectors.transfers_to_allocate(user=sergeant))
    transfers.transfer_decide(transfer=transfer, actor=sergeant, accept=True, their_reference="YY/1")
    assert allocation_current(transfer) is None and allocation_current(crime) is None
    assert open_count(arranger) == open_count(investigator) == 0


# ---------------------------------------------------------------- the sergeant's queue and page
def test_the_to_allocate_queue_and_page(
    reference_data: None,
    client: Client,
    make_user: Any,
    sergeant: Any,
    team: Any,
    django_assert_num_queries: Any,
) -> None:
    old = CrimeFactory(reported_at=timezone.now() - timedelta(days=2))
    allocated = CrimeFactory()
    CrimeFactory(status="finalised")
    casework.crime_allocate(
        crime=allocated, actor=sergeant, owner=make_user("investigator", team=team), team=None, reason="r"
    )
    ForceFactory(code="YY")
    transfers.transfer_out_request(crime=old, actor=sergeant, force_code="YY", reason="Happened in YY")
    client.force_login(sergeant)
    home = client.get(reverse("home")).content.decode()
    assert "Crimes to allocate" in home and "Transfers to allocate" in home
    assert list(selectors.crimes_to_allocate(user=sergeant)) == [old]
    # session + user; the list's count and its page of crimes, each with the Allocation subquery and
    # related rows joined. The Allocate links need no other lookups.
    with django_assert_num_queries(4):
        page = client.get(reverse("recording:to-allocate"))
    body = page.content.decode()
    assert f"Allocate {old.crime_number}" in body and f"Allocate {allocated.crime_number}" not in body
    with django_assert_num_queries(4):
        body = client.get(reverse("recording:to-allocate") + "?kind=transfers").content.decode()
    assert f"Allocate transfer {old.crime_number}" in body
    transfer_page = client.get(reverse("recording:transfer-list")).content.decode()
    assert "Allocate transfer" in transfer_page
    client.force_login(make_user("investigator"))
    assert client.get(reverse("recording:to-allocate")).status_code == 403
