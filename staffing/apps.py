from __future__ import annotations

import random
from pathlib import Path
from typing import Any, TextIO

from django.apps import AppConfig

from config.permissions import Role
from config.registry import NavItem, Queue
from staffing.reference import ReferenceTable, as_bool, as_int

REFERENCE = Path(__file__).resolve().parent / "reference"


class StaffingConfig(AppConfig):
    name = "staffing"
    verbose_name = "Staffing"
    default_auto_field = "django.db.models.BigAutoField"
    # The rule catalogue (issue 16 part 5): every R-/C- rule Resolve cites, see staffing/catalogue.py.
    reference_tables = [
        ReferenceTable(
            "staffing.Rule", REFERENCE / "rules.csv", converters={"verified": as_bool, "position": as_int}
        ),
    ]

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in
        from django.core.signals import got_request_exception

        from config.middleware import note_database_unavailable, stamp_activity_on_login

        user_logged_in.connect(stamp_activity_on_login, dispatch_uid="resolve-stamp-activity")
        got_request_exception.connect(note_database_unavailable, dispatch_uid="resolve-database-outage")

    def seed_demo(self, rng: random.Random, out: TextIO) -> None:
        from staffing.demo import seed_staffing

        seed_staffing(rng, out)

    nav_items = [
        NavItem("Home", "home", frozenset(Role.ALL), order=0),
        NavItem("Rules", "staffing:rule-list", frozenset(Role.ALL), order=95),
        NavItem("Rota", "staffing:rota", frozenset(Role.SUPERVISORS), order=70),
        NavItem("Coverage", "staffing:coverage", frozenset(Role.SUPERVISORS), order=71),
        NavItem("Training", "staffing:training", frozenset(Role.SUPERVISORS), order=72),
        NavItem("Workload", "staffing:workload", frozenset(Role.SUPERVISORS), order=73),
        NavItem("Teams", "staffing:team-list", frozenset(Role.SUPERVISORS), order=80),
        NavItem("Access log", "staffing:access-log", frozenset({Role.MANAGER, Role.ADMIN}), order=85),
        NavItem("MoPI review", "staffing:mopi-review", frozenset({Role.MANAGER, Role.ADMIN}), order=86),
        NavItem(
            "Subject access (all)", "staffing:subject-access", frozenset({Role.MANAGER, Role.ADMIN}), order=87
        ),
        # letters (issue 22)
        NavItem("Letter templates", "staffing:letter-templates", frozenset(Role.COMPLAINTS), order=88),
        NavItem(
            "Letters to approve", "staffing:letter-approvals", frozenset({Role.MANAGER, Role.ADMIN}), order=89
        ),
        NavItem("My letter details", "staffing:letter-details", frozenset(Role.ALL), order=96),
    ]

    def work_queues(self, user: Any) -> list[Any]:
        from staffing.queues import work_queues

        return work_queues(user)

    def home_queues(self, user: Any) -> list[Queue]:
        from staffing.queues import home_lines

        return home_lines(user)
