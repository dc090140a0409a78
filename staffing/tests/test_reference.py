"""Reference data: every CSV row loads, and loading twice changes nothing."""

from __future__ import annotations

import csv
from dataclasses import replace
from io import StringIO
from pathlib import Path

import pytest
from django.apps import apps
from django.core.management import call_command

from config.exceptions import DomainError
from staffing.reference import ReferenceTable, as_bool, reference_load, registered_tables

# Each test here loads tables itself, from empty, as `load_reference` does on a new database.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_reference_data")]

SHARED = Path(__file__).resolve().parents[3] / "shared" / "reference"


def test_every_table_is_registered() -> None:
    names = {Path(t.path).name for t in registered_tables()}
    assert names == {
        "ho_offences.csv",
        "ho_offence_codes.csv",
        "ho_outcomes.csv",
        "cancellation_criteria.csv",
        "nsir_codes.csv",
        "forces.csv",
        "complaint_categories.csv",
        "complaint_outcomes.csv",
        "repeat_thresholds.csv",
        "signpost_organisations.csv",
        "rules.csv",
    }


@pytest.mark.parametrize("table", registered_tables(), ids=lambda t: t.model)
def test_every_row_loads(table: ReferenceTable) -> None:
    targets = set(table.foreign_keys.values())
    reference_load(tables=[*(t for t in registered_tables() if t.model in targets), table])
    model = apps.get_model(table.model)
    with table.path.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert model.objects.count() == len(rows)
    for row in rows:
        fields = {table.columns.get(column, column): raw.strip() for column, raw in row.items()}
        converted = {
            table.columns.get(column, column): table.converters.get(column, str.strip)(raw)
            for column, raw in row.items()
        }
        fields.update({name: derive(converted) for name, derive in table.derived.items()})
        obj = model.objects.get(**{k: fields[k] for k in table.key_fields})
        for column, raw in row.items():
            name = table.columns.get(column, column)
            value = getattr(obj, name)
            if name in table.foreign_keys:
                value = value.code
            expected = table.converters.get(column, str.strip)(raw)
            assert value == expected, (table.model, row, name)


def test_offence_codes_load_under_their_class_and_a_repeated_code_keeps_both_offences() -> None:
    reference_load()
    codes = apps.get_model("recording.OffenceCode").objects
    assert codes.get(code="125/12").offence_class.code == "9A"
    assert sorted(codes.filter(code="1/1").values_list("title", flat=True)) == [
        "Genocide or crime against humanity",
        "Murder of a person aged 1 year or over",
    ]


def test_a_new_offence_code_row_loads_without_a_code_change(tmp_path: Path) -> None:
    table = next(t for t in registered_tables() if t.model == "recording.OffenceCode")
    reference_load()
    grown = tmp_path / "ho_offence_codes.csv"
    grown.write_text(
        table.path.read_text()
        + "8/1,8N,Wounding or inflicting grievous bodily harm,Offences against the Person Act 1861 s20,V,"
        "https://example.org/vap\n"
    )
    (result,) = reference_load(tables=[replace(table, path=grown)])
    assert (result.created, result.unchanged) == (1, table.path.read_text().count("\n") - 1)
    row = apps.get_model("recording.OffenceCode").objects.get(code="8/1")
    assert (row.offence_class.code, row.counting) == ("8N", "V")


def test_an_offence_code_under_an_unknown_class_names_its_line_and_stores_nothing(tmp_path: Path) -> None:
    table = next(t for t in registered_tables() if t.model == "recording.OffenceCode")
    reference_load(tables=[t for t in registered_tables() if t.model == "recording.Offence"])
    bad = tmp_path / "ho_offence_codes.csv"
    bad.write_text(
        "ho_code,class_code,title,legislation,counting,source\n"
        "125/9,9A,Causing intentional harassment,Public Order Act 1986 s4A,V,https://example.org/a\n"
        "999/1,ZZ9,Nothing,None,S,https://example.org/b\n"
    )
    with pytest.raises(DomainError, match="line 3, field class_code"):
        reference_load(tables=[replace(table, path=bad)])
    assert not apps.get_model("recording.OffenceCode").objects.exists()


def test_loading_twice_changes_nothing() -> None:
    first = reference_load()
    before = {t.model: apps.get_model(t.model).history.count() for t in registered_tables()}
    second = reference_load()
    after = {t.model: apps.get_model(t.model).history.count() for t in registered_tables()}
    assert all(r.created == 0 and r.updated == 0 for r in second)
    assert [r.total for r in first] == [r.unchanged for r in second]
    assert before == after


def test_a_changed_csv_row_updates_the_table_with_history(tmp_path: Path) -> None:
    table = next(t for t in registered_tables() if t.model == "recording.Offence")
    reference_load(tables=[table])
    text = table.path.read_text().replace("8N,Assault with injury", "8N,Assault with injury (corrected)", 1)
    changed = tmp_path / "ho_offences.csv"
    changed.write_text(text)
    (result,) = reference_load(tables=[ReferenceTable(table.model, changed, converters=table.converters)])
    assert result.updated == 1
    offence = apps.get_model("recording.Offence").objects.get(code="8N")
    assert offence.title.endswith("(corrected)")
    assert "title" in offence.history.first().history_change_reason


def test_a_bad_row_names_its_line_and_field_and_stores_nothing(tmp_path: Path) -> None:
    bad = tmp_path / "nsir.csv"
    bad.write_text(
        "code,title,incident_category,crime_related,hidden_crime_risk\n"
        "A,Alpha,Crime,true,false\n"
        "B,Beta,Crime,perhaps,false\n"
    )
    table = ReferenceTable(
        "recording.NsirCode", bad, converters={"crime_related": as_bool, "hidden_crime_risk": as_bool}
    )
    with pytest.raises(DomainError, match="line 3, field crime_related"):
        reference_load(tables=[table])
    assert not apps.get_model("recording.NsirCode").objects.exists()


def test_the_command_reports_counts() -> None:
    out = StringIO()
    call_command("load_reference", stdout=out)
    assert "recording.Offence: 127 created" in out.getvalue()


# Resolve's own lists, not copies of shared ones: the organisations advisors signpost to (issue 23 part 2)
# and the repeat-subject thresholds (issue 23 part 3).
RESOLVE_OWN = {"signpost_organisations.csv", "repeat_thresholds.csv"}


@pytest.mark.skipif(not SHARED.exists(), reason="shared/ reference folder not beside the checkout")
def test_the_project_copies_match_the_shared_reference() -> None:
    for table in registered_tables():
        if table.model == "staffing.Rule":
            continue  # generated from the domain notes: test_rule_catalogue checks it against them
        if table.path.name in RESOLVE_OWN:
            assert not (SHARED / table.path.name).exists(), table.path.name
            continue
        shared = (SHARED / table.path.name).read_text()
        if table.path.name == "complaint_categories.csv":
            # Brought in line with the IOPC's 2024/25 names and groups (complaint_categories.md, issue 23
            # part 6), with dated columns saying when each applies: every shared code is still there, so
            # a stored allegation keeps a meaning (the migration's mapping is tested in complaints).
            with table.path.open(newline="", encoding="utf-8") as handle:
                ours = {r["code"] for r in csv.DictReader(handle)}
            theirs = {r["code"] for r in csv.DictReader(StringIO(shared))}
            assert theirs <= ours, sorted(theirs - ours)
            continue
        if table.path.name == "complaint_outcomes.csv":
            # The shared rows verbatim, plus Resolve's own outcome for signposting (issue 23 part 2).
            ours_lines = table.path.read_text().splitlines()
            extra = [line for line in ours_lines if line not in shared.splitlines()]
            assert [line.split(",")[0] for line in extra] == ["SIGNPOSTED"]
            assert [line for line in ours_lines if line not in extra] == shared.splitlines()
            continue
        assert table.path.read_text() == shared, table.path.name


def test_an_offence_code_with_an_unknown_marker_names_its_line(tmp_path: Path) -> None:
    table = next(t for t in registered_tables() if t.model == "recording.OffenceCode")
    reference_load(tables=[t for t in registered_tables() if t.model == "recording.Offence"])
    bad = tmp_path / "ho_offence_codes.csv"
    bad.write_text(
        "ho_code,class_code,title,legislation,counting,source\n"
        "125/9,9A,Causing intentional harassment,Public Order Act 1986 s4A,X,https://example.org/a\n"
    )
    with pytest.raises(DomainError, match="line 2, field counting"):
        reference_load(tables=[replace(table, path=bad)])


def test_the_force_directory_derives_its_codes_from_the_verbatim_list() -> None:
    # forces.csv is the shared list unchanged; the directory's code is derived on load (forces.md).
    reference_load(tables=[t for t in registered_tables() if t.model == "recording.Force"])
    forces = apps.get_model("recording.Force").objects
    assert forces.count() == 44
    avon = forces.get(name="Avon and Somerset Constabulary")
    assert (avon.code, avon.iopc_name, avon.territorial) == ("AVONSOMERSET", "Avon & Somerset", True)
    assert forces.get(code="CITYOFLONDON").iopc_name == "City of London (with Action Fraud)"
    railways = forces.filter(territorial=False).values_list("name", flat=True)
    assert list(railways) == ["British Transport Police"]
    codes = list(forces.values_list("code", flat=True))
    assert len(set(codes)) == 44 and all(c.isalpha() and c.isupper() and len(c) <= 12 for c in codes)
