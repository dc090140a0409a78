from __future__ import annotations

import random
from typing import Any

from django.apps import apps
from django.core.management.base import BaseCommand, CommandParser
from django.db import transaction

from staffing.demo import DEMO_PASSWORD, demo_logins, demo_seeded


class Command(BaseCommand):
    help = (
        "Build a realistic, deterministic demo force: teams, users of every role, incidents, crimes, "
        "complaints. Each app adds its part through `seed_demo(rng, stdout)` on its AppConfig."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--seed", type=int, default=2026)

    def handle(self, *args: Any, **options: Any) -> None:
        if demo_seeded():
            self.stdout.write("Demo data is already there; leaving it as it is.")
        else:
            rng = random.Random(options["seed"])  # noqa: S311 - demo data, reproducible on purpose
            with transaction.atomic():
                for config in apps.get_app_configs():
                    seed = getattr(config, "seed_demo", None)
                    if seed is not None:
                        seed(rng, self.stdout)
        self.stdout.write("")
        self.stdout.write(f"Demo logins (password for all: {DEMO_PASSWORD}):")
        for username, role in demo_logins():
            self.stdout.write(f"  {username:<22} {role}")
