from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import psycopg2
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import DataError

from recording.services.incidents import FIELDS, ImportResult, IncidentRowError, incidents_import_csv

REQUIRED_COLUMNS = {"reference", "opened_at", "nsir_code"}


class Command(BaseCommand):
    help = (
        "Load incidents from a CSV file whose header names the feed fields (reference, opened_at, "
        "closed_at, nsir_code, grade, summary, location, crime_number). Idempotent on reference; all or "
        "nothing: a bad row names its line number and field, exits 1 and stores nothing."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="CSV file (UTF-8) with a header row")

    def handle(self, *args: Any, **options: Any) -> None:
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"No such file: {path}")
        size, limit = path.stat().st_size, int(settings.RESOLVE_IMPORT_MAX_BYTES)
        if size > limit:
            raise CommandError(
                f"{path.name} is {size} bytes, over the limit of {limit} bytes (RESOLVE_IMPORT_MAX_BYTES). "
                "Split it into smaller files. Nothing was imported."
            )
        try:
            result = self._import(path)
        except (UnicodeDecodeError, csv.Error, DataError, psycopg2.DataError) as exc:
            # Found where it went wrong from the bytes: the text reader decodes ahead in blocks, so its
            # line count does not say which line held the bad byte.
            line, problem = _locate_problem(path, exc)
            raise CommandError(f"line {line}: {problem} Nothing was imported.") from exc
        self.stdout.write(f"Imported {path.name}: {result.created} created, {result.updated} updated.")

    def _import(self, path: Path) -> ImportResult:
        with path.open(newline="", encoding="utf-8-sig") as handle:
            # strict: an unterminated quote is an error, not a field that swallows the rest of the file
            reader = csv.DictReader(handle, strict=True)
            header = set(reader.fieldnames or [])
            missing = sorted(REQUIRED_COLUMNS - header)
            if missing:
                raise CommandError(f"line 1: the header lacks column(s): {', '.join(missing)}")
            unknown = sorted(header - set(FIELDS))
            if unknown:
                raise CommandError(f"line 1: unknown column(s): {', '.join(unknown)}")

            fields = list(reader.fieldnames or [])
        try:
            return incidents_import_csv(path=path, fields=fields, actor=None)
        except IncidentRowError as exc:
            field = next(iter(exc.errors))
            raise CommandError(
                f"line {exc.position}: {field}: {exc.errors[field][0]} Nothing was imported."
            ) from exc


def _locate_problem(path: Path, exc: Exception) -> tuple[int, str]:
    """The line and a one-line description of what stopped the import (the file is within
    RESOLVE_IMPORT_MAX_BYTES, so reading it whole here, on the error path only, is affordable)."""
    data = path.read_bytes()
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as bad:
        return data.count(b"\n", 0, bad.start) + 1, "the file is not UTF-8 text (save it as UTF-8)."
    if (nul := data.find(b"\x00")) >= 0:
        # PostgreSQL cannot store a NUL character in text; the database refused the batch.
        return data.count(b"\n", 0, nul) + 1, "a NUL byte is not allowed in an incident."
    if isinstance(exc, csv.Error):
        # The reader stops at the end of the data when a quote is never closed.
        return data.count(b"\n") + (0 if data.endswith(b"\n") else 1), f"cannot read the CSV: {exc}."
    raise exc
