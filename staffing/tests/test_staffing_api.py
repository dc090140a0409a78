"""The staffing API under /api/v1/staffing/: skills, training, rota, on-shift, coverage, allocation
(suggest / assign / reassign / complete) and workload."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from recording.tests.factories import CrimeFactory
from staffing.models import Allocation, Skill, TrainingRecord, WorkArea
from staffing.services import allocation_assign, coverage_requirement_set, rota_generate
from staffing.tests.factories import TeamFactory, UserFactory, on_shift_now

pytestmark = pytest.mark.django_db


@pytest.fixture
def team():
    return TeamFactory(code="RC-A")


@pytest.fixture
def sgt(api_as: Callable[..., Any], team):
    client = api_as("sergeant", team=team)
    team.sergeant = client.user
    team.save()
    return client


def crew(team, n: int, *skills: str) -> list:
    people = [UserFactory(username=f"inv{i}", role="investigator", team=team) for i in range(n)]
    for person in people:
        on_shift_now(person, skills=skills)
    return people


def test_skills_are_listed_for_everyone(api_as: Callable[..., Any]) -> None:
    body = api_as("recorder").get("/api/v1/staffing/skills/").json()
    assert {"code": "ddm", "label": "Designated decision maker (DDM)"} in body
    assert len(body) == len(Skill.values)


def test_staffing_endpoints_need_credentials_and_a_supervisor_role(
    api_client, api_as: Callable[..., Any]
) -> None:
    assert api_client.get("/api/v1/staffing/workload/").status_code == 401
    assert api_as("investigator").get("/api/v1/staffing/workload/").status_code == 403


def test_training_list_expiring_and_create(sgt, team, django_assert_num_queries) -> None:
    today = timezone.localdate()
    for person in crew(team, 4):
        TrainingRecord.objects.create(
            user=person,
            skill=Skill.DDM,
            trained_on=today - timedelta(days=90),
            expires_on=today + timedelta(days=5),
        )
    with django_assert_num_queries(4):  # token, user's team, count, page
        body = sgt.get("/api/v1/staffing/training/?expiring=true").json()
    assert body["count"] == 4
    created = sgt.post(
        "/api/v1/staffing/training/",
        {"user": "inv0", "skill": "thrive", "trained_on": today.isoformat(), "expires_on": None},
        format="json",
    )
    assert created.status_code == 201 and created.json()["skill"] == "thrive"
    bad = sgt.post(
        "/api/v1/staffing/training/", {"user": "inv0", "skill": "magic", "trained_on": "x"}, format="json"
    )
    assert bad.status_code == 400 and set(bad.json()) == {"skill", "trained_on"}


def test_rota_and_on_shift(sgt, team, django_assert_num_queries) -> None:
    crew(team, 3, Skill.DDM)
    body = sgt.get("/api/v1/staffing/on-shift/").json()
    assert [p["username"] for p in body["now"]["people"]] == ["inv0", "inv1", "inv2"]
    assert body["next"] is None
    began = timezone.localdate(team.shifts.get().starts_at)
    another = rota_generate(team=team, start=began + timedelta(days=1), days=1, actor=None)
    # key with its user, the team asked for, the shifts with their team, their people: however many
    # shifts (here the crew's and the next day's three).
    with django_assert_num_queries(4):
        shifts = sgt.get(f"/api/v1/staffing/rota/?from={began.isoformat()}&days=2").json()
    assert [sorted(s["people"]) for s in shifts] == [["inv0", "inv1", "inv2"], [], [], []]
    assert [s["id"] for s in shifts[1:]] == [s.pk for s in another]
    assert sgt.get("/api/v1/staffing/rota/?days=99").json() == {"days": ["Between 1 and 31 days."]}
    assert sgt.get("/api/v1/staffing/on-shift/?team=NOPE").status_code == 400


def test_coverage_reports_gaps(sgt, team) -> None:
    crew(team, 1, Skill.RAPE_REVIEW)
    coverage_requirement_set(
        team=team, area=WorkArea.RAPE_REVIEW, skill=Skill.RAPE_REVIEW, minimum=2, actor=None
    )
    body = sgt.get("/api/v1/staffing/coverage/").json()
    assert body["now"]["gaps"] == [
        {"area": "rape_review", "skill": "rape_review", "minimum": 2, "have": 1, "short_by": 1}
    ]
    assert body["next"]["shift_kind"] is None and len(body["next"]["gaps"]) == 1


def test_suggest_assign_reassign_complete_through_the_api(sgt, team) -> None:
    crew(team, 2, Skill.DDM)
    item = CrimeFactory()
    suggestion = sgt.get("/api/v1/staffing/allocations/suggest/?skill=ddm&weight=2").json()
    assert suggestion["user"] == "inv0" and "least open workload" in suggestion["reason"]
    assert {c["username"] for c in suggestion["candidates"]} >= {"inv0", "inv1"}
    payload = {"item_type": "recording.crime", "item_id": item.pk, "skill": "ddm", "weight": 2}
    assigned = sgt.post("/api/v1/staffing/allocations/assign/", payload, format="json")
    assert assigned.status_code == 201 and assigned.json()["assigned_to"] == "inv0"
    again = sgt.post("/api/v1/staffing/allocations/assign/", payload, format="json")
    assert again.status_code == 400 and "already allocated" in again.json()["item"][0]
    moved = sgt.post(
        "/api/v1/staffing/allocations/reassign/",
        {"item_type": "recording.crime", "item_id": item.pk, "reason": "Court"},
        format="json",
    )
    assert moved.status_code == 201 and moved.json()["assigned_to"] == "inv1" and moved.json()["weight"] == 2
    done = sgt.post(
        "/api/v1/staffing/allocations/complete/",
        {"item_type": "recording.crime", "item_id": item.pk},
        format="json",
    )
    assert done.json()["status"] == "done"
    assert list(Allocation.objects.order_by("pk").values_list("status", flat=True)) == ["reassigned", "done"]


def test_assign_bad_input_names_the_field_and_stores_nothing(sgt, team) -> None:
    item = CrimeFactory()
    bad_type = sgt.post(
        "/api/v1/staffing/allocations/assign/",
        {"item_type": "auth.user", "item_id": 1, "skill": "ddm"},
        format="json",
    )
    assert bad_type.status_code == 400 and "item_type" in bad_type.json()
    nobody = sgt.post(
        "/api/v1/staffing/allocations/assign/",
        {"item_type": "recording.crime", "item_id": item.pk, "skill": "ddm"},
        format="json",
    )
    assert nobody.status_code == 400 and nobody.json()["assignee"][0].startswith("Nobody")
    unknown = sgt.post(
        "/api/v1/staffing/allocations/assign/",
        {"item_type": "recording.crime", "item_id": item.pk, "skill": "ddm", "assignee": "ghost"},
        format="json",
    )
    assert unknown.status_code == 400 and "assignee" in unknown.json()
    assert not Allocation.objects.exists()


def test_workload_query_count_does_not_grow_with_people(sgt, team, django_assert_num_queries) -> None:
    people = crew(team, 6, Skill.DDM)
    for i, person in enumerate(people):
        allocation_assign(
            item=TeamFactory(code=f"I{i}"), skill=Skill.DDM, weight=i + 1, assignee=person, actor=sgt.user
        )
    with django_assert_num_queries(3):  # token, team, people with their loads
        rows = sgt.get("/api/v1/staffing/workload/").json()
    assert [(r["username"], r["items"], r["load"]) for r in rows][:2] == [("inv5", 1, 6), ("inv4", 1, 5)]


def test_an_investigator_completes_their_own_allocation(api_as: Callable[..., Any], team) -> None:
    client = api_as("investigator", team=team)
    on_shift_now(client.user, skills=(Skill.AMENDMENTS,))
    item = CrimeFactory()
    allocation_assign(
        item=item, skill=Skill.AMENDMENTS, weight=1, assignee=client.user, actor=UserFactory(role="sergeant")
    )
    response = client.post(
        "/api/v1/staffing/allocations/complete/",
        {"item_type": "recording.crime", "item_id": item.pk},
        format="json",
    )
    assert response.status_code == 200 and response.json()["status"] == "done"
