from __future__ import annotations

import random
from typing import Any, TextIO

from django.apps import AppConfig

from config.permissions import Role
from config.registry import IncidentSection, NavItem, RuleUse, WorkKind


class QaConfig(AppConfig):
    name = "qa"
    verbose_name = "Quality assurance"
    default_auto_field = "django.db.models.BigAutoField"

    def on_serious_sexual_report_awaiting(self, *, awaiting_id: int) -> None:
        """recording.services.decisions announces a rape / serious sexual offence report saved to await
        the victim: it joins the daily rape review at once (R-RAPE-RECORD)."""
        from qa.services.rape_review import rape_review_queue_awaiting

        rape_review_queue_awaiting(awaiting_id=awaiting_id)

    def on_crime_linked_to_incident(self, *, incident_id: int, crime_id: int) -> None:
        """recording announces a crime recorded from, or linked to, an incident: a possible-hidden-crime
        flag on the incident closes as recorded with it (issue 21 part 2)."""
        from qa.services.hidden_crimes import hidden_crime_crime_linked

        hidden_crime_crime_linked(incident_id=incident_id, crime_id=crime_id)

    nav_items = [
        NavItem("Unrecorded incidents", "qa:flag-list", frozenset(Role.SUPERVISORS), order=40),
        NavItem("Dip-tests", "qa:dip-test-list", frozenset(Role.SUPERVISORS), order=42),
        NavItem(
            "Amendments", "qa:amendment-list", frozenset((Role.INVESTIGATOR, *Role.SUPERVISORS)), order=44
        ),
        NavItem("Rape review", "qa:rape-review-list", frozenset(Role.SUPERVISORS), order=46),
        NavItem("Daily performance", "qa:daily", frozenset(Role.SUPERVISORS), order=48),
        NavItem("Dashboard", "qa:dashboard", frozenset(Role.SUPERVISORS), order=49),
        NavItem(
            "Hidden-crime patterns",
            "qa:hidden-crime-patterns",
            frozenset((Role.MANAGER, Role.ADMIN)),
            order=50,
        ),
        NavItem("Screen pattern data", "qa:screen-patterns", frozenset((Role.MANAGER, Role.ADMIN)), order=51),
    ]

    # What each QA decision, queue and screen rests on (config.registry.RuleUse; shown on the rule
    # pages). The dip-test audit's list holds every rule qa.rules cites.
    rule_uses = [
        RuleUse(
            "Queue",
            "Unrecorded crime-related incidents (the sweep)",
            "qa:flag-list",
            ("R-NSIR-AUDIT-TRAIL", "R-NCRS-24H"),
        ),
        RuleUse(
            "Decision",
            "Dip-test audit: re-deciding a sampled record",
            "qa:dip-test-list",
            (
                "R-DIP-TEST",
                "R-NSIR-SWEEP",
                "R-NSIR-AUDIT-TRAIL",
                "R-NCRS-24H",
                "R-CLASSIFY",
                "R-PRINCIPAL",
                "R-CANCEL-DDM",
                "R-OUTCOME-VICTIM-VIEW",
                "R-RAPE-RECORD",
                "R-CDI-RATE",
            ),
        ),
        RuleUse("Queue", "Rape reports to review (daily)", "qa:rape-review-list", ("R-RAPE-RECORD",)),
        RuleUse(
            "Queue",
            "QC amendments: errors found by dip-tests to put right",
            "qa:amendment-list",
            ("R-DIP-TEST",),
        ),
        RuleUse(
            "Screen",
            "Recording compliance and the dashboard",
            "qa:dashboard",
            ("R-CDI-RATE", "R-NCRS-24H", "C-UPDATE-28D"),
        ),
    ]

    def work_kinds(self) -> list[WorkKind]:
        """Flags, dip-test samples and amendments as staffing allocates them (who may take each, who is
        barred, and the callback that writes the flag's assignee / the amendment's owner)."""
        from qa.services.allocation import work_kinds

        return work_kinds()

    def work_queues(self, user: Any) -> list[Any]:
        from qa.queues import work_queues

        return work_queues(user)

    def incident_sections(self, incident: Any, user: Any) -> list[IncidentSection]:
        from qa.incident_page import incident_sections

        return incident_sections(incident, user)

    def seed_demo(self, rng: random.Random, out: TextIO) -> None:
        from qa.demo import seed_qa

        seed_qa(rng, out)
