from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from config.exceptions import DomainError
from staffing.models import Team
from staffing.services import team_create


class Command(BaseCommand):
    help = "Create a Resolution Centre team (default capacity 11 investigators under its sergeant)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("code")
        parser.add_argument("--name", required=True)
        parser.add_argument("--capacity", type=int, default=Team.DEFAULT_CAPACITY)

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            team = team_create(code=options["code"], name=options["name"], capacity=options["capacity"])
        except DomainError as exc:
            raise CommandError(exc.message) from exc
        self.stdout.write(f"Created team {team.code} ({team.name}), capacity {team.capacity} investigators")
