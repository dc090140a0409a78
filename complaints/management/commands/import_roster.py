"""manage.py import_roster PATH: the roster of officers and staff from CSV (collar_number, name, rank,
team), all or nothing, through the same service as the managers' page."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from complaints.services.roster import roster_import
from config.exceptions import DomainError


class Command(BaseCommand):
    help = "Import the roster of officers and staff from a CSV file (collar_number, name, rank, team)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path")

    def handle(self, *args: Any, **options: Any) -> None:
        with open(options["path"], encoding="utf-8-sig") as f:
            text = f.read()
        try:
            done = roster_import(actor=None, text=text)
        except DomainError as exc:
            raise CommandError(exc.message) from exc
        self.stdout.write(f"{done['rows']} rows: {done['added']} added, {done['updated']} updated.")
