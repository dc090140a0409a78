"""The incident feed on PostgreSQL, its checking and moving statements (sections 2 and 3; section 1, the
staging, is in recording.services.incidents.staging, whose docstring tells the whole road): check the
staged rows in SQL, sending the rows it cannot pass to incident_row_clean, and move them into the
incident table (`insert_new`, `insert_as_is` for rows as they are, `moved`, and the rows for the feed's
merging statement). Apart from staging because the two halves share only the staged table's shape."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from typing import Any

import orjson
from django.db import IntegrityError, connection, transaction
from psycopg2.extras import execute_values

from config import fields as bounded
from config.inputs import MAX_TEXT
from recording.models import Crime, Grade, Incident, NsirCode
from recording.services.incidents.rows import IncidentRowError
from recording.services.incidents.staging import (
    JSON_COLUMNS,
    RAW_FIELDS,
    STAGED,
    TIME_SHAPES,
    WHITE_SPACE,
    canonical_time,
)


# ---------------------------------------------------------------- 2. check
def _trimmed(source: str = STAGED, *, as_is: bool = False) -> str:
    """The staged rows (or `source`'s), their text trimmed as str.strip() trims it (OFFSET 0: trimmed once
    per row); `as_is`, rows known to need no trimming (`reads_as_is`) are taken as they are."""
    if as_is:
        texts = ", ".join(f"coalesce({name}, '') AS {name}" for name in RAW_FIELDS)
    else:
        texts = ", ".join(f"btrim(coalesce({name}, ''), %(ws)s) AS {name}" for name in RAW_FIELDS)
    return f"(SELECT pos, plain, {texts} FROM {source} s OFFSET 0)"  # noqa: S608 - constants


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


def _typed(source: str = STAGED, *, as_is: bool = False) -> str:
    """The staged rows (or `source`'s) with their NSIR code and `ok`: the row passes every check
    incident_row_clean makes. CASE takes its branches in order, so no cast meets text that did not match.
    `as_is`, for rows whose times Python has seen are in shape (`reads_as_is`), the times are not looked at
    again: a date that does not exist (31 April) makes the cast raise, so this `ok` is for the statement
    that stops at a bad row, never for `_suspects`."""
    nsir = NsirCode._meta.db_table
    times = (
        ""
        if as_is
        else f"""WHEN NOT {_time_ok("t.opened_at")} THEN false
        WHEN t.closed_at <> '' AND NOT {_time_ok("t.closed_at")} THEN false"""
    )
    ok = f"""CASE
        WHEN NOT t.plain THEN false
        WHEN t.reference = '' OR char_length(t.reference) > 40 THEN false
        {times}
        WHEN t.closed_at <> '' AND t.closed_at::timestamptz < t.opened_at::timestamptz THEN false
        WHEN n.id IS NULL THEN false
        WHEN t.grade <> ALL(%(grades)s) THEN false
        WHEN char_length(t.location) > 300 OR char_length(t.crime_number) > 40 THEN false
        WHEN char_length(t.summary) > %(max_text)s OR char_length(t.narrative) > %(max_text)s THEN false
        ELSE true END"""
    return (
        f"(SELECT t.*, n.id AS nsir_code_id, n.crime_related, {ok} AS ok "  # noqa: S608 - constants
        f"FROM {_trimmed(source, as_is=as_is)} t LEFT JOIN {nsir} n ON n.code = t.nsir_code)"
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
    source: str,
    as_is: bool,
    columns: Sequence[str],
    batch_id: int,
    checked: bool,
    held: set[str] | None,
    numbered: bool,
    params: dict[str, Any],
) -> int:
    """INSERT `source`'s rows whose reference is not `held` into the incident table and, if some may name
    a crime (`numbered`), link the new incidents to the crimes Resolve holds by those numbers, in one
    statement; returns how many incidents are new."""
    table = Incident._meta.db_table
    skip = "WHERE t.reference <> ALL(%(held)s)" if held else ""
    insert = (
        f"INSERT INTO {table} ({', '.join(columns)}) "  # noqa: S608 - names from model metadata
        f"SELECT {_typed_values(batch_id, checked=checked)} FROM {_typed(source, as_is=as_is)} t {skip}"
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
    as_is: bool = False,
) -> int:
    """INSERT the staged rows whose reference is not `held` into the incident table in one statement, and
    link those naming a crime Resolve holds; returns how many. Not yet `checked`, the statement checks
    each row as it inserts it (one pass over the rows, not two; `as_is`, rows Python found need no
    trimming and have times in shape, `csv_reads_as_is`) and a row that does not pass raises DataError. A
    reference held already or repeated in the batch raises IntegrityError. Either way the caller, in a
    savepoint, takes the longer road (`check`, `moved`)."""
    with connection.cursor() as cursor:
        return _insert(
            cursor,
            source=STAGED,
            as_is=as_is,
            columns=columns,
            batch_id=batch_id,
            checked=checked,
            held=held,
            numbered=bool(counts()[1]),
            params=_params(now=now),
        )


# The feed's rows as the server reads them from one JSON document, in the staged table's columns.
_JSON_ROWS = (
    f"(SELECT r.n AS pos, true AS plain, {', '.join(f'r.{name}' for name in RAW_FIELDS)} "  # noqa: S608
    f"FROM ROWS FROM (json_to_recordset(%(document)s::json) AS ({JSON_COLUMNS})) "
    f"WITH ORDINALITY AS r({', '.join(RAW_FIELDS)}, n))"
)


def insert_as_is(
    rows: Sequence[Mapping[str, Any]], *, columns: Sequence[str], batch_id: int, now: datetime
) -> int:
    """The feed's rows, which `reads_as_is` passed, from one JSON document straight into the incident table
    (no staged table: one statement reads, checks and inserts them), linked to the crimes they name;
    returns how many. A row that does not pass raises DataError, a reference held already or repeated
    IntegrityError: the caller, in a savepoint, then stages the rows and takes the longer road."""
    with connection.cursor() as cursor:
        return _insert(
            cursor,
            source=_JSON_ROWS,
            as_is=True,
            columns=columns,
            batch_id=batch_id,
            checked=False,
            held=None,
            numbered=any(row.get("crime_number") for row in rows),
            params=_params(now=now, document=orjson.dumps(rows).decode()),
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
