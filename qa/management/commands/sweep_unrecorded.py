"""`python manage.py sweep_unrecorded`: run the unrecorded-incident sweep now (contract: prints the number
of open flags last)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from qa.services.sweep import sweep_unrecorded


class Command(BaseCommand):
    help = (
        "Flag crime-related incidents with no crime number past the grace period; close flags now recorded."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--full",
            action="store_true",
            help="read every incident that can still be flagged, not only what changed since the last run",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        result = sweep_unrecorded(full=options["full"])
        kind = "Full" if result.full else "Incremental"
        self.stdout.write(
            f"{kind} sweep: flagged {result.flagged} incident(s); closed {result.closed} flag(s)."
        )
        self.stdout.write("Open flags:")
        self.stdout.write(str(result.open))
