from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from staffing import catalogue


class Command(BaseCommand):
    help = (
        "Write staffing/reference/rules.csv (the rule catalogue) from the domain notes, DOMAIN-crime.md "
        "and DOMAIN-complaints.md. Run once by a developer, then edit the CSV as data; the product never "
        "reads the notes. Then `load_reference` loads it and `rules_docs` rewrites docs/rules.md."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--crime", type=Path, required=True, help="path to DOMAIN-crime.md")
        parser.add_argument("--complaints", type=Path, required=True, help="path to DOMAIN-complaints.md")
        parser.add_argument("--out", type=Path, default=catalogue.RULES_CSV)

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            rows = catalogue.catalogue_from_notes(
                crime_text=options["crime"].read_text(encoding="utf-8"),
                complaints_text=options["complaints"].read_text(encoding="utf-8"),
            )
        except (OSError, ValueError) as exc:
            raise CommandError(str(exc)) from exc
        options["out"].write_text(catalogue.csv_text(rows), encoding="utf-8")
        unverified = sum(not r.verified for r in rows)
        self.stdout.write(f"{options['out']}: {len(rows)} rules ({unverified} unverified)")
