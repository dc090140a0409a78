"""Two sergeants allocating the same item at the same moment, in two threads with their own
connections to the real PostgreSQL database: exactly one allocation is made."""

from __future__ import annotations

import threading

import pytest
from django.db import connection

from config.exceptions import DomainError
from staffing.models import Allocation, Skill
from staffing.services import allocation_assign
from staffing.tests.factories import TeamFactory, UserFactory, on_shift_now


@pytest.mark.parametrize(
    "accept_suggestion", [False, True], ids=["each-picks-someone", "both-accept-suggestion"]
)
@pytest.mark.django_db(transaction=True)
def test_two_sergeants_allocating_one_item_at_once_give_it_to_one_person(accept_suggestion: bool) -> None:
    assert connection.vendor == "postgresql"
    team = TeamFactory(code="RC-A")
    sergeants = [UserFactory(username=f"sgt{i}", role="sergeant", team=team) for i in range(2)]
    people = [UserFactory(username=f"inv{i}", role="investigator", team=team) for i in range(2)]
    for person in people:
        on_shift_now(person, skills=(Skill.DDM,))
    item = TeamFactory(code="WORK-ITEM")
    barrier = threading.Barrier(2)
    results: list[object] = []

    def allocate(sergeant, person) -> None:
        try:
            barrier.wait(timeout=10)
            results.append(
                allocation_assign(item=item, skill=Skill.DDM, weight=1, assignee=person, actor=sergeant)
            )
        except DomainError as exc:
            results.append(exc)
        finally:
            connection.close()

    picks = [None, None] if accept_suggestion else people
    threads = [threading.Thread(target=allocate, args=(s, p)) for s, p in zip(sergeants, picks, strict=True)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    assert len(results) == 2
    made = [r for r in results if isinstance(r, Allocation)]
    refused = [r for r in results if isinstance(r, DomainError)]
    assert len(made) == 1 and len(refused) == 1
    assert "already allocated" in refused[0].message or "just been allocated" in refused[0].message
    assert Allocation.objects.filter(status=Allocation.Status.OPEN).count() == 1
    assert Allocation.objects.get().assigned_to == made[0].assigned_to


@pytest.mark.django_db(transaction=True)
def test_two_items_at_once_cannot_both_take_someones_last_room(settings) -> None:
    """The assignee's row is locked and their load re-checked, so the workload ceiling holds."""
    settings.RESOLVE_ALLOCATION_MAX_LOAD = 3
    team = TeamFactory(code="RC-A")
    sergeants = [UserFactory(username=f"sgt{i}", role="sergeant", team=team) for i in range(2)]
    person = UserFactory(username="only", role="investigator", team=team)
    on_shift_now(person, skills=(Skill.DDM,))
    items = [TeamFactory(code=f"ITEM-{i}") for i in range(2)]
    barrier = threading.Barrier(2)
    results: list[object] = []

    def allocate(sergeant, item) -> None:
        try:
            barrier.wait(timeout=10)
            results.append(
                allocation_assign(item=item, skill=Skill.DDM, weight=2, assignee=person, actor=sergeant)
            )
        except DomainError as exc:
            results.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=allocate, args=pair) for pair in zip(sergeants, items, strict=True)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    assert sorted(type(r).__name__ for r in results) == ["Allocation", "DomainError"]
    assert Allocation.objects.filter(assigned_to=person, status="open").count() == 1


@pytest.mark.django_db(transaction=True)
def test_the_database_itself_refuses_a_second_open_allocation() -> None:
    from django.contrib.contenttypes.models import ContentType
    from django.db import IntegrityError

    team = TeamFactory(code="RC-A")
    person = UserFactory(role="investigator", team=team)
    ct = ContentType.objects.get_for_model(team)
    Allocation.objects.create(
        content_type=ct,
        object_id=team.pk,
        skill=Skill.DDM,
        assigned_to=person,
        assigned_by=person,
        reason="x",
    )
    with pytest.raises(IntegrityError):
        Allocation.objects.create(
            content_type=ct,
            object_id=team.pk,
            skill=Skill.DDM,
            assigned_to=person,
            assigned_by=person,
            reason="y",
        )


@pytest.mark.django_db(transaction=True)
def test_two_moves_at_once_cannot_both_take_a_teams_last_place() -> None:
    """user_move_team locks the team row, so the capacity of investigators holds under a race."""
    from staffing.models import User
    from staffing.services import user_move_team

    target = TeamFactory(code="RC-T", capacity=1)
    home = TeamFactory(code="RC-H")
    manager = UserFactory(username="mgr", role="manager")
    movers = [UserFactory(username=f"mv{i}", role="investigator", team=home) for i in range(2)]
    barrier = threading.Barrier(2)
    results: list[object] = []

    def move(person) -> None:
        try:
            barrier.wait(timeout=10)
            results.append(user_move_team(user=person, to_team=target, actor=manager, reason="Race"))
        except DomainError as exc:
            results.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=move, args=(p,)) for p in movers]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    assert sorted(type(r).__name__ for r in results) == ["DomainError", "TeamMove"]
    assert User.objects.filter(team=target, role="investigator").count() == 1
