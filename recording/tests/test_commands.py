from __future__ import annotations

from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from recording.models import ImportBatch, Incident

pytestmark = pytest.mark.django_db

HEADER = "reference,opened_at,closed_at,nsir_code,grade,summary,location,crime_number\n"


def write(tmp_path: Path, body: str, name: str = "incidents.csv") -> Path:
    path = tmp_path / name
    path.write_text(HEADER + body, encoding="utf-8")
    return path


def test_it_imports_a_good_file(
    reference_data: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(
        tmp_path,
        "XX-1,2026-03-01T02:10:00Z,,CRIME-VIOLENCE,priority,Fight,High St,\n"
        "XX-2,2026-03-01T03:10:00+00:00,2026-03-01T04:00:00Z,ASB-NOISE,scheduled,Noise,Park,\n"
        'XX-3,2026-03-01T05:00:00Z,,CRIME-BURGLARY,immediate,"Shed, broken into",Farm,XX/26/000001\n',
    )
    call_command("import_incidents", str(path))
    assert "3 created, 0 updated" in capsys.readouterr().out
    one = Incident.objects.get(reference="XX-1")
    assert one.crime_related is True and one.crime_number is None
    assert Incident.objects.get(reference="XX-2").crime_related is False
    assert Incident.objects.get(reference="XX-3").summary == "Shed, broken into"
    batch = ImportBatch.objects.get()
    assert (batch.source, batch.rows, batch.created_count, batch.updated_count) == ("csv", 3, 3, 0)
    assert one.import_batch == batch


def test_it_reimports_idempotently_updating_by_reference(
    reference_data: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path, "XX-1,2026-03-01T02:10:00Z,,CRIME-VIOLENCE,priority,Fight,High St,\n")
    call_command("import_incidents", str(path))
    path = write(
        tmp_path,
        "XX-1,2026-03-01T02:10:00Z,2026-03-01T06:00:00Z,CRIME-VIOLENCE,priority,Fight (closed),High St,\n",
    )
    call_command("import_incidents", str(path))
    assert "0 created, 1 updated" in capsys.readouterr().out
    incident = Incident.objects.get()
    assert incident.summary == "Fight (closed)" and incident.closed_at is not None


@pytest.mark.parametrize(
    ("row", "field"),
    [
        ("XX-9,2026-03-01T02:10:00Z,,NOPE,priority,x,y,\n", "nsir_code"),
        ("XX-9,2026-03-01T02:10:00Z,2026-03-01T01:00:00Z,CRIME,priority,x,y,\n", "closed_at"),
        ("XX-9,yesterday,,CRIME,priority,x,y,\n", "opened_at"),
        ("XX-9,2026-03-01T02:10:00Z,,CRIME,urgent,x,y,\n", "grade"),
        (",2026-03-01T02:10:00Z,,CRIME,priority,x,y,\n", "reference"),
    ],
)
def test_it_names_the_bad_line_and_field_and_stores_nothing(
    reference_data: None, tmp_path: Path, row: str, field: str
) -> None:
    path = write(tmp_path, "XX-1,2026-03-01T02:10:00Z,,CRIME-VIOLENCE,priority,Fight,High St,\n" + row)
    with pytest.raises(CommandError) as err:
        call_command("import_incidents", str(path))
    assert f"line 3: {field}:" in str(err.value)
    assert Incident.objects.count() == 0
    assert ImportBatch.objects.count() == 0


def test_a_bad_row_after_many_chunks_rolls_back_everything(reference_data: None, tmp_path: Path) -> None:
    from recording.services import incidents

    good = "".join(
        f"XX-{n},2026-03-01T02:10:00Z,,CRIME,priority,s,l,\n" for n in range(incidents.CHUNK_SIZE + 5)
    )
    path = write(tmp_path, good + "XX-bad,2026-03-01T02:10:00Z,,UNKNOWN,priority,s,l,\n")
    with pytest.raises(CommandError) as err:
        call_command("import_incidents", str(path))
    assert f"line {incidents.CHUNK_SIZE + 7}: nsir_code" in str(err.value)
    assert Incident.objects.count() == 0


def test_it_refuses_a_header_without_required_columns(reference_data: None, tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text("reference,nsir_code\nXX-1,CRIME\n", encoding="utf-8")
    with pytest.raises(CommandError, match="opened_at"):
        call_command("import_incidents", str(path))


def test_the_command_exits_1_with_the_error_on_stderr(
    reference_data: None, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from django.core.management import ManagementUtility, base

    # run_from_argv closes DB connections when it ends; the test transaction still needs its own.
    monkeypatch.setattr(base.connections, "close_all", lambda: None)

    path = write(tmp_path, "XX-1,2026-03-01T02:10:00Z,,NOPE,priority,Fight,High St,\n")
    with pytest.raises(SystemExit) as exc:
        ManagementUtility(["manage.py", "import_incidents", str(path)]).execute()
    assert exc.value.code == 1
    assert "line 2: nsir_code: Unknown NSIR code 'NOPE'." in capsys.readouterr().err
    assert not Incident.objects.exists()
