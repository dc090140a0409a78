"""The allocation glue lives in staffing behind the one registered interface (issue 20, House): apps hand
their items to someone with staffing.services.allocation_give_to and link to the allocation screen with
staffing.selectors.allocation_page_url_for, both reading the skill and weight the app registered
(config.registry.WorkKind); a flag's assignee has one writer, qa's registered callback."""

from __future__ import annotations

from typing import Any

import pytest

from config.exceptions import DomainError
from config.registry import work_kind_for
from qa.models import UnrecordedFlag
from qa.services import flags
from qa.services.sweep import sweep_unrecorded
from qa.tests.factories import make_incident
from recording.models import Crime
from recording.tests.factories import CrimeFactory
from staffing.models import Skill, Team
from staffing.selectors import allocation_page_url_for
from staffing.services import allocation_give_to
from staffing.tests.factories import TeamFactory, on_shift_now

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("reference_data")]


@pytest.fixture
def team() -> Any:
    return TeamFactory(code="GLU")


def test_it_gives_an_item_with_the_skill_and_weight_its_app_registered(make_user: Any, team: Any) -> None:
    investigator = make_user("investigator", team=team)
    on_shift_now(investigator, skills=(Skill.RECORDING_DECISIONS,))
    crime = CrimeFactory.create()
    given = allocation_give_to(item=crime, assignee=investigator, actor=make_user("sergeant", team=team))
    kind = work_kind_for(Crime)
    assert kind is not None and (given.skill, given.weight) == (kind.skill, kind.weight)
    crime.refresh_from_db()
    assert crime.owner == investigator  # recording's registered callback wrote the owner


def test_it_refuses_what_no_app_registered_as_work(make_user: Any, team: Any) -> None:
    with pytest.raises(DomainError) as err:
        allocation_give_to(item=team, assignee=make_user("investigator"), actor=make_user("manager"))
    assert err.value.field == "item"
    with pytest.raises(DomainError):
        allocation_page_url_for(Team.objects.get(pk=team.pk))


def test_the_allocation_screen_link_carries_the_registered_skill_and_weight() -> None:
    crime = CrimeFactory.create()
    assert allocation_page_url_for(crime).endswith(f"?skill={Skill.RECORDING_DECISIONS}&weight=2")


def test_a_flags_assignee_is_written_once_by_the_registered_callback(make_user: Any, team: Any) -> None:
    make_incident()
    sweep_unrecorded()
    flag = UnrecordedFlag.objects.get()
    before = flag.history.count()  # type: ignore[attr-defined]
    investigator = make_user("investigator", team=team)
    on_shift_now(investigator, skills=(Skill.UNRECORDED_FLAGS,))
    done = flags.flag_assign(
        flag_id=flag.pk, investigator=investigator, actor=make_user("sergeant", team=team)
    )
    assert done.assigned_to == investigator
    rows = list(flag.history.all()[: flag.history.count() - before])  # type: ignore[attr-defined]
    assert len(rows) == 1 and rows[0].history_change_reason.startswith(f"Allocated to {investigator}")


def test_every_hook_an_app_registers_is_documented_in_the_registry() -> None:
    """Each attribute an app's AppConfig adds to Django's (a hook config.registry or staffing reads by
    walking the app registry) is named in config.registry's list of hooks, so none is found only by
    reading every app."""
    from django.apps import AppConfig, apps

    import config.registry

    documented = config.registry.__doc__ or ""
    django_own = {*dir(AppConfig), "name", "label", "verbose_name", "path", "default_auto_field"}
    hooks = {
        (app.label, name)
        for app in apps.get_app_configs()
        if app.label in {"staffing", "recording", "complaints", "qa"}
        for name in vars(type(app))
        if not name.startswith("_") and name not in django_own
    }
    assert {name for _label, name in hooks} >= {"work_kinds", "work_queues", "record_kinds"}
    assert sorted(h for h in hooks if h[1] not in documented) == []
