from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from config.exceptions import DomainError
from staffing.reference import reference_load


class Command(BaseCommand):
    help = "Load the reference code tables from the CSV files the apps ship. Safe to run again."

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            results = reference_load()
        except DomainError as exc:
            raise CommandError(exc.message) from exc
        for r in results:
            self.stdout.write(f"{r.table}: {r.created} created, {r.updated} updated, {r.unchanged} unchanged")
