"""The staffing pages in the browser's terms: who may see them, what they show, forms, query counts."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.contrib.contenttypes.models import ContentType
from django.test import Client
from django.utils import timezone

from recording.tests.factories import CrimeFactory
from staffing.models import (
    AccessLog,
    Allocation,
    PersonnelNote,
    Shift,
    Skill,
    Team,
    TeamMove,
    TrainingRecord,
    WorkArea,
)
from staffing.selectors import allocation_page_url
from staffing.services import (
    allocation_assign,
    allocation_finish,
    allocation_finish_many,
    coverage_requirement_set,
)
from staffing.tests.factories import TeamFactory, UserFactory, on_shift_now

pytestmark = pytest.mark.django_db


@pytest.fixture
def team():
    team = TeamFactory(code="RC-A", name="Alpha")
    team.sergeant = UserFactory(username="sgt", role="sergeant", team=team)
    team.save()
    return team


@pytest.fixture
def sergeant_client(client: Client, team) -> Client:
    client.force_login(team.sergeant)
    return client


def crew(team, n: int, *skills: str) -> list:
    people = [
        UserFactory(
            username=f"inv{i}", first_name=f"Inv{i}", last_name="Person", role="investigator", team=team
        )
        for i in range(n)
    ]
    for person in people:
        on_shift_now(person, skills=skills)
    return people


@pytest.mark.parametrize(
    "url", ["/staffing/rota/", "/staffing/coverage/", "/staffing/training/", "/staffing/workload/"]
)
def test_a_recorder_may_not_open_supervisor_pages(client: Client, team, url: str) -> None:
    client.force_login(UserFactory(role="recorder", team=team))
    assert client.get(url).status_code == 403


def test_a_sergeant_sees_rota_coverage_training_and_workload_in_the_nav(sergeant_client: Client) -> None:
    html = sergeant_client.get("/").content.decode()
    for href in ("/staffing/rota/", "/staffing/coverage/", "/staffing/training/", "/staffing/workload/"):
        assert f'href="{href}"' in html


def test_the_rota_shows_the_week_and_who_is_on_now(
    sergeant_client: Client, team, django_assert_num_queries
) -> None:
    crew(team, 4, Skill.DDM)
    # The week asked for is the one holding the shift on now. Without it the page shows today's week,
    # and on a Monday before 02:00 the shift (begun two hours ago, on Sunday) belongs to last week:
    # no table, no "add someone" form, three queries fewer.
    began = timezone.localdate(Shift.objects.get(team=team).starts_at)
    with django_assert_num_queries(14):
        response = sergeant_client.get(f"/staffing/rota/?team=RC-A&week={began.isoformat()}")
    html = response.content.decode()
    assert "<h1>Rota – team RC-A</h1>" in html
    assert "Inv3 Person" in html and "On now" in html
    assert "Add someone to a shift" in html


def test_the_rota_on_monday_before_dawn_shows_sundays_night_shift_as_on_now_not_in_the_week(
    sergeant_client: Client, team
) -> None:
    """Just after midnight on a Monday the night shift that began on Sunday is on now, and the week
    shown (this Monday's) does not hold it: the page says so rather than failing."""
    crew(team, 1, Skill.DDM)
    began = timezone.localdate(Shift.objects.get(team=team).starts_at)
    following_monday = began + timedelta(days=7 - began.weekday())
    html = sergeant_client.get(
        f"/staffing/rota/?team=RC-A&week={following_monday.isoformat()}"
    ).content.decode()
    assert "No shifts this week yet" in html and "Add someone to a shift" not in html
    assert "Inv0 Person" in html  # on now, though its shift began in the week before


def test_building_the_week_creates_21_shifts_and_adding_someone_rosters_them(
    sergeant_client: Client, team
) -> None:
    monday = date(2026, 3, 2)
    sergeant_client.post("/staffing/rota/", {"action": "build", "team": "RC-A", "week": monday.isoformat()})
    assert Shift.objects.filter(team=team).count() == 21
    person = UserFactory(role="investigator", team=team)
    shift = Shift.objects.filter(team=team).order_by("starts_at").first()
    response = sergeant_client.post(
        "/staffing/rota/",
        {
            "action": "assign",
            "team": "RC-A",
            "week": monday.isoformat(),
            "shift": shift.pk,
            "user": person.pk,
        },
    )
    assert response.status_code == 302
    assert shift.assignments.get().user == person
    again = sergeant_client.post(
        "/staffing/rota/",
        {
            "action": "assign",
            "team": "RC-A",
            "week": monday.isoformat(),
            "shift": shift.pk,
            "user": person.pk,
        },
    )
    assert "error-summary" in again.content.decode() and "already on this shift" in again.content.decode()


def test_an_absence_ending_before_it_starts_is_a_form_error(sergeant_client: Client, team) -> None:
    person = UserFactory(role="investigator", team=team)
    response = sergeant_client.post(
        "/staffing/rota/",
        {
            "action": "absence",
            "team": "RC-A",
            "user": person.pk,
            "kind": "leave",
            "starts_on": "2026-03-05",
            "ends_on": "2026-03-01",
        },
    )
    html = response.content.decode()
    assert response.status_code == 200 and "cannot end before it starts" in html
    assert not person.absences.exists()


def test_coverage_shows_gaps_now_and_next(sergeant_client: Client, team, django_assert_num_queries) -> None:
    crew(team, 1, Skill.RAPE_REVIEW)
    coverage_requirement_set(
        team=team, area=WorkArea.RAPE_REVIEW, skill=Skill.RAPE_REVIEW, minimum=2, actor=None
    )
    coverage_requirement_set(
        team=team, area=WorkArea.AMENDMENTS, skill=Skill.AMENDMENTS, minimum=1, actor=None
    )
    with django_assert_num_queries(9):
        html = sergeant_client.get("/staffing/coverage/").content.decode()
    assert "Short by 1" in html and "2 areas under minimum" in html
    response = sergeant_client.post(
        "/staffing/coverage/", {"team": "RC-A", "area": "complaints", "skill": "complaints", "minimum": "0"}
    )
    assert "error-summary" in response.content.decode()


def test_training_page_lists_expiring_soon_and_records_training(
    sergeant_client: Client, team, django_assert_num_queries
) -> None:
    today = timezone.localdate()
    people = [UserFactory(username=f"p{i}", team=team) for i in range(5)]
    for person in people:
        TrainingRecord.objects.create(
            user=person,
            skill=Skill.THRIVE,
            trained_on=today - timedelta(days=300),
            expires_on=today + timedelta(days=7),
        )
    with django_assert_num_queries(7):
        html = sergeant_client.get("/staffing/training/").content.decode()
    assert html.count("THRIVE risk grading") >= 10
    response = sergeant_client.post(
        "/staffing/training/",
        {
            "team": "RC-A",
            "user": people[0].pk,
            "skill": "ddm",
            "trained_on": today.isoformat(),
            "expires_on": "",
        },
    )
    assert response.status_code == 302
    assert people[0].training.filter(skill="ddm", expires_on=None).exists()
    bad = sergeant_client.post(
        "/staffing/training/",
        {
            "team": "RC-A",
            "user": people[0].pk,
            "skill": "ddm",
            "trained_on": today.isoformat(),
            "expires_on": "2000-01-01",
        },
    )
    assert "expiry date cannot be before" in bad.content.decode()


def test_workload_page_lists_each_person_with_a_pinned_query_count(
    client: Client, team, django_assert_num_queries
) -> None:
    people = crew(team, 5, Skill.DDM)
    ct = ContentType.objects.get_for_model(team)
    for i, person in enumerate(people):
        item = TeamFactory(code=f"W{i}")
        Allocation.objects.create(
            content_type=ct,
            object_id=item.pk,
            item_label=str(item),
            skill=Skill.DDM,
            weight=i + 1,
            team=team,
            assigned_to=person,
            assigned_by=team.sergeant,
            reason="r",
        )
    client.force_login(UserFactory(role="manager"))
    with django_assert_num_queries(6):
        html = client.get("/staffing/workload/?team=RC-A").content.decode()
    assert html.index("Inv4 Person") < html.index("Inv0 Person")  # most loaded first


def test_the_allocation_screen_shows_the_suggestion_and_accepting_allocates(
    sergeant_client: Client, team
) -> None:
    crew(team, 2, Skill.DDM)
    item = CrimeFactory()
    url = allocation_page_url(item, skill=Skill.DDM, weight=2)
    html = sergeant_client.get(url).content.decode()
    assert "least open workload" in html and "Accept the suggestion" in html
    response = sergeant_client.post(url, {"action": "assign", "assignee": "", "reason": ""})
    assert response.status_code == 302
    allocation = Allocation.objects.get()
    assert allocation.assigned_to.username == "inv0" and allocation.weight == 2


def test_picking_someone_untrained_needs_a_reason_then_reassigning_works(
    sergeant_client: Client, team
) -> None:
    trained, untrained = (
        crew(team, 1, Skill.DDM)[0],
        UserFactory(username="new", role="investigator", team=team),
    )
    item = CrimeFactory()
    url = allocation_page_url(item, skill=Skill.DDM)
    refused = sergeant_client.post(url, {"action": "assign", "assignee": untrained.pk, "reason": ""})
    assert "cannot take this work" in refused.content.decode() and "error-summary" in refused.content.decode()
    assert not Allocation.objects.exists()
    sergeant_client.post(url, {"action": "assign", "assignee": untrained.pk, "reason": "Mentored by inv0"})
    assert Allocation.objects.get(status="open").assigned_to == untrained
    html = sergeant_client.get(url).content.decode()
    assert "Allocated now" in html and "Reassign" in html
    sergeant_client.post(url, {"action": "assign", "assignee": "", "reason": "Back to a trained DDM"})
    assert Allocation.objects.get(status="open").assigned_to == trained
    sergeant_client.post(url, {"action": "complete"})
    assert not Allocation.objects.filter(status="open").exists()


def test_the_allocation_screen_refuses_an_unknown_skill_or_item(sergeant_client: Client, team) -> None:
    item = CrimeFactory()
    ct = ContentType.objects.get_for_model(item)
    assert sergeant_client.get(f"/staffing/allocate/{ct.pk}/{item.pk}/?skill=magic").status_code == 404
    assert sergeant_client.get(f"/staffing/allocate/{ct.pk}/999999/?skill=ddm").status_code == 404
    # The by-kind address other apps link to (no content-type lookup while rendering their lists).
    assert allocation_page_url(item, skill=Skill.DDM).startswith(
        f"/staffing/allocate/recording/crime/{item.pk}/"
    )
    assert sergeant_client.get("/staffing/allocate/nosuch/model/1/?skill=ddm").status_code == 404
    assert sergeant_client.get(f"/staffing/allocate/recording/crime/{item.pk}/?skill=ddm").status_code == 200
    # A model no app registered as work is "not found", like a missing item (issue 17).
    assert sergeant_client.get(f"/staffing/allocate/staffing/team/{team.pk}/?skill=ddm").status_code == 404


def test_finishing_the_work_closes_the_open_allocation_whoever_finished_it(team) -> None:
    """allocation_finish / allocation_finish_many: called by the item's own app when its work is done."""
    crew(team, 1, Skill.DDM)
    items = [TeamFactory(code=f"ITEM{i}") for i in range(3)]
    for item in items[:2]:
        allocation_assign(item=item, skill=Skill.DDM, weight=1, assignee=None, actor=team.sergeant)
    assert allocation_finish(item=items[2], actor=None) == 0  # never allocated: nothing to close
    closed = allocation_finish_many(model=Team, ids=[i.pk for i in items], reason="Work done")
    assert closed == 2
    assert not Allocation.objects.filter(status="open").exists()
    done = Allocation.objects.first()
    assert done is not None and done.closed_at is not None
    assert done.history.first().history_change_reason == "Work done"  # type: ignore[attr-defined]
    assert allocation_finish_many(model=Team, ids=[], reason="x") == 0


def test_a_manager_moves_someone_and_the_history_shows_it(client: Client, team) -> None:
    other = TeamFactory(code="RC-B")
    person = UserFactory(username="mover", role="investigator", team=team)
    client.force_login(UserFactory(role="manager"))
    response = client.post(
        "/staffing/teams/RC-A/", {"user": person.pk, "to_team": other.pk, "reason": "Rebalance"}
    )
    assert response.status_code == 302
    assert TeamMove.objects.get(user=person).reason == "Rebalance"
    assert "Rebalance" in client.get("/staffing/teams/RC-B/").content.decode()


def test_moving_into_a_full_team_is_a_form_error(client: Client, team) -> None:
    full = TeamFactory(code="RC-F", capacity=1)
    UserFactory(role="investigator", team=full)
    person = UserFactory(role="investigator", team=team)
    client.force_login(UserFactory(role="admin"))
    html = client.post(
        "/staffing/teams/RC-A/", {"user": person.pk, "to_team": full.pk, "reason": "x"}
    ).content.decode()
    assert "is full" in html and "error-summary" in html


def test_a_sergeant_cannot_move_people(sergeant_client: Client, team) -> None:
    person = UserFactory(role="investigator", team=team)
    assert (
        sergeant_client.post(
            "/staffing/teams/RC-A/", {"user": person.pk, "to_team": "", "reason": "x"}
        ).status_code
        == 403
    )


def test_team_detail_query_count(client: Client, team, django_assert_num_queries) -> None:
    for i in range(6):
        UserFactory(role="investigator", team=team, username=f"m{i}")
    client.force_login(UserFactory(role="manager"))
    with django_assert_num_queries(7):
        assert client.get("/staffing/teams/RC-A/").status_code == 200


# ---------------------------------------------------------------- personnel notes
def test_the_own_sergeant_reads_notes_and_each_view_is_logged(sergeant_client: Client, team) -> None:
    person = UserFactory(role="investigator", team=team)
    PersonnelNote.objects.create(
        subject=person, kind="welfare", text="Bereavement leave agreed", written_by=team.sergeant
    )
    html = sergeant_client.get(f"/staffing/people/{person.pk}/notes/").content.decode()
    assert "Bereavement leave agreed" in html
    log = AccessLog.objects.get()
    assert (log.user, log.record_type, log.record_id) == (team.sergeant, "personnel_notes", str(person.pk))


@pytest.mark.parametrize("role", ["sergeant", "investigator", "recorder", "advisor"])
def test_anyone_else_gets_404_and_nothing_is_logged(client: Client, team, role: str) -> None:
    person = UserFactory(role="investigator", team=team)
    other_team = TeamFactory(code="RC-B")
    client.force_login(UserFactory(role=role, team=other_team if role == "sergeant" else team))
    assert client.get(f"/staffing/people/{person.pk}/notes/").status_code == 404
    assert not AccessLog.objects.exists()


def test_a_sergeant_cannot_read_notes_about_themselves(sergeant_client: Client, team) -> None:
    assert sergeant_client.get(f"/staffing/people/{team.sergeant.pk}/notes/").status_code == 404


def test_a_manager_adds_a_note(client: Client, team, django_assert_num_queries) -> None:
    person = UserFactory(role="investigator", team=team)
    manager = UserFactory(role="manager")
    client.force_login(manager)
    response = client.post(
        f"/staffing/people/{person.pk}/notes/", {"kind": "appraisal", "text": "Strong year"}
    )
    assert response.status_code == 302
    for i in range(5):
        PersonnelNote.objects.create(subject=person, kind="welfare", text=f"n{i}", written_by=manager)
    with django_assert_num_queries(5):
        html = client.get(f"/staffing/people/{person.pk}/notes/").content.decode()
    assert "Strong year" in html and "n4" in html
    blank = client.post(f"/staffing/people/{person.pk}/notes/", {"kind": "appraisal", "text": ""})
    assert "error-summary" in blank.content.decode()


# ---------------------------------------------------------------- home queues
def test_a_sergeants_home_shows_training_expiring_and_coverage_gaps(sergeant_client: Client, team) -> None:
    today = timezone.localdate()
    person = crew(team, 1, Skill.DDM)[0]
    TrainingRecord.objects.create(
        user=person,
        skill=Skill.THRIVE,
        trained_on=today - timedelta(days=300),
        expires_on=today + timedelta(days=3),
    )
    coverage_requirement_set(
        team=team, area=WorkArea.COMPLAINTS, skill=Skill.COMPLAINTS, minimum=1, actor=None
    )
    html = sergeant_client.get("/").content.decode()
    assert (
        "Training expiring in 30 days" in html
        and "Coverage gaps now" in html
        and "Coverage gaps next shift" in html
    )
    assert "Complaints" in html
