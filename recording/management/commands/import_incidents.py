from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from recording.models import ImportBatch
from recording.services.incidents import FIELDS, IncidentRowError, incidents_upsert

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
        with path.open(newline="", encoding="utf-8-sig") as handle:
            reader = csv.DictReader(handle)
            header = set(reader.fieldnames or [])
            missing = sorted(REQUIRED_COLUMNS - header)
            if missing:
                raise CommandError(f"line 1: the header lacks column(s): {', '.join(missing)}")
            unknown = sorted(header - set(FIELDS))
            if unknown:
                raise CommandError(f"line 1: unknown column(s): {', '.join(unknown)}")

            fields = reader.fieldnames or []
            width = len(fields)
            lines = reader.reader  # its line_num counts physical lines (a quoted field may span several)

            def rows() -> Iterator[tuple[int, dict[str, Any]]]:
                # The underlying csv.reader with the header zipped on: DictReader does the same per row
                # with more Python around it (the import's own time matters at a million rows).
                for values in lines:
                    if not values:
                        continue  # a blank line, as DictReader skips it
                    if len(values) > width:
                        raise IncidentRowError(lines.line_num, {"row": ["More values than header columns."]})
                    yield lines.line_num, dict(zip(fields, values, strict=False))

            try:
                result = incidents_upsert(
                    rows=rows(), actor=None, source=ImportBatch.Source.CSV, source_name=path.name
                )
            except IncidentRowError as exc:
                field = next(iter(exc.errors))
                raise CommandError(
                    f"line {exc.position}: {field}: {exc.errors[field][0]} Nothing was imported."
                ) from exc
            except (UnicodeDecodeError, csv.Error) as exc:
                raise CommandError(
                    f"line {lines.line_num}: cannot read the file: {exc}. Nothing was imported."
                ) from exc
        self.stdout.write(f"Imported {path.name}: {result.created} created, {result.updated} updated.")
