"""`python manage.py sweep_unrecorded`: run the unrecorded-incident sweep now (contract: prints the number
of open flags last)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from qa.services.sweep import sweep_unrecorded


class Command(BaseCommand):
    help = (
        "Flag crime-related incidents with no crime number past the grace period; close flags now recorded."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        result = sweep_unrecorded()
        self.stdout.write(f"Flagged {result.flagged} incident(s); closed {result.closed} flag(s).")
        self.stdout.write("Open flags:")
        self.stdout.write(str(result.open))
