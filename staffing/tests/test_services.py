"""Team moves, training, the rota, coverage and allocation against the real database."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.utils import timezone

from config.exceptions import DomainError
from staffing import selectors
from staffing.models import (
    Absence,
    Allocation,
    Shift,
    ShiftAssignment,
    Skill,
    TeamMove,
    TrainingRecord,
    WorkArea,
)
from staffing.services import (
    absence_record,
    allocation_assign,
    allocation_complete,
    allocation_reassign,
    allocation_suggest,
    coverage_requirement_set,
    rota_generate,
    shift_assign,
    training_record_add,
    user_has_skill,
    user_move_team,
    workload_by_person,
)
from staffing.tests.factories import TeamFactory, UserFactory, on_shift_now

pytestmark = pytest.mark.django_db

DDM = Skill.DDM


@pytest.fixture
def team():
    team = TeamFactory(code="RC-A")
    sergeant = UserFactory(username="sgt", role="sergeant", team=team)
    team.sergeant = sergeant
    team.save()
    return team


def inv(team, name, *skills, **kw):
    user = UserFactory(username=name, role="investigator", team=team, **kw)
    on_shift_now(user, skills=skills)
    return user


# ---------------------------------------------------------------- team moves
def test_a_move_is_recorded_with_who_when_and_why(team) -> None:
    other = TeamFactory(code="RC-B")
    person = UserFactory(role="investigator", team=team)
    manager = UserFactory(role="manager")
    move = user_move_team(user=person, to_team=other, actor=manager, reason="Promotion cover")
    person.refresh_from_db()
    assert person.team == other
    assert (move.from_team, move.to_team, move.moved_by, move.reason) == (
        team,
        other,
        manager,
        "Promotion cover",
    )


def test_a_move_into_a_full_team_is_refused_and_nothing_changes(team) -> None:
    full = TeamFactory(code="RC-F", capacity=1)
    UserFactory(role="investigator", team=full)
    person = UserFactory(role="investigator", team=team)
    with pytest.raises(DomainError, match="full") as exc:
        user_move_team(user=person, to_team=full, actor=UserFactory(role="manager"), reason="x")
    assert exc.value.field == "to_team"
    person.refresh_from_db()
    assert person.team == team
    assert not TeamMove.objects.filter(user=person).exists()


def test_a_full_team_still_takes_a_recorder_and_a_sergeant_leaving_stops_leading(team) -> None:
    full = TeamFactory(code="RC-F", capacity=1)
    UserFactory(role="investigator", team=full)
    user_move_team(
        user=UserFactory(role="recorder", team=team), to_team=full, actor=team.sergeant, reason="x"
    )
    user_move_team(user=team.sergeant, to_team=full, actor=UserFactory(role="manager"), reason="Swap")
    team.refresh_from_db()
    full.refresh_from_db()
    assert team.sergeant is None
    assert full.sergeant.username == "sgt"


def test_a_move_needs_a_reason(team) -> None:
    with pytest.raises(DomainError) as exc:
        user_move_team(user=UserFactory(team=team), to_team=None, actor=team.sergeant, reason=" ")
    assert exc.value.field == "reason"


def test_create_user_changing_a_team_records_a_move(team) -> None:
    from staffing.services import user_create_or_update

    other = TeamFactory(code="RC-B")
    user, _ = user_create_or_update(username="mo", role="investigator", team_code="RC-A")
    user_create_or_update(username="mo", role="investigator", team_code="RC-B")
    assert [(m.from_team_id, m.to_team_id) for m in TeamMove.objects.filter(user=user).order_by("pk")] == [
        (None, team.pk),
        (team.pk, other.pk),
    ]


# ---------------------------------------------------------------- training
def test_user_has_skill_only_between_training_and_expiry(team) -> None:
    person = UserFactory(team=team)
    training_record_add(
        user=person,
        skill=DDM,
        trained_on=date(2026, 1, 10),
        expires_on=date(2026, 6, 30),
        actor=team.sergeant,
    )
    assert user_has_skill(person, DDM, on=date(2026, 6, 30))
    assert not user_has_skill(person, DDM, on=date(2026, 7, 1))
    assert not user_has_skill(person, DDM, on=date(2026, 1, 9))
    assert not user_has_skill(person, Skill.THRIVE, on=date(2026, 3, 1))


def test_training_refuses_an_unknown_skill_or_expiry_before_training(team) -> None:
    person = UserFactory(team=team)
    with pytest.raises(DomainError) as exc:
        training_record_add(
            user=person, skill="juggling", trained_on=date(2026, 1, 1), expires_on=None, actor=team.sergeant
        )
    assert exc.value.field == "skill"
    with pytest.raises(DomainError) as exc:
        training_record_add(
            user=person,
            skill=DDM,
            trained_on=date(2026, 1, 1),
            expires_on=date(2025, 1, 1),
            actor=team.sergeant,
        )
    assert exc.value.field == "expires_on"
    assert not TrainingRecord.objects.exists()


def test_expiring_soon_lists_the_next_30_days_for_the_team(team) -> None:
    today = timezone.localdate()
    a = UserFactory(username="a", team=team)
    soon = TrainingRecord.objects.create(
        user=a, skill=DDM, trained_on=today - timedelta(days=300), expires_on=today + timedelta(days=10)
    )
    TrainingRecord.objects.create(
        user=a, skill=Skill.THRIVE, trained_on=today, expires_on=today + timedelta(days=31)
    )
    TrainingRecord.objects.create(
        user=a,
        skill=Skill.AMENDMENTS,
        trained_on=today - timedelta(days=400),
        expires_on=today - timedelta(days=1),
    )
    TrainingRecord.objects.create(
        user=UserFactory(team=TeamFactory(code="X")),
        skill=DDM,
        trained_on=today,
        expires_on=today + timedelta(days=5),
    )
    assert list(selectors.training_expiring(team)) == [soon]


# ---------------------------------------------------------------- rota and coverage
def test_rota_generate_builds_three_shifts_a_day_once(team) -> None:
    shifts = rota_generate(team=team, start=date(2026, 3, 2), days=2, actor=team.sergeant)
    assert [s.kind for s in shifts] == ["early", "late", "night"] * 2
    rota_generate(team=team, start=date(2026, 3, 2), days=2, actor=team.sergeant)
    assert Shift.objects.filter(team=team).count() == 6
    night = shifts[2]
    assert timezone.localtime(night.starts_at).hour == 23 and timezone.localtime(night.ends_at).hour == 7


def test_rota_generate_follows_british_summer_time(team) -> None:
    (early,) = [
        s for s in rota_generate(team=team, start=date(2026, 7, 1), days=1, actor=None) if s.kind == "early"
    ]
    assert early.starts_at.astimezone(timezone.UTC).hour == 6  # 07:00 BST


def test_shift_assign_refuses_overlap_and_other_teams(team) -> None:
    shifts = rota_generate(team=team, start=date(2026, 3, 2), days=1, actor=None)
    person = UserFactory(team=team)
    shift_assign(shift=shifts[0], user=person, actor=team.sergeant)
    with pytest.raises(DomainError, match="already on this shift"):
        shift_assign(shift=shifts[0], user=person, actor=team.sergeant)
    with pytest.raises(DomainError, match="not in team"):
        shift_assign(shift=shifts[1], user=UserFactory(team=TeamFactory(code="Z")), actor=team.sergeant)
    assert ShiftAssignment.objects.count() == 1


def test_on_shift_now_leaves_out_the_absent_and_names_the_next_shift(team) -> None:
    here = inv(team, "here")
    away = inv(team, "away")
    # Off sick for the day the current shift started (yesterday, in the two hours after midnight).
    shift_day = timezone.localdate(timezone.now() - timedelta(hours=2))
    absence_record(
        user=away,
        kind=Absence.Kind.SICKNESS,
        starts_on=shift_day,
        ends_on=timezone.localdate(),
        actor=None,
    )
    later = Shift.objects.create(
        team=team,
        kind="late",
        starts_at=timezone.now() + timedelta(hours=7),
        ends_at=timezone.now() + timedelta(hours=15),
    )
    assert selectors.on_shift_now(team) == [here]
    now, nxt = selectors.now_and_next(team)
    assert [u.username for u in now.people] == ["here"] and [u.username for u in now.absent] == ["away"]
    assert nxt.shift == later


def test_coverage_shows_areas_under_minimum_now_and_next(team) -> None:
    inv(team, "a", Skill.RAPE_REVIEW, Skill.COMPLAINTS)
    inv(team, "b", Skill.RAPE_REVIEW)
    coverage_requirement_set(
        team=team, area=WorkArea.RAPE_REVIEW, skill=Skill.RAPE_REVIEW, minimum=2, actor=None
    )
    coverage_requirement_set(
        team=team, area=WorkArea.COMPLAINTS, skill=Skill.COMPLAINTS, minimum=2, actor=None
    )
    now, nxt = selectors.coverage(team)
    assert [(g.requirement.area, g.have, g.short_by) for g in now.gaps] == [("complaints", 1, 1)]
    assert nxt.shift is None
    assert {g.requirement.area for g in nxt.gaps} == {"complaints", "rape_review"}


# ---------------------------------------------------------------- allocation
def test_the_suggestion_is_the_least_loaded_trained_person_on_shift(team) -> None:
    """R-CANCEL-DDM: DDM work is suggested only to people holding valid DDM training."""
    busy = inv(team, "busy", DDM)
    free = inv(team, "free", DDM)
    inv(team, "untrained")
    off = UserFactory(username="off", role="investigator", team=team)
    on_shift_now(off, skills=(DDM,), hours_before=-10, hours_after=20)  # a shift starting later
    allocation_assign(item=TeamFactory(code="I1"), skill=DDM, weight=3, assignee=busy, actor=team.sergeant)
    suggestion = allocation_suggest(skill=DDM, team=team)
    assert suggestion.user == free
    assert "least open workload" in suggestion.reason
    why = {c.candidate.username: c.why_not for c in suggestion.candidates}
    assert why["untrained"].startswith("no valid")
    assert why["off"] == "not on shift"
    assert {c.candidate.username: c.candidate.load for c in suggestion.candidates}["busy"] == 3


def test_assign_with_no_assignee_accepts_the_suggestion_and_records_why(team) -> None:
    person = inv(team, "p", DDM)
    item = TeamFactory(code="ITEM")
    allocation = allocation_assign(item=item, skill=DDM, weight=2, assignee=None, actor=team.sergeant)
    assert (allocation.assigned_to, allocation.assigned_by, allocation.item) == (person, team.sergeant, item)
    assert "Suggested and accepted by" in allocation.reason
    assert allocation.history.count() == 1


def test_an_item_cannot_have_two_open_allocations(team) -> None:
    inv(team, "p", DDM)
    item = TeamFactory(code="ITEM")
    allocation_assign(item=item, skill=DDM, weight=1, assignee=None, actor=team.sergeant)
    with pytest.raises(DomainError, match="already allocated"):
        allocation_assign(item=item, skill=DDM, weight=1, assignee=None, actor=team.sergeant)
    assert Allocation.objects.count() == 1


def test_an_untrained_or_off_shift_assignee_is_refused_without_a_sergeants_reason(team) -> None:
    """R-CANCEL-DDM: a cancellation decision (skill DDM) never silently reaches someone without valid
    DDM training; only a sergeant's recorded override can do that."""
    untrained = inv(team, "u")
    recorder = UserFactory(role="recorder", team=team)
    item = TeamFactory(code="ITEM")
    with pytest.raises(DomainError, match="no valid") as exc:
        allocation_assign(item=item, skill=DDM, weight=1, assignee=untrained, actor=recorder, reason="please")
    assert exc.value.field == "assignee"
    with pytest.raises(DomainError):
        allocation_assign(item=item, skill=DDM, weight=1, assignee=untrained, actor=team.sergeant)
    assert not Allocation.objects.exists()
    allocation = allocation_assign(
        item=item, skill=DDM, weight=1, assignee=untrained, actor=team.sergeant, reason="Shadowing a DDM"
    )
    assert "over the rule (" in allocation.reason and "Shadowing a DDM" in allocation.reason


def test_nobody_at_capacity_gets_more(team, settings) -> None:
    settings.RESOLVE_ALLOCATION_MAX_LOAD = 4
    person = inv(team, "p", DDM)
    allocation_assign(item=TeamFactory(code="I1"), skill=DDM, weight=3, assignee=None, actor=team.sergeant)
    with pytest.raises(DomainError, match="at capacity"):
        allocation_assign(
            item=TeamFactory(code="I2"), skill=DDM, weight=2, assignee=None, actor=team.sergeant
        )
    assert Allocation.objects.filter(assigned_to=person).count() == 1


def test_reassign_keeps_the_old_allocation_and_moves_the_work(team) -> None:
    first = inv(team, "first", DDM)
    second = inv(team, "second", DDM)
    item = TeamFactory(code="ITEM")
    allocation_assign(item=item, skill=DDM, weight=2, assignee=first, actor=team.sergeant)
    new = allocation_reassign(item=item, assignee=None, actor=team.sergeant, reason="First is in court")
    assert new.assigned_to == second and new.weight == 2 and new.skill == DDM
    assert list(Allocation.objects.order_by("pk").values_list("status", flat=True)) == ["reassigned", "open"]
    assert "Reassigned from" in new.reason


def test_complete_is_for_the_assignee_or_a_supervisor(team) -> None:
    person = inv(team, "p", DDM)
    item = TeamFactory(code="ITEM")
    allocation_assign(item=item, skill=DDM, weight=1, assignee=None, actor=team.sergeant)
    with pytest.raises(DomainError):
        allocation_complete(item=item, actor=UserFactory(role="investigator", team=team))
    done = allocation_complete(item=item, actor=person)
    assert done.status == Allocation.Status.DONE and done.closed_at is not None
    assert workload_by_person(team)[0].load == 0


def test_workload_by_person_sums_open_weights(team) -> None:
    a = inv(team, "a", DDM)
    b = inv(team, "b", DDM)
    allocation_assign(item=TeamFactory(code="I1"), skill=DDM, weight=3, assignee=a, actor=team.sergeant)
    allocation_assign(item=TeamFactory(code="I2"), skill=DDM, weight=2, assignee=a, actor=team.sergeant)
    allocation_assign(item=TeamFactory(code="I3"), skill=DDM, weight=1, assignee=b, actor=team.sergeant)
    rows = [(w.user.username, w.items, w.load) for w in workload_by_person(team)]
    assert rows == [("a", 2, 5), ("b", 1, 1), ("sgt", 0, 0)]


def test_bad_skill_or_weight_names_the_field(team) -> None:
    item = TeamFactory(code="ITEM")
    with pytest.raises(DomainError) as exc:
        allocation_assign(item=item, skill="magic", weight=1, assignee=None, actor=team.sergeant)
    assert exc.value.field == "skill"
    with pytest.raises(DomainError) as exc:
        allocation_assign(item=item, skill=DDM, weight=0, assignee=None, actor=team.sergeant)
    assert exc.value.field == "weight"


def test_rape_review_goes_only_to_someone_trained_in_it(team) -> None:
    """R-RAPE-RECORD: rape review work is suggested only to a trained reviewer, even if busier."""
    trained = inv(team, "reviewer", Skill.RAPE_REVIEW)
    inv(team, "idle")
    allocation_assign(
        item=TeamFactory(code="I1"), skill=Skill.RAPE_REVIEW, weight=5, assignee=trained, actor=team.sergeant
    )
    assert allocation_suggest(skill=Skill.RAPE_REVIEW, team=team).user == trained


def test_expired_training_does_not_count(team) -> None:
    """R-DIP-TEST: a dip-test auditor whose accreditation has lapsed is not suggested."""
    lapsed = inv(team, "lapsed")
    TrainingRecord.objects.create(
        user=lapsed,
        skill=Skill.DIP_TEST_AUDITOR,
        trained_on=timezone.localdate() - timedelta(days=800),
        expires_on=timezone.localdate() - timedelta(days=1),
    )
    suggestion = allocation_suggest(skill=Skill.DIP_TEST_AUDITOR, team=team)
    assert suggestion.user is None and "no valid Dip-test auditor training" in suggestion.reason
