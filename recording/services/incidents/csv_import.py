"""The CSV import of incidents (the import_incidents command): the file read as Python's csv module reads
it, then staged, checked and moved as the feed's rows are (recording.services.incidents.feed). A module of
its own because only the file path knows lines: an error names the line it is on."""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from django.db import transaction

from recording.models import ImportBatch
from recording.services.incidents import staging
from recording.services.incidents.feed import (
    ImportResult,
    _check_and_move,
    _finish,
    _stage_cleaned,
    _staged_path,
    copy_new,
    incidents_upsert,
)
from recording.services.incidents.rows import IncidentRowError, nsir_map
from staffing.models import User


def csv_rows(path: Path, fields: Sequence[str]) -> Iterator[tuple[int, dict[str, Any]]]:
    """The CSV file's rows after its header, as (line number, {column: value}), read by Python's csv module:
    strict (an unterminated quote is an error, not a field that swallows the rest of the file), blank
    lines skipped, a row longer than the header refused."""
    width = len(fields)
    with path.open(newline="", encoding="utf-8-sig") as handle:
        # line_num counts physical lines (a quoted field may span several)
        lines = csv.reader(handle, strict=True)
        next(lines, None)
        for values in lines:
            if not values:
                continue  # a blank line, as DictReader skips it
            if len(values) > width:
                raise IncidentRowError(lines.line_num, {"row": ["More values than header columns."]})
            yield lines.line_num, dict(zip(fields, values, strict=False))


def _csv_line(path: Path, record: int) -> int:
    """The line on which the file's `record`-th row (after the header) ends, as Python's csv module counts
    (read again on the error path only)."""
    with path.open(newline="", encoding="utf-8-sig") as handle:
        lines = csv.reader(handle, strict=True)
        next(lines, None)
        seen = 0
        for values in lines:
            seen += bool(values)
            if seen == record:
                return lines.line_num
    return record + 1


@transaction.atomic
def incidents_import_csv(*, path: Path, fields: Sequence[str], actor: User | None) -> ImportResult:
    """Create or update incidents from a CSV file whose header (`fields`, checked by the caller) names feed
    fields, all or nothing; a bad row raises IncidentRowError naming its line. On PostgreSQL new incidents
    in the usual forms, read by Python's csv module chunk by chunk, go by COPY straight into the incident
    table (staging.csv_as_is, feed.copy_new). Otherwise the file goes by COPY into the staged table when
    the server reads it as Python's csv module does (staging.csv_agrees), else it is read and cleaned in
    Python, chunk by chunk (a million rows are never held in memory); either way it is checked and moved
    in SQL."""
    if not _staged_path():
        return incidents_upsert(
            rows=csv_rows(path, fields), actor=actor, source=ImportBatch.Source.CSV, source_name=path.name
        )
    nsir = nsir_map()
    batch = ImportBatch.objects.create(
        source=ImportBatch.Source.CSV, source_name=path.name[:300], created_by=actor
    )
    data = path.read_bytes()  # within RESOLVE_IMPORT_MAX_BYTES, checked by the caller
    copied = copy_new(staging.csv_as_is(data, fields), nsir=nsir, batch=batch)
    if copied is not None:
        return _finish(batch, total=copied, created=copied)
    try:
        if len(set(fields)) != len(fields) or not staging.csv_agrees(data):
            raise staging.NotStaged("read in Python")
        staging.stage_csv(data, fields)
        where: Callable[[int], int] = lambda record: _csv_line(path, record)  # noqa: E731
    except staging.NotStaged:
        _stage_cleaned(csv_rows(path, fields), nsir, collect_all_errors=False)
        where = lambda line: line  # noqa: E731
    return _check_and_move(batch, nsir, original=None, where=where, collect_all_errors=False)
