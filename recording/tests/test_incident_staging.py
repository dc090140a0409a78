"""The feed's staged path on PostgreSQL (recording.services.incidents.staging and check_move): it stores
what the Python path would store, and names a bad row in the Python path's words, whichever road a row
takes."""

from __future__ import annotations

import random
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import DataError, connection, transaction
from django.test.utils import CaptureQueriesContext

from recording.models import ImportBatch, Incident
from recording.services import incidents
from recording.services.incidents import check_move, rows, staging

HEADER = "reference,opened_at,closed_at,nsir_code,grade,summary,location,crime_number\n"


def write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "incidents.csv"
    path.write_text(HEADER + body, encoding="utf-8")
    return path


# ---------------------------------------------------------------- which CSV PostgreSQL reads as Python does
@pytest.mark.parametrize(
    ("body", "agrees"),
    [
        (b'a,b\n1,"x, y"\n2,"say ""hi"""\n3,""\n', True),
        (b'a,b\n1,"two\nlines"\n', True),
        (b"a,b\n1,2", True),
        (b'a,b\n1,ab"c\n', False),  # a quote inside an unquoted field: Python keeps it, PostgreSQL quotes
        (b'a,b\n1,"ab"c\n', False),  # text after a closing quote: Python refuses, PostgreSQL reads on
        (b'a,b\n1, "ab"\n', False),  # a space before the opening quote
        (b'a,b\n1,"ab\n', False),  # an unterminated quote
        (b"a\n\\.\nb\n", False),  # PostgreSQL's end-of-data line
        (b"a,b\n1,\x002\n", False),
    ],
)
def test_csv_agrees_only_where_both_readers_read_the_same(body: bytes, agrees: bool) -> None:
    assert staging.csv_agrees(body) is agrees


def test_a_quote_inside_a_field_is_stored_as_python_reads_it(reference_data: None, tmp_path: Path) -> None:
    path = write(tmp_path, 'XX-1,2026-03-01T02:10:00Z,,CRIME-VIOLENCE,priority,He said "stop",High St,\n')
    call_command("import_incidents", str(path))
    assert Incident.objects.get().summary == 'He said "stop"'


def test_the_staged_csv_names_the_line_of_a_bad_row_after_a_multi_line_field(
    reference_data: None, tmp_path: Path
) -> None:
    path = write(
        tmp_path,
        'XX-1,2026-03-01T02:10:00Z,,CRIME-VIOLENCE,priority,"Fight,\nthen more",High St,\n'
        "XX-2,2026-03-01T02:10:00Z,,CRIME-VIOLENCE,urgent,Fight,High St,\n",
    )
    with pytest.raises(CommandError) as err:
        call_command("import_incidents", str(path))
    assert "line 4: grade: 'urgent' is not a valid choice" in str(err.value)
    assert not Incident.objects.exists() and not ImportBatch.objects.exists()


def test_unusual_good_forms_are_stored_as_python_reads_them(reference_data: None, tmp_path: Path) -> None:
    """Times SQL does not read itself (an hours-only offset, seven decimals) and text padded with a
    no-break space go to incident_row_clean and are stored in its values."""
    path = write(
        tmp_path,
        "XX-1,2026-03-01T02:10:00+01,,CRIME-VIOLENCE,priority,Fight,\u00a0High St\u00a0,\n"
        "XX-2,2026-03-01T02:10:00.1234567Z,,CRIME-VIOLENCE, priority ,Fight,High St,\n",
    )
    call_command("import_incidents", str(path))
    one, two = Incident.objects.order_by("reference")
    assert one.opened_at == datetime(2026, 3, 1, 1, 10, tzinfo=UTC) and one.location == "High St"
    assert two.opened_at == datetime(2026, 3, 1, 2, 10, 0, 123456, tzinfo=UTC) and two.grade == "priority"


def test_a_reference_repeated_in_a_file_is_stored_once_the_last_copy_winning(
    reference_data: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(
        tmp_path,
        "XX-1,2026-03-01T02:10:00Z,,CRIME-VIOLENCE,priority,first,High St,\n"
        "XX-1,2026-03-01T02:10:00Z,,CRIME-VIOLENCE,priority,second,High St,\n",
    )
    call_command("import_incidents", str(path))
    assert "1 created, 1 updated" in capsys.readouterr().out
    assert Incident.objects.get().summary == "second"


def row(ref: str, **kw: Any) -> dict[str, Any]:
    return {"reference": ref, "opened_at": "2026-03-01T02:10:00Z", "nsir_code": "CRIME-THEFT", **kw}


def test_a_value_that_is_not_a_string_is_read_as_python_writes_it(reference_data: None) -> None:
    result = incidents.incidents_upsert(rows=enumerate([row(12345)]), actor=None, source="api")  # type: ignore[arg-type]
    assert result.created == 1 and Incident.objects.filter(reference="12345").exists()
    with pytest.raises(incidents.IncidentFeedErrors) as err:
        incidents.incidents_upsert(
            rows=enumerate([row("A"), row("B", grade=True)]),
            actor=None,
            source="api",
            collect_all_errors=True,
        )
    assert err.value.as_dict()["incidents"]["1"]["grade"][0].startswith("'True' is not a valid choice")


def test_the_feed_lists_every_bad_row_in_python_s_words(reference_data: None) -> None:
    with pytest.raises(incidents.IncidentFeedErrors) as err:
        incidents.incidents_upsert(
            rows=enumerate([row("A", opened_at="yesterday"), row("B"), row("", nsir_code="NOPE")]),
            actor=None,
            source="api",
            collect_all_errors=True,
        )
    errors = err.value.as_dict()["incidents"]
    assert list(errors) == ["0", "2"]
    assert errors["0"] == {"opened_at": ["'yesterday' is not an ISO-8601 time (e.g. 2026-03-01T02:10:00Z)."]}
    assert errors["2"] == {
        "reference": ["This field is required."],
        "nsir_code": ["Unknown NSIR code 'NOPE'."],
    }
    assert not Incident.objects.exists()


# ---------------------------------------------------------------- the time check against Python's reading
def _times(count: int) -> list[str]:
    rng = random.Random(24)  # noqa: S311 - varied test input, not a secret

    def pick(good: list[str], bad: list[str]) -> str:
        return rng.choice(good) if rng.random() < 0.85 else rng.choice(bad)

    found: set[str] = set()
    while len(found) < count:
        seconds = pick(["", ":00", ":59"], [":60", ":5"])
        found.add(
            pick(["2026", "1900", "2100", "2000"], ["1899", "2101", "0000", "20x6"])
            + "-"
            + pick(["01", "02", "04", "12"], ["13", "00", "1"])
            + "-"
            + pick(["01", "28", "29", "30", "31"], ["32", "00"])
            + pick(["T", " "], ["t", "_"])
            + pick(["00", "23"], ["24", "2"])
            + ":"
            + pick(["00", "59"], ["60"])
            + seconds
            + (pick(["", ".1", ".123456"], [".1234567", "."]) if seconds else "")
            + pick(["Z", "+00:00", "-15:59", "+05:30"], ["+16:00", "+01", "", "z", "+14:60", "+01:00:30"])
        )
    return sorted(found)


@pytest.mark.django_db
def test_every_time_sql_reads_python_reads_as_the_same_instant() -> None:
    """The check passes a time only if datetime.fromisoformat (with the feed's own rules) reads it and
    PostgreSQL reads the same instant; the sample holds bad forms, so the check has something to refuse."""
    times = _times(3000)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT c, c::timestamptz FROM unnest(%(times)s::text[]) AS c WHERE {check_move._time_ok('c')}",
            check_move._params(times=times),
        )
        read = dict(cursor.fetchall())
    assert 500 < len(read) < len(times)
    for text, instant in read.items():
        errors: dict[str, list[str]] = {}
        assert rows._when(text, "opened_at", errors, required=True) == instant, (text, errors)


# ---------------------------------------------------------------- the rows taken as they are
@pytest.mark.parametrize(
    ("changes", "as_is"),
    [
        ({}, True),
        ({"closed_at": None, "crime_number": None}, True),
        ({"closed_at": ""}, True),
        ({"closed_at": "2026-03-01 03:00:00.5+01:00"}, True),
        ({"grade": 5}, False),  # not a string: Python writes it its own way
        ({"summary": " Theft"}, False),  # white space to trim, at either end, of any kind
        ({"location": "High St\u3000"}, False),
        ({"summary": "\ud800"}, False),  # a lone surrogate
        ({"opened_at": None}, False),
        ({"opened_at": "2026-03-01T02:10:00"}, False),  # no offset
        ({"closed_at": "2026-03-01T24:00:00Z"}, False),  # PostgreSQL reads midnight, Python refuses
        ({"opened_at": "2026-03-01T02:10:60Z"}, False),  # PostgreSQL reads a leap second
        ({"opened_at": "1899-12-31T23:00:00Z"}, False),  # outside the bounds
        ({"closed_at": "2101-01-01T00:00:00Z"}, False),
    ],
)
def test_reads_as_is_passes_only_rows_sql_may_take_as_they_are(changes: dict[str, Any], as_is: bool) -> None:
    rows = [row("A"), {**row("B"), "summary": "Bicycle", **changes}]
    assert staging.reads_as_is(rows) is as_is


@pytest.mark.django_db
def test_a_time_taken_as_is_is_read_by_postgresql_as_python_reads_it_or_refused() -> None:
    """reads_as_is looks at a time's shape and clock; PostgreSQL's cast refuses the rest of what Python
    refuses (month 13, 31 April), and an offset it cannot hold (16 hours), which sends the rows the longer
    way; what it reads, it reads as the same instant Python reads."""
    passed = [text for text in _times(3000) if staging.reads_as_is([row("A", opened_at=text)])]
    assert 500 < len(passed) < 3000
    refused = 0
    for text in passed:
        errors: dict[str, list[str]] = {}
        expected = rows._when(text, "opened_at", errors, required=True)
        try:
            with transaction.atomic(), connection.cursor() as cursor:
                cursor.execute("SELECT %s::timestamptz", [text])
                read = cursor.fetchone()[0]
        except DataError:  # the longer way then decides, in Python
            refused += 1
            continue
        assert read == expected, (text, errors)
    assert refused  # the sample holds such dates, so the cast has something to refuse


def test_a_feed_taken_as_is_stores_what_the_longer_way_stores(reference_data: None) -> None:
    rows = [row(f"R{i}", closed_at="2026-03-01 04:00:00.5+01:00", summary="Bicycle") for i in range(3)]
    assert staging.reads_as_is(rows)
    with CaptureQueriesContext(connection) as taken_as_is:
        incidents.incidents_upsert(rows=enumerate(rows), actor=None, source="api")
    assert not any(staging.STAGED in query["sql"] for query in taken_as_is.captured_queries)
    taken = list(Incident.objects.order_by("reference").values_list(*incidents.CLEAN_FIELDS))
    Incident.objects.all().delete()
    incidents.incidents_upsert(
        rows=enumerate([{**r, "summary": " Bicycle "} for r in rows]), actor=None, source="api"
    )
    assert list(Incident.objects.order_by("reference").values_list(*incidents.CLEAN_FIELDS)) == taken


@pytest.mark.parametrize(
    ("line", "as_is"),
    [
        ("XX-2,2026-03-01T02:10:00Z,,CRIME-THEFT,priority,Bicycle,High St,", True),
        ('XX-2,2026-03-01 02:10:00.5+01:00,2026-03-01T03:00Z,CRIME-THEFT,,"Bike, red",High St,', True),
        ('XX-2,2026-03-01T02:10:00Z,,CRIME-THEFT,priority," Bicycle",High St,', False),  # quoted space
        ("XX-2,2026-03-01T02:10:00Z,,CRIME-THEFT,priority,Bicycle,High St\u00a0,", False),
        ("XX-2,2026-03-01T02:10:00,,CRIME-THEFT,priority,Bicycle,High St,", False),  # no offset
        ("XX-2,2026-03-01T02:10:00Z,2026-03-01T24:00:00Z,CRIME-THEFT,,Bicycle,High St,", False),
        ("XX-2,2026-03-01T02:10:00Z,,CRIME-THEFT,priority,Bicycle,High St", False),  # a value short
    ],
)
def test_csv_as_is_passes_only_files_sql_may_take_as_they_are(line: str, as_is: bool) -> None:
    first = "XX-1,2026-03-01T02:10:00Z,,CRIME-THEFT,priority,Theft,High St,\n"
    data = (HEADER + first + line + "\n").encode()
    try:
        chunks = list(staging.csv_as_is(data, HEADER.strip().split(",")))
    except staging.NotAsIs:
        chunks = []
    assert bool(chunks) is as_is


def test_a_csv_taken_as_is_stores_what_the_longer_way_stores(reference_data: None, tmp_path: Path) -> None:
    body = "".join(
        f'XX-{i},2026-03-01 02:10:00.5+01:00,2026-03-01T04:00:00Z,CRIME-THEFT,,"Bike,\tred\\",High St,\n'
        for i in range(3)
    )
    path = write(tmp_path, body)
    [chunk] = staging.csv_as_is(path.read_bytes(), HEADER.strip().split(","))
    assert chunk["reference"] == ["XX-0", "XX-1", "XX-2"] and chunk["narrative"] == [None] * 3
    with CaptureQueriesContext(connection) as taken_as_is:
        call_command("import_incidents", str(path))
    assert not any(staging.STAGED in query["sql"] for query in taken_as_is.captured_queries)
    taken = list(Incident.objects.order_by("reference").values_list(*incidents.CLEAN_FIELDS))
    assert taken[0][6] == "Bike,\tred\\"
    Incident.objects.all().delete()
    call_command("import_incidents", str(write(tmp_path, body.replace('"Bike,', '" Bike,'))))
    assert list(Incident.objects.order_by("reference").values_list(*incidents.CLEAN_FIELDS)) == taken
