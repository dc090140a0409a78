"""Two people editing the same record: the second is told, nothing is silently overwritten (issue 10
part 5). config.concurrency.save_with_version, exercised on staffing.Team (which carries `version`)."""

from __future__ import annotations

import threading
import time

import pytest
from django.db import connection, transaction

from config.concurrency import STALE_MESSAGE, save_with_version
from config.exceptions import DomainError
from staffing.models import Team
from staffing.tests.factories import TeamFactory


@pytest.mark.django_db
def test_a_save_with_the_current_version_succeeds_bumps_the_version_and_is_audited() -> None:
    team = TeamFactory.create(code="RC-A", name="Alpha")
    assert team.version == 1
    team.name = "Alpha North"
    team._change_reason = "Renamed after the restructure"
    save_with_version(team, expected_version=1, fields=["name"])
    stored = Team.objects.get(pk=team.pk)
    assert (stored.name, stored.version) == ("Alpha North", 2)
    latest = stored.history.latest()
    assert (latest.name, latest.version, latest.history_change_reason) == (
        "Alpha North",
        2,
        "Renamed after the restructure",
    )


@pytest.mark.django_db
def test_the_second_editor_is_told_and_the_first_edit_stands() -> None:
    team = TeamFactory.create(code="RC-B", name="Bravo", capacity=11)
    first = Team.objects.get(pk=team.pk)
    second = Team.objects.get(pk=team.pk)  # both opened the record at version 1
    first.name = "Bravo East"
    save_with_version(first, expected_version=1, fields=["name"])
    second.capacity = 9
    history_before = team.history.count()
    with pytest.raises(DomainError) as refused:
        save_with_version(second, expected_version=1, fields=["capacity"])
    assert refused.value.as_dict() == {"version": [STALE_MESSAGE]}
    stored = Team.objects.get(pk=team.pk)
    assert (stored.name, stored.capacity, stored.version) == ("Bravo East", 11, 2)
    assert team.history.count() == history_before


@pytest.mark.django_db
def test_a_record_deleted_meanwhile_is_reported_as_changed() -> None:
    team = TeamFactory.create(code="RC-C")
    Team.objects.filter(pk=team.pk).delete()
    with pytest.raises(DomainError):
        save_with_version(team, expected_version=1, fields=["name"])


@pytest.mark.django_db(transaction=True)
def test_two_simultaneous_saves_of_the_same_version_let_exactly_one_through() -> None:
    team = TeamFactory.create(code="RC-D", name="Delta")
    first_saved = threading.Event()
    outcomes: dict[str, str] = {}

    def editor(label: str, name: str, wait_for: threading.Event | None) -> None:
        try:
            if wait_for is not None:
                wait_for.wait(10)
            with transaction.atomic():
                mine = Team.objects.get(pk=team.pk)
                mine.name = name
                try:
                    save_with_version(mine, expected_version=1, fields=["name"])
                    outcomes[label] = "saved"
                except DomainError:
                    outcomes[label] = "refused"
                if wait_for is None:
                    first_saved.set()
                    time.sleep(0.5)  # hold the row lock while the other editor tries
        finally:
            connection.close()

    a = threading.Thread(target=editor, args=("a", "Delta A", None))
    b = threading.Thread(target=editor, args=("b", "Delta B", first_saved))
    a.start()
    b.start()
    a.join(20)
    b.join(20)
    assert outcomes == {"a": "saved", "b": "refused"}
    stored = Team.objects.get(pk=team.pk)
    assert (stored.name, stored.version) == ("Delta A", 2)
