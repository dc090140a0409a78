"""Team scope on every path that changes a crime or who holds it (issue 20 part 6). Each side door below
was open before: a sergeant moved another team's crime to their own team through the allocation API (or
closed its allocation), any recorder unlinked another team's crime from a feed incident (which then
counted as unrecorded again), and any recorder closed or recorded another team's waiting third-party
report. Each path now asks the kind's one question (recording.permissions: crime_scope_refusal,
awaiting_scope_refusal) and answers 400 naming the field, changing nothing; the team's own people and
managers still act."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone
from rest_framework.test import APIClient

from config.permissions import Role
from qa.tests.factories import make_incident
from recording import rules
from recording.models import AwaitingVictim, Crime
from recording.services import decisions
from recording.tests.factories import CrimeFactory
from staffing.models import Allocation, Skill
from staffing.services import allocation_assign, allocation_current
from staffing.tests.factories import TeamFactory

pytestmark = pytest.mark.django_db

REASSIGN = "/api/v1/staffing/allocations/reassign/"
COMPLETE = "/api/v1/staffing/allocations/complete/"
ASSIGN = "/api/v1/staffing/allocations/assign/"


def _api(user: Any) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


def _page(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def teams() -> tuple[Any, Any]:
    return TeamFactory(code="RC-A"), TeamFactory(code="RC-B")


@pytest.fixture
def allocated(reference_data: None, make_user: Any, teams: tuple[Any, Any]) -> Crime:
    """Team A's crime, allocated by team A's sergeant to team A's investigator."""
    team_a, _ = teams
    crime = CrimeFactory.create(team=team_a)
    allocation_assign(
        item=crime,
        skill=Skill.RECORDING_DECISIONS,
        weight=2,
        assignee=make_user(Role.INVESTIGATOR, team=team_a),
        actor=make_user(Role.SERGEANT, team=team_a),
        reason="Only one free tonight",
    )
    crime.refresh_from_db()
    return crime


def test_a_sergeant_cannot_move_another_teams_crime_to_their_own_team_through_the_allocation_api(
    allocated: Crime, make_user: Any, teams: tuple[Any, Any]
) -> None:
    team_a, team_b = teams
    before = allocation_current(allocated)
    stranger = make_user(Role.SERGEANT, team=team_b)
    mine = make_user(Role.INVESTIGATOR, team=team_b)
    body = {"item_type": "recording.crime", "item_id": allocated.pk, "assignee": mine.username}
    refused = _api(stranger).post(REASSIGN, {**body, "reason": "We have room"}, format="json")
    assert refused.status_code == 400 and "item" in refused.json(), refused.content
    allocated.refresh_from_db()
    assert (allocated.team_id, allocated.owner_id) == (team_a.pk, before.assigned_to_id)
    assert allocation_current(allocated) == before
    # Their own sergeant and a manager still move it.
    manager = make_user(Role.MANAGER)
    moved = _api(manager).post(REASSIGN, {**body, "reason": "Team B takes it"}, format="json")
    assert moved.status_code == 201, moved.content
    allocated.refresh_from_db()
    assert allocated.team_id == team_b.pk


def test_the_allocation_page_offers_another_teams_sergeant_no_reassign_nor_done_and_refuses_both(
    allocated: Crime, make_user: Any, teams: tuple[Any, Any]
) -> None:
    """The page calls the same service as the API; it also hides the forms the service would refuse."""
    team_a, team_b = teams
    before = allocation_current(allocated)
    url = f"/staffing/allocate/recording/crime/{allocated.pk}/"
    stranger = _page(make_user(Role.SERGEANT, team=team_b))
    shown = stranger.get(url).content.decode()
    assert "another team" in shown
    assert 'value="complete"' not in shown and ">Reassign</button>" not in shown
    mine = make_user(Role.INVESTIGATOR, team=team_b)
    stranger.post(url, {"action": "assign", "assignee": mine.pk, "reason": "We have room"})
    stranger.post(url, {"action": "complete"})
    assert allocation_current(allocated) == before
    allocated.refresh_from_db()
    assert allocated.team_id == team_a.pk
    # Its own sergeant sees both.
    own = _page(make_user(Role.SERGEANT, team=team_a)).get(url).content.decode()
    assert 'value="complete"' in own and ">Reassign</button>" in own


def test_a_sergeant_cannot_complete_another_teams_crime_allocation(
    allocated: Crime, make_user: Any, teams: tuple[Any, Any]
) -> None:
    team_a, team_b = teams
    body = {"item_type": "recording.crime", "item_id": allocated.pk}
    refused = _api(make_user(Role.SERGEANT, team=team_b)).post(COMPLETE, body, format="json")
    assert refused.status_code == 400 and "item" in refused.json(), refused.content
    assert allocation_current(allocated) is not None
    done = _api(make_user(Role.SERGEANT, team=team_a)).post(COMPLETE, body, format="json")
    assert done.status_code == 200, done.content
    assert allocation_current(allocated) is None


def test_a_sergeant_cannot_allocate_another_teams_crime(
    reference_data: None, make_user: Any, teams: tuple[Any, Any]
) -> None:
    team_a, team_b = teams
    crime = CrimeFactory(team=team_a)
    body = {
        "item_type": "recording.crime",
        "item_id": crime.pk,
        "skill": Skill.RECORDING_DECISIONS,
        "assignee": make_user(Role.INVESTIGATOR, team=team_b).username,
        "reason": "We have room",
    }
    refused = _api(make_user(Role.SERGEANT, team=team_b)).post(ASSIGN, body, format="json")
    assert refused.status_code == 400 and "item" in refused.json(), refused.content
    assert not Allocation.objects.exists()


def test_a_recorder_cannot_unlink_another_teams_crime_from_a_feed_incident(
    reference_data: None, make_user: Any, teams: tuple[Any, Any]
) -> None:
    team_a, team_b = teams
    crime = CrimeFactory(team=team_a)
    incident = make_incident(crime_number=crime.crime_number)
    crime.incidents.add(incident)
    body = {"crime_number": crime.crime_number, "reason": "Not this one"}
    outsider = make_user(Role.RECORDER, team=team_b)
    url = f"/api/v1/incidents/{incident.pk}/crimes/unlink/"
    refused = _api(outsider).post(url, body, format="json")
    assert refused.status_code == 400 and "crime_number" in refused.json(), refused.content
    page = _page(outsider).post(f"/recording/incidents/{incident.pk}/crimes/unlink/", body)
    assert page.status_code == 400 and "another team" in page.content.decode()
    incident.refresh_from_db()
    assert incident.crime_number == crime.crime_number and crime.incidents.filter(pk=incident.pk).exists()
    # The crime's own team still unlinks it.
    done = _api(make_user(Role.RECORDER, team=team_a)).post(url, body, format="json")
    assert done.status_code == 200, done.content
    assert not crime.incidents.exists()


def test_a_recorder_cannot_link_another_teams_crime_to_an_incident(
    reference_data: None, make_user: Any, teams: tuple[Any, Any]
) -> None:
    team_a, team_b = teams
    crime = CrimeFactory(team=team_a)
    incident = make_incident()
    body = {"crime_number": crime.crime_number, "reason": "Same job"}
    outsider = make_user(Role.RECORDER, team=team_b)
    refused = _api(outsider).post(f"/api/v1/incidents/{incident.pk}/crimes/link/", body, format="json")
    assert refused.status_code == 400 and "crime_number" in refused.json(), refused.content
    page = _page(outsider).post(f"/recording/incidents/{incident.pk}/crimes/link/", body)
    assert page.status_code == 400 and "another team" in page.content.decode()
    assert not crime.incidents.exists()
    incident.refresh_from_db()
    assert incident.crime_number in ("", None)


def _waiting_assault(saver: Any) -> AwaitingVictim:
    """A neighbour reports an assault (not a restricted class, so every recorder may see it); nobody has
    spoken to the victim yet."""
    report = rules.Report(
        reported_at=timezone.now() - timedelta(hours=1),
        force="XX",
        reporter="witness",
        victims=(rules.Victim(ref="V1", kind="person"),),
        alleged=(
            rules.Allegation(ref="A1", victim="V1", offence="8N", incident="I1", victim_contacted=False),
        ),
    )
    row = decisions.decision_record(actor=saver, report=report).awaiting
    assert row is not None and not row.restricted
    return row


@pytest.mark.parametrize("action", ["close", "record"])
def test_a_recorder_cannot_decide_another_teams_report_awaiting_the_victim(
    reference_data: None, make_user: Any, teams: tuple[Any, Any], action: str
) -> None:
    team_a, team_b = teams
    row = _waiting_assault(make_user(Role.RECORDER, team=team_a))
    assert row.team_id == team_a.pk
    outsider = make_user(Role.RECORDER, team=team_b)
    body = {"reason": "Victim says nothing happened"} if action == "close" else {"note": "Victim confirms"}
    refused = _api(outsider).post(
        f"/api/v1/recording/awaiting-victim/{row.pk}/{action}/", body, format="json"
    )
    assert refused.status_code == 400 and "non_field_errors" in refused.json(), refused.content
    field = "close-reason" if action == "close" else "record-note"
    page = _page(outsider).post(
        f"/recording/awaiting-victim/{row.pk}/", {"action": action, field: "Victim spoken to"}
    )
    assert page.status_code == 200 and "another team" in page.content.decode()
    row.refresh_from_db()
    assert row.status == AwaitingVictim.Status.AWAITING and not Crime.objects.exists()
    # The saver's team (here its sergeant) and a manager still decide it.
    done = _api(make_user(Role.SERGEANT, team=team_a)).post(
        f"/api/v1/recording/awaiting-victim/{row.pk}/{action}/", body, format="json"
    )
    assert done.status_code in (200, 201), done.content


def test_a_recorder_cannot_screen_out_or_regrade_another_teams_crime(
    reference_data: None, make_user: Any, teams: tuple[Any, Any]
) -> None:
    """The assessment (THRIVE grade, vulnerability, solvability screening, the victim's view) changes the
    crime: a recorder of another team screened out team A's crime through the API and the page."""
    team_a, team_b = teams
    crime = CrimeFactory(team=team_a)
    outsider = make_user(Role.RECORDER, team=team_b)
    body = {
        "reason": "No lines of enquiry",
        "solvability": "screened_out",
        "solvability_reason": "Nothing to go on",
        "grade": "scheduled",
    }
    refused = _api(outsider).patch(f"/api/v1/recording/crimes/{crime.pk}/", body, format="json")
    assert refused.status_code == 400 and "another team" in str(refused.json()), refused.content
    page = _page(outsider)
    assert "THRIVE, screening" not in page.get(f"/recording/crimes/{crime.pk}/").content.decode()
    posted = page.post(f"/recording/crimes/{crime.pk}/assess/", {**body, "version": crime.version})
    assert "another team" in posted.content.decode()
    crime.refresh_from_db()
    assert (crime.solvability, crime.version) == (Crime.Solvability.NOT_SCREENED, 1)
    # Its own team still screens it.
    done = _api(make_user(Role.RECORDER, team=team_a)).patch(
        f"/api/v1/recording/crimes/{crime.pk}/", body, format="json"
    )
    assert done.status_code == 200, done.content
    crime.refresh_from_db()
    assert crime.solvability == Crime.Solvability.SCREENED_OUT


@pytest.mark.parametrize("what", ["victim", "suspect"])
def test_a_recorder_cannot_add_a_victim_or_suspect_to_another_teams_crime(
    reference_data: None, make_user: Any, teams: tuple[Any, Any], what: str
) -> None:
    team_a, team_b = teams
    crime = CrimeFactory(team=team_a)
    url = f"/recording/crimes/{crime.pk}/{what}s/new/"
    body = {"kind": "person", "name": "Pat Doe", "reason": "Came forward", "description": "Tall"}
    outsider = _page(make_user(Role.RECORDER, team=team_b))
    assert url not in outsider.get(f"/recording/crimes/{crime.pk}/").content.decode()  # no link to it
    assert "another team" in outsider.post(url, body).content.decode()
    assert not getattr(crime, f"{what}s").filter(name="Pat Doe").exists()
    added = _page(make_user(Role.RECORDER, team=team_a)).post(url, body)
    assert added.status_code == 302, added.content.decode()[-2000:]
    assert getattr(crime, f"{what}s").filter(name="Pat Doe").exists()
