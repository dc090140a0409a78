"""The incident feed on PostgreSQL, its checking and moving statements (sections 2 and 3; section 1, the
staging, is in recording.services.incidents.staging, whose docstring tells the whole road): check the
staged rows in SQL, sending the rows it cannot pass to incident_row_clean, and move them into the
incident table (`insert_new`, `moved`, and the rows for the feed's merging statement); and rows as they
are by COPY (`copy_as_is`, step 0). Apart from staging because the two halves share only the staged
table's shape."""

from __future__ import annotations

import io
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from itertools import chain, repeat
from typing import Any

from django.db import IntegrityError, connection, transaction
from psycopg2.extras import execute_values

from config import fields as bounded
from config.inputs import MAX_TEXT
from recording.models import Crime, Grade, Incident, NsirCode
from recording.services.incidents.rows import IncidentRowError
from recording.services.incidents.staging import (
    RAW_FIELDS,
    STAGED,
    TIME_SHAPES,
    WHITE_SPACE,
    canonical_time,
    copy_text,
)


# ---------------------------------------------------------------- 2. check
def _trimmed() -> str:
    """The staged rows, their text trimmed as str.strip() trims it (OFFSET 0: trimmed once per row)."""
    texts = ", ".join(f"btrim(coalesce({name}, ''), %(ws)s) AS {name}" for name in RAW_FIELDS)
    return f"(SELECT pos, plain, {texts} FROM {STAGED} s OFFSET 0)"  # noqa: S608 - constants


def _time_ok(c: str) -> str:
    """SQL: the text `c` is a time the check reads. Never raises: its shape is known (every digit where a
    digit must be) before any part of it is cast, and the date is built only for days past the 28th."""
    return f"""(CASE WHEN translate({c}, '0123456789 ', '0000000000T') = ANY(%(shapes)s)
        AND substr({c}, 1, 4) BETWEEN %(earliest)s AND %(latest)s
        AND substr({c}, 6, 2) BETWEEN '01' AND '12' AND substr({c}, 9, 2) BETWEEN '01' AND '31'
        AND substr({c}, 12, 2) <= '23' AND substr({c}, 15, 2) <= '59'
        AND (substr({c}, 17, 1) <> ':' OR substr({c}, 18, 2) <= '59')
        AND (right({c}, 1) = 'Z' OR (left(right({c}, 5), 2) <= '15' AND right({c}, 2) <= '59'))
      THEN substr({c}, 9, 2) <= '28' OR extract(month FROM make_date(substr({c}, 1, 4)::int,
           substr({c}, 6, 2)::int, 1) + (substr({c}, 9, 2)::int - 1)) = substr({c}, 6, 2)::int
      ELSE false END)"""


def _typed() -> str:
    """The staged rows with their NSIR code and `ok`: the row passes every check incident_row_clean
    makes. CASE takes its branches in order, so no cast meets text that did not match."""
    nsir = NsirCode._meta.db_table
    ok = f"""CASE
        WHEN NOT t.plain THEN false
        WHEN t.reference = '' OR char_length(t.reference) > 40 THEN false
        WHEN NOT {_time_ok("t.opened_at")} THEN false
        WHEN t.closed_at <> '' AND NOT {_time_ok("t.closed_at")} THEN false
        WHEN t.closed_at <> '' AND t.closed_at::timestamptz < t.opened_at::timestamptz THEN false
        WHEN n.id IS NULL THEN false
        WHEN t.grade <> ALL(%(grades)s) THEN false
        WHEN char_length(t.location) > 300 OR char_length(t.crime_number) > 40 THEN false
        WHEN char_length(t.summary) > %(max_text)s OR char_length(t.narrative) > %(max_text)s THEN false
        ELSE true END"""
    return (
        f"(SELECT t.*, n.id AS nsir_code_id, n.crime_related, {ok} AS ok "  # noqa: S608 - constants
        f"FROM {_trimmed()} t LEFT JOIN {nsir} n ON n.code = t.nsir_code)"
    )


def _params(**more: Any) -> dict[str, Any]:
    return {
        "ws": WHITE_SPACE,
        "shapes": TIME_SHAPES,
        "earliest": f"{bounded.EARLIEST.year:04d}",
        "latest": f"{bounded.LATEST.year:04d}",
        "grades": ["", *Grade.values],
        "max_text": MAX_TEXT,
        **more,
    }


def _suspects(cursor: Any, only: list[int] | None = None) -> tuple[list[int], int, int]:
    where = "WHERE pos = ANY(%(only)s)" if only is not None else ""
    cursor.execute(
        f"""SELECT coalesce(array_agg(pos ORDER BY pos) FILTER (WHERE NOT ok), '{{}}'), count(*),
                   count(*) FILTER (WHERE crime_number <> '')
            FROM {_typed()} x {where}""",  # noqa: S608 - constants
        _params(only=only),
    )
    suspects, total, numbered = cursor.fetchone()
    return list(suspects), int(total), int(numbered)


def check(
    *,
    clean: Callable[[Mapping[str, Any]], tuple[Any, ...]],
    codes: Mapping[int, str],
    original: Callable[[int], Mapping[str, Any]] | None,
    where: Callable[[int], int],
    collect_all_errors: bool,
    error: Callable[[int, dict[str, list[str]]], Exception],
    errors_of: Callable[[dict[int, dict[str, list[str]]]], Exception],
) -> tuple[int, int]:
    """Check the staged rows in one query; the rows it cannot pass go to `clean` (incident_row_clean) on
    `original(position)` (or the staged text): a bad one raises `error(where(position), errors)` (or,
    with `collect_all_errors`, all of them `errors_of`), a good one is written back in the form SQL reads.
    Returns (rows, rows naming a crime number)."""
    with connection.cursor() as cursor:
        suspects, total, numbered = _suspects(cursor)
        if not suspects:
            return total, numbered
        cursor.execute(
            f"SELECT pos, {', '.join(RAW_FIELDS)} FROM {STAGED} WHERE pos = ANY(%s) ORDER BY pos",  # noqa: S608
            [suspects],
        )
        staged = cursor.fetchall()
        found: dict[int, dict[str, list[str]]] = {}
        rewritten = []
        for pos, *raw in staged:
            row = original(pos) if original else {k: v or "" for k, v in zip(RAW_FIELDS, raw, strict=True)}
            try:
                ref, opened, closed, nsir_id, _rel, grade, summary, location, number = clean(row)
            except IncidentRowError as exc:
                if not collect_all_errors:
                    raise error(where(pos), exc.errors) from None
                found[where(pos)] = exc.errors
                continue
            rewritten.append(
                (pos, ref, canonical_time(opened), canonical_time(closed), codes[nsir_id], grade, summary,
                 location, number)
            )  # fmt: skip
        if found:
            raise errors_of(found)
        execute_values(
            cursor.cursor,
            f"""UPDATE {STAGED} s SET plain = true, reference = v.reference, opened_at = v.opened_at,
                    closed_at = v.closed_at, nsir_code = v.nsir_code, grade = v.grade, summary = v.summary,
                    location = v.location, crime_number = v.crime_number, narrative = NULL
                FROM (VALUES %s) AS v(pos, reference, opened_at, closed_at, nsir_code, grade, summary,
                                      location, crime_number)
                WHERE s.pos = v.pos""",  # noqa: S608 - constants; values are bound
            rewritten,
            template="(%s::bigint, %s, %s, %s, %s, %s, %s, %s, %s)",
        )
        still, _total, _numbered = _suspects(cursor, only=[row[0] for row in rewritten])
        if still:  # a time at the edge of 1900-2100 whose offset PostgreSQL cannot hold, turned into UTC
            pos = still[0]
            raise error(where(pos), {"opened_at": [bounded.OUT_OF_RANGE]})
        return total, numbered


# ---------------------------------------------------------------- 3. move
def stored_references() -> set[str]:
    """The staged references the incident table holds already (one index probe each)."""
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT DISTINCT t.reference FROM {_trimmed()} t "  # noqa: S608 - constants
            f"JOIN {Incident._meta.db_table} i ON i.reference = t.reference",
            _params(),
        )
        return {reference for (reference,) in cursor.fetchall()}


def counts() -> tuple[int, int]:
    """(staged rows, rows that may name a crime number): a plain scan, no trimming."""
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT count(*), count(*) FILTER (WHERE crime_number <> '') FROM {STAGED}"  # noqa: S608
        )
        total, numbered = cursor.fetchone()
        return int(total), int(numbered)


def _typed_values(batch_id: int, *, checked: bool = True) -> str:
    """The incident columns (COPY_COLUMNS order) from the typed rows. Unchecked, a row that does not pass
    stops the statement: its reference becomes a cast of text to a number, which raises DataError."""
    reference = (
        "t.reference" if checked else "CASE WHEN t.ok THEN t.reference ELSE ('row ' || t.pos)::int::text END"
    )
    return (
        f"{reference}, t.opened_at::timestamptz, NULLIF(t.closed_at, '')::timestamptz, t.nsir_code_id, "
        f"t.crime_related, t.grade, t.summary, t.location, NULLIF(t.crime_number, ''), {int(batch_id)}, "
        "%(now)s, %(now)s"
    )


def _insert(
    cursor: Any,
    *,
    columns: Sequence[str],
    batch_id: int,
    checked: bool,
    held: set[str] | None,
    numbered: bool,
    params: dict[str, Any],
) -> int:
    """INSERT the staged rows whose reference is not `held` into the incident table and, if some may name
    a crime (`numbered`), link the new incidents to the crimes Resolve holds by those numbers, in one
    statement; returns how many incidents are new."""
    table = Incident._meta.db_table
    skip = "WHERE t.reference <> ALL(%(held)s)" if held else ""
    insert = (
        f"INSERT INTO {table} ({', '.join(columns)}) "  # noqa: S608 - names from model metadata
        f"SELECT {_typed_values(batch_id, checked=checked)} FROM {_typed()} t {skip}"
    )
    params = {**params, "held": list(held or ())}
    if not numbered:
        cursor.execute(insert, params)
        return int(cursor.rowcount)
    through = Crime.incidents.through._meta.db_table
    cursor.execute(
        f"""WITH new AS ({insert} RETURNING id, crime_number), linked AS (
                INSERT INTO {through} (incident_id, crime_id)
                SELECT new.id, c.id FROM new
                JOIN {Crime._meta.db_table} c ON c.crime_number = new.crime_number
                ON CONFLICT DO NOTHING
            )
            SELECT count(*) FROM new""",  # noqa: S608 - names from model metadata
        params,
    )
    return int(cursor.fetchone()[0])


def insert_new(
    *,
    columns: Sequence[str],
    batch_id: int,
    now: datetime,
    held: set[str] | None = None,
    checked: bool,
) -> int:
    """INSERT the staged rows whose reference is not `held` into the incident table in one statement, and
    link those naming a crime Resolve holds; returns how many. Not yet `checked`, the statement checks
    each row as it inserts it (one pass over the rows, not two) and a row that does not pass raises
    DataError. A reference held already or repeated in the batch raises IntegrityError. Either way the
    caller, in a savepoint, takes the longer road (`check`, `moved`)."""
    with connection.cursor() as cursor:
        return _insert(
            cursor,
            columns=columns,
            batch_id=batch_id,
            checked=checked,
            held=held,
            numbered=bool(counts()[1]),
            params=_params(now=now),
        )


_GRADES = frozenset({"", None, *Grade.values})


def _copy_column(values: Sequence[str | None], *, empty: str) -> list[str]:
    """A column's values in COPY's text format, `empty` for None and "" (\\N: NULL)."""
    joined = "".join(filter(None, values))
    if "\\" in joined or "\t" in joined or "\n" in joined or "\r" in joined:
        return [copy_text(value) if value else empty for value in values]
    return [value or empty for value in values]


def copy_as_is(
    by_field: Mapping[str, Sequence[Any]],
    *,
    columns: Sequence[str],
    nsir: Mapping[str, tuple[int, bool]],
    batch_id: int,
    now: datetime,
) -> bool:
    """COPY rows that `reads_as_is` passed (given by field, each of RAW_FIELDS a list) straight into the
    incident table, as PostgreSQL loads rows fastest (no staged table, no INSERT ... SELECT), when the
    checks the table does not make pass in Python: a reference, a known NSIR code, a grade, free text
    within bounds; False, writing nothing, if one does not. The table makes the rest as it stores each
    row (a closing time before the opening, a date that does not exist, a reference, place or crime number
    too long) and raises DataError or IntegrityError, as it does for a reference held already or repeated:
    the caller, in a savepoint, then takes the longer road, which names the row. `columns` is COPY_COLUMNS;
    `link_numbered` links the rows to the crimes they name."""
    references, codes, grades = by_field["reference"], by_field["nsir_code"], by_field["grade"]
    if not references or "" in references or None in references or not set(codes) <= nsir.keys():
        return False
    if not set(grades) <= _GRADES:
        return False
    texts = chain(filter(None, by_field["summary"]), filter(None, by_field["narrative"]))
    if max(map(len, texts), default=0) > MAX_TEXT:
        return False
    code_and_related = {code: f"{pk}\t{'t' if related else 'f'}" for code, (pk, related) in nsir.items()}
    stamp = now.isoformat()
    lines = map(
        "\t".join,
        zip(
            _copy_column(references, empty="\\N"),
            by_field["opened_at"],
            _copy_column(by_field["closed_at"], empty="\\N"),
            map(code_and_related.__getitem__, codes),
            _copy_column(grades, empty=""),
            _copy_column(by_field["summary"], empty=""),
            _copy_column(by_field["location"], empty=""),
            _copy_column(by_field["crime_number"], empty="\\N"),
            repeat(f"{int(batch_id)}\t{stamp}\t{stamp}"),
            strict=False,  # the last column repeats
        ),
    )
    data = ("\n".join(lines) + "\n").encode()
    with connection.cursor() as cursor, connection.wrap_database_errors:
        cursor.cursor.copy_expert(
            f"COPY {Incident._meta.db_table} ({', '.join(columns)}) FROM STDIN", io.BytesIO(data)
        )
    return True


def link_numbered(batch_id: int) -> None:
    """Link the incidents of this batch that name a crime number to the crime Resolve holds by it."""
    through = Crime.incidents.through._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"""INSERT INTO {through} (incident_id, crime_id)
                SELECT i.id, c.id FROM {Incident._meta.db_table} i
                JOIN {Crime._meta.db_table} c ON c.crime_number = i.crime_number
                WHERE i.import_batch_id = %s AND i.crime_number IS NOT NULL
                ON CONFLICT DO NOTHING""",  # noqa: S608 - names from model metadata
            [batch_id],
        )


def fill_merge_source(
    *, source: str, columns: Sequence[str], batch_id: int, now: datetime, held: set[str] | None
) -> None:
    """The last copy of each staged reference (all, or those `held`) into the merging statement's table."""
    only = "WHERE t.reference = ANY(%(held)s)" if held is not None else ""
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {source} ({', '.join(columns)}) "  # noqa: S608 - names from model metadata
            f"SELECT DISTINCT ON (t.reference) {_typed_values(batch_id)} FROM {_typed()} t {only} "
            "ORDER BY t.reference, t.pos DESC",
            _params(now=now, held=list(held or ())),
        )


def moved(
    *,
    columns: Sequence[str],
    batch_id: int,
    now: datetime,
    held_lookup: Callable[[], set[str]],
    merge: Callable[[set[str] | None], int],
) -> int:
    """Move the checked rows when some references may be held: new ones by one INSERT (in a savepoint),
    held ones by `merge(held)`; if the INSERT clashes (a repeated reference, or another feed's meanwhile),
    `merge(None)` takes every row. Returns how many incidents are new."""
    held = held_lookup()
    try:
        with transaction.atomic():
            created = insert_new(columns=columns, batch_id=batch_id, now=now, held=held, checked=True)
    except IntegrityError:
        return merge(None)
    if held:
        merge(held)
    return created
