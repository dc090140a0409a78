from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from staffing import catalogue


class Command(BaseCommand):
    help = "Write docs/rules.md from the rule catalogue (staffing/reference/rules.csv)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--out", type=Path, default=catalogue.DOCS_PAGE)

    def handle(self, *args: Any, **options: Any) -> None:
        rows = catalogue.read_rows()
        options["out"].write_text(catalogue.docs_text(rows), encoding="utf-8")
        self.stdout.write(f"{options['out']}: {len(rows)} rules")
