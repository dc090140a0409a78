from __future__ import annotations

import random
from typing import TextIO

from django.apps import AppConfig

from config.permissions import Role
from config.registry import NavItem


class StaffingConfig(AppConfig):
    name = "staffing"
    verbose_name = "Staffing"
    default_auto_field = "django.db.models.BigAutoField"

    def seed_demo(self, rng: random.Random, out: TextIO) -> None:
        from staffing.demo import seed_staffing

        seed_staffing(rng, out)

    nav_items = [
        NavItem("Home", "home", frozenset(Role.ALL), order=0),
        NavItem("Teams", "staffing:team-list", frozenset(Role.SUPERVISORS), order=80),
    ]
