"""The last side doors (issue 20 part 6), each through the API and the page where it has both: a
sergeant does not receive advisors' caseloads, nobody reads or adds to their own personnel notes, a
sergeant changes only their own team's rota, a C3 cancellation naming a restricted crime answers as one
naming a missing crime, and the learning report refuses a year outside 1900-2100."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone
from rest_framework.test import APIClient

from config.permissions import Role
from staffing.models import Absence, CoverageRequirement, PersonnelNote, Shift, ShiftAssignment
from staffing.services import user_token
from staffing.tests.factories import TeamFactory

pytestmark = pytest.mark.django_db


def _api(user: Any) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {user_token(user=user)}")
    return client


def _page(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


# ---------------------------------------------------------------- advisors' caseloads
def test_a_sergeant_does_not_receive_advisors_caseloads(make_user: Callable[..., Any]) -> None:
    from complaints.models import ComplaintCase
    from complaints.tests.factories import ComplaintCaseFactory

    advisor = make_user(Role.ADVISOR, first_name="Ada", last_name="Advisor")
    case = ComplaintCaseFactory(actor=advisor)
    ComplaintCase.objects.filter(pk=case.pk).update(assigned_to=advisor)
    sergeant, manager = make_user(Role.SERGEANT), make_user(Role.MANAGER)
    seen = _page(manager).get("/qa/dashboard/")
    assert "Complaint caseloads by advisor" in seen.content.decode()
    assert "Ada Advisor" in seen.content.decode()
    page = _page(sergeant).get("/qa/dashboard/")
    assert page.status_code == 200
    assert "Complaint caseloads" not in page.content.decode()
    assert "Ada Advisor" not in page.content.decode()
    # Nor through the exports: the caseloads table falls back to the weekly trend, the workbook has no
    # caseloads sheet.
    csv = _page(sergeant).get("/qa/dashboard/", {"export": "csv", "table": "caseloads"})
    assert "Ada Advisor" not in b"".join(csv.streaming_content if csv.streaming else [csv.content]).decode()
    assert "weekly" in csv["Content-Disposition"]
    xlsx = _page(sergeant).get("/qa/dashboard/", {"export": "xlsx"})
    assert b"Complaint caseloads" not in xlsx.content


# ---------------------------------------------------------------- personnel notes
@pytest.mark.parametrize("role", [Role.MANAGER, Role.ADMIN])
def test_nobody_reads_or_adds_to_their_own_personnel_notes(make_user: Callable[..., Any], role: str) -> None:
    me = make_user(role)
    other_manager = make_user(Role.MANAGER)
    PersonnelNote.objects.create(subject=me, kind="welfare", text="Private", written_by=other_manager)
    page = _page(me)
    assert page.get(f"/staffing/people/{me.pk}/notes/").status_code == 404
    posted = page.post(f"/staffing/people/{me.pk}/notes/", {"kind": "appraisal", "text": "Excellent"})
    assert posted.status_code == 404
    assert PersonnelNote.objects.filter(subject=me).count() == 1
    # Someone else's notes stay open to a manager.
    assert _page(other_manager).get(f"/staffing/people/{me.pk}/notes/").status_code == 200


def test_the_personnel_note_service_refuses_a_note_about_oneself(make_user: Callable[..., Any]) -> None:
    from config.exceptions import DomainError
    from staffing.services import personnel_note_add

    me = make_user(Role.MANAGER)
    with pytest.raises(DomainError):
        personnel_note_add(subject=me, kind="appraisal", text="Excellent", actor=me)
    assert not PersonnelNote.objects.exists()


# ---------------------------------------------------------------- the rota
@pytest.fixture
def two_teams(make_user: Callable[..., Any]) -> dict[str, Any]:
    mine, theirs = TeamFactory(code="RC-MINE"), TeamFactory(code="RC-THEIRS")
    sergeant = make_user(Role.SERGEANT, team=mine)
    mine.sergeant = sergeant
    mine.save()
    other_sergeant = make_user(Role.SERGEANT, team=theirs)
    theirs.sergeant = other_sergeant
    theirs.save()
    return {
        "sergeant": sergeant,
        "mine": mine,
        "theirs": theirs,
        "their_investigator": make_user(Role.INVESTIGATOR, team=theirs),
        "my_investigator": make_user(Role.INVESTIGATOR, team=mine),
    }


def test_a_sergeant_builds_only_their_own_team_s_rota(two_teams: dict[str, Any]) -> None:
    page = _page(two_teams["sergeant"])
    week = "2026-03-02"
    refused = page.post("/staffing/rota/", {"team": "RC-THEIRS", "week": week, "action": "build"})
    assert refused.status_code == 403
    assert not Shift.objects.filter(team=two_teams["theirs"]).exists()
    shown = page.get("/staffing/rota/", {"team": "RC-THEIRS", "week": week}).content.decode()
    assert "Build this week" not in shown
    assert "Record an absence" not in shown
    absence = {
        "team": "RC-THEIRS",
        "week": week,
        "action": "absence",
        "user": two_teams["their_investigator"].pk,
        "kind": "leave",
        "starts_on": week,
        "ends_on": week,
    }
    assert page.post("/staffing/rota/", absence).status_code == 403
    assert not Absence.objects.exists()
    coverage = {"team": "RC-THEIRS", "area": "recording_decisions", "skill": "ddm", "minimum": 2}
    assert page.post("/staffing/coverage/", coverage).status_code == 403
    assert not CoverageRequirement.objects.exists()
    # Their own team's rota they build.
    built = page.post("/staffing/rota/", {"team": "RC-MINE", "week": week, "action": "build"})
    assert built.status_code == 302
    assert Shift.objects.filter(team=two_teams["mine"]).count() == 21


def test_the_rota_services_apply_team_scope(two_teams: dict[str, Any], make_user: Callable[..., Any]) -> None:
    from config.exceptions import DomainError
    from staffing.services import absence_record, rota_generate, shift_assign

    sergeant, theirs = two_teams["sergeant"], two_teams["theirs"]
    with pytest.raises(DomainError, match="own sergeant"):
        rota_generate(team=theirs, start=date(2026, 3, 2), days=1, actor=sergeant)
    shifts = rota_generate(team=theirs, start=date(2026, 3, 2), days=1, actor=make_user(Role.MANAGER))
    with pytest.raises(DomainError, match="own sergeant"):
        shift_assign(shift=shifts[0], user=two_teams["their_investigator"], actor=sergeant)
    with pytest.raises(DomainError, match="own sergeant"):
        absence_record(
            user=two_teams["their_investigator"],
            kind="leave",
            starts_on=date(2026, 3, 2),
            ends_on=date(2026, 3, 2),
            actor=sergeant,
        )
    assert not ShiftAssignment.objects.exists()


# ---------------------------------------------------------------- C3 and restricted crimes
def test_a_c3_naming_a_restricted_crime_answers_as_one_naming_a_missing_crime(
    reference_data: None, make_user: Callable[..., Any]
) -> None:
    """A recorder who may not see a restricted crime learned it existed: naming its number as the
    surviving crime of a C3 was accepted, where a made-up number was refused."""
    from recording.models import Offence
    from recording.tests.factories import CrimeFactory

    recorder = make_user(Role.RECORDER)
    mine = CrimeFactory(recorded_by=recorder)
    rape = CrimeFactory(offence=Offence.objects.get(code="19C"))
    assert rape.restricted
    api = _api(recorder)
    answers = []
    for number in (rape.crime_number, "XX/26/999999"):
        response = api.post(
            f"/api/v1/recording/crimes/{mine.pk}/cancellations/",
            {"criterion": "C3", "evidence": "Recorded twice", "duplicate_of": number},
            format="json",
        )
        answers.append((response.status_code, response.json()))
    assert answers[0] == answers[1]
    assert answers[0][0] == 400
    assert "duplicate_of" in answers[0][1]
    # A sergeant, who may see it, names it.
    sergeant_answer = _api(make_user(Role.SERGEANT)).post(
        f"/api/v1/recording/crimes/{mine.pk}/cancellations/",
        {"criterion": "C3", "evidence": "Recorded twice", "duplicate_of": rape.crime_number},
        format="json",
    )
    assert sergeant_answer.status_code == 201, sergeant_answer.json()


# ---------------------------------------------------------------- the learning report's year
@pytest.mark.parametrize("year", ["1899", "2101", "9999", "-5", "0"])
def test_the_learning_report_refuses_a_year_outside_1900_to_2100(
    make_user: Callable[..., Any], year: str
) -> None:
    advisor = make_user(Role.ADVISOR)
    response = _api(advisor).get(
        "/api/v1/complaints/learning/", {"period": "month", "year": year, "number": 1}
    )
    assert response.status_code == 400
    assert "year" in response.json()
    page = _page(advisor).get("/complaints/learning/", {"period": "month", "year": year, "number": 1})
    assert page.status_code == 400
    assert "between 1900 and 2100" in page.content.decode()
    csv = _page(advisor).get("/complaints/learning/", {"year": year, "number": 1, "format": "csv"})
    assert csv.status_code == 400


@pytest.mark.parametrize("year", ["1900", "2100"])
def test_the_learning_report_answers_the_bounds_themselves(make_user: Callable[..., Any], year: str) -> None:
    advisor = make_user(Role.ADVISOR)
    response = _api(advisor).get(
        "/api/v1/complaints/learning/", {"period": "quarter", "year": year, "number": 4}
    )
    assert response.status_code == 200
    assert response.json()["year"] == int(year)
    assert _page(advisor).get("/complaints/learning/", {"year": year, "number": 12}).status_code == 200


def test_today_is_the_learning_report_s_default(make_user: Callable[..., Any]) -> None:
    today = timezone.localdate()
    body = _api(make_user(Role.ADVISOR)).get("/api/v1/complaints/learning/").json()
    assert (body["year"], body["number"]) == (today.year, today.month)
