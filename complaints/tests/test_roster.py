"""The roster of officers and staff from CSV (issue 23 part 3): rules case by case, the service all or
nothing, the command and the managers' page on the same path."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.test import Client

from complaints.models import RosterPerson
from complaints.rules.roster import RosterError, roster_parse
from complaints.services.roster import roster_import
from config.exceptions import DomainError

GOOD = "collar_number,name,rank,team\n4521,Sam Reid,PC,Response A\n7001,Dana Shaw,Inspector,Response B\n"
DUPLICATE = GOOD + "4521,Sam Read,PC,Response A\n"


def test_a_duplicate_collar_number_is_named_by_its_row() -> None:
    with pytest.raises(RosterError) as caught:
        roster_parse(DUPLICATE)
    assert caught.value.problems == ["Row 4: collar number 4521 is already on row 2."]


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("collar_number,name,rank\n1,A,PC\n", "Row 1: the header lacks team"),
        ("collar_number,name,rank,team\n,Sam,PC,A\n", "Row 2: collar number is missing."),
        ("collar_number,name,rank,team\n1,,PC,A\n", "Row 2: name is missing."),
        ("collar_number,name,rank,team\n", "The file has no rows after the header."),
        (
            "collar_number,name,rank,team\n1,A,PC,A\n1 ,B,PC,A\n",
            "Row 3: collar number 1 is already on row 2.",
        ),
    ],
)
def test_roster_problems(text: str, problem: str) -> None:
    with pytest.raises(RosterError) as caught:
        roster_parse(text)
    assert caught.value.problems[0].startswith(problem)


def test_columns_in_any_order_and_blank_lines() -> None:
    rows = roster_parse("\ufeffName,Team,Collar Number,Rank\nSam Reid,Response A,4521,PC\n\n")
    assert [(r.row, r.collar_number, r.name, r.rank, r.team) for r in rows] == [
        (2, "4521", "Sam Reid", "PC", "Response A")
    ]


@pytest.mark.django_db
def test_the_import_is_all_or_nothing_and_updates_by_collar_number(make_user: Callable[..., Any]) -> None:
    manager = make_user("manager")
    with pytest.raises(DomainError) as caught:
        roster_import(actor=manager, text=DUPLICATE)
    assert caught.value.field == "file" and "Row 4" in caught.value.message
    assert not RosterPerson.objects.exists()  # nothing half-written
    assert roster_import(actor=manager, text=GOOD) == {"rows": 2, "added": 2, "updated": 0}
    changed = GOOD.replace("Response B", "Response C")
    assert roster_import(actor=manager, text=changed) == {"rows": 2, "added": 0, "updated": 1}
    dana = RosterPerson.objects.get(collar_number="7001")
    assert dana.team_name == "Response C"
    assert dana.history.first().history_change_reason == "Roster import"
    assert dana.history.first().history_user == manager
    with pytest.raises(DomainError):
        roster_import(actor=make_user("advisor"), text=GOOD)


@pytest.mark.django_db
def test_the_command_imports_and_names_the_row(tmp_path: Path) -> None:
    bad, good = tmp_path / "bad.csv", tmp_path / "good.csv"
    bad.write_text(DUPLICATE)
    good.write_text(GOOD)
    with pytest.raises(CommandError, match="Row 4: collar number 4521"):
        call_command("import_roster", str(bad))
    call_command("import_roster", str(good))
    assert RosterPerson.objects.count() == 2


@pytest.mark.django_db
def test_a_manager_uploads_the_roster_on_the_page(client: Client, make_user: Callable[..., Any]) -> None:
    client.force_login(make_user("advisor"))
    assert client.get("/complaints/roster/").status_code == 403
    client.force_login(make_user("manager"))
    refused = client.post("/complaints/roster/", {"file": SimpleUploadedFile("r.csv", DUPLICATE.encode())})
    assert refused.status_code == 400
    assert "Row 4: collar number 4521 is already on row 2." in refused.content.decode()
    assert not RosterPerson.objects.exists()
    done = client.post(
        "/complaints/roster/", {"file": SimpleUploadedFile("r.csv", GOOD.encode())}, follow=True
    )
    assert "Roster imported: 2 rows, 2 added, 0 updated." in done.content.decode()
    assert "Dana Shaw" in done.content.decode()
