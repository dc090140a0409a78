from __future__ import annotations

import random
from typing import Any, TextIO

from django.apps import AppConfig

from config.permissions import Role
from config.registry import NavItem, Queue


class QaConfig(AppConfig):
    name = "qa"
    verbose_name = "Quality assurance"
    default_auto_field = "django.db.models.BigAutoField"

    nav_items = [
        NavItem("Unrecorded incidents", "qa:flag-list", frozenset(Role.SUPERVISORS), order=40),
        NavItem("Dip-tests", "qa:dip-test-list", frozenset(Role.SUPERVISORS), order=42),
        NavItem(
            "Amendments", "qa:amendment-list", frozenset((Role.INVESTIGATOR, *Role.SUPERVISORS)), order=44
        ),
        NavItem("Rape review", "qa:rape-review-list", frozenset(Role.SUPERVISORS), order=46),
        NavItem("Daily performance", "qa:daily", frozenset(Role.SUPERVISORS), order=48),
        NavItem("Dashboard", "qa:dashboard", frozenset(Role.SUPERVISORS), order=49),
    ]

    def ready(self) -> None:
        from django.db.models.signals import post_save

        from qa.services.allocation import sync_from_allocation
        from staffing.models import Allocation

        post_save.connect(sync_from_allocation, sender=Allocation, dispatch_uid="qa-allocation-sync")

    def home_queues(self, user: Any) -> list[Queue]:
        from qa.home import queues_for

        return queues_for(user)

    def seed_demo(self, rng: random.Random, out: TextIO) -> None:
        from qa.demo import seed_qa

        seed_qa(rng, out)
