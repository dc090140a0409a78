from __future__ import annotations

import random
from datetime import date
from pathlib import Path
from typing import Any, TextIO

from django.apps import AppConfig

from config.permissions import Role
from config.registry import NavItem, RuleUse
from staffing.reference import ReferenceTable, as_bool, as_int, as_optional_date

REFERENCE = Path(__file__).resolve().parent / "reference"
COMPLAINTS_ROLES = frozenset(Role.COMPLAINTS)


def as_optional_int(value: str) -> int | None:
    """A whole number, or None for an empty cell (a threshold with no time limit)."""
    return int(value) if value.strip() else None


class ComplaintsConfig(AppConfig):
    name = "complaints"
    verbose_name = "Complaints"
    default_auto_field = "django.db.models.BigAutoField"
    reference_tables = [
        ReferenceTable(
            "complaints.ComplaintCategory",
            REFERENCE / "complaint_categories.csv",
            converters={"valid_from": as_optional_date, "retired_on": as_optional_date},
        ),
        ReferenceTable("complaints.ComplaintOutcome", REFERENCE / "complaint_outcomes.csv"),
        # Where advisors signpost people (issue 23 part 2): the force adds its own rows to the file.
        ReferenceTable(
            "complaints.SignpostOrganisation",
            REFERENCE / "signpost_organisations.csv",
            converters={"retired_on": as_optional_date},
        ),
        # Repeat-subject alert thresholds (issue 23 part 3): the force edits the file and reloads it.
        ReferenceTable(
            "complaints.RepeatThreshold",
            REFERENCE / "repeat_thresholds.csv",
            converters={"allegations": as_int, "months": as_optional_int, "active": as_bool},
        ),
    ]
    nav_items = [
        NavItem("My cases", "complaints:mine", COMPLAINTS_ROLES, order=40),
        NavItem("Overdue", "complaints:overdue", COMPLAINTS_ROLES, order=41),
        NavItem("Find a case", "complaints:search", COMPLAINTS_ROLES, order=42),
        NavItem("Complaint learning", "complaints:learning", COMPLAINTS_ROLES, order=43),
        NavItem("Repeat-subject alerts", "complaints:alerts", COMPLAINTS_ROLES, order=43),
        NavItem(
            "Subject access", "complaints:subject-access", frozenset((Role.MANAGER, Role.ADMIN)), order=44
        ),
        NavItem(
            "IOPC data return", "complaints:data-return", frozenset((Role.MANAGER, Role.ADMIN)), order=45
        ),
    ]

    # What each complaints decision, queue and screen rests on (config.registry.RuleUse; shown on the
    # rule pages). The triage decision's list holds every rule the complaints/rules/ package cites.
    rule_uses = [
        RuleUse(
            "Decision",
            "Complaint triage: eligibility, recording, referral and handling route (the new case page)",
            "complaints:create",
            (
                "C-DEFINITION",
                "C-CONDUCT-MATTER",
                "C-DSI",
                "C-NOT-A-COMPLAINT",
                "C-COMPLIMENT",
                "C-ELIG-SUBJECT",
                "C-ELIG-AFFECTED",
                "C-ELIG-WITNESS",
                "C-ELIG-NONCONDUCT",
                "C-ELIG-ON-BEHALF",
                "C-ELIG-SERVING",
                "C-ELIG-NO",
                "C-YOUNG-PEOPLE",
                "C-ALLEGATION-SPLIT",
                "C-OUTSIDE-S3",
                "C-OUTSIDE-S3-CONDITIONS",
                "C-OUTSIDE-S3-ESCALATE",
                "C-RECORD-WHEN-WANTED",
                "C-RECORD-DSI",
                "C-RECORD-CRIM-DISC",
                "C-RECORD-ART2-3",
                "C-RECORD-MR",
                "C-RECORD-DISCRETION",
                "C-NONRECORD-NOTICE",
                "C-MANDATORY-REFERRAL",
                "C-SERIOUS-INJURY-DEF",
                "C-REFERRAL-PROMPT",
                "C-RP-HANDLING",
                "C-NFA",
                "C-DELAY-12M",
                "C-INVESTIGATE-WHEN",
                "C-INV-12M-REPORT",
                "C-CHIEF-OFFICER",
                "C-INITIAL-CONTACT",
                "C-UPDATE-28D",
                "C-OUTCOME-5WD",
                "C-REVIEW-RIGHT",
                "C-REVIEW-28D",
                "C-REVIEW-BODY",
            ),
        ),
        RuleUse("Queue", "Complaint updates overdue", "complaints:overdue", ("C-UPDATE-28D",)),
        RuleUse(
            "Queue",
            "Initial contacts to make and reviews to log (my cases)",
            "complaints:mine",
            ("C-INITIAL-CONTACT", "C-REVIEW-28D", "C-REVIEW-RIGHT"),
        ),
        RuleUse(
            "Decision",
            "Complaint outcome, letters and review",
            "complaints:mine",
            (
                "C-RP-OUTCOME",
                "C-INV-OUTCOMES",
                "C-OUTCOME-5WD",
                "C-OUTCOME-CONTENT",
                "C-UPDATE-EXCEPTIONS",
                "C-RECORD-COPY",
                "C-REVIEW-RIGHT",
                "C-REVIEW-BODY",
                "C-REVIEW-OUTCOME",
                "C-VOLUNTARY-REFERRAL",
                "C-OUTSIDE-S3-LOG",
                "C-LOG-ALL",
            ),
        ),
        RuleUse(
            "Screen",
            "Complaint learning and data return",
            "complaints:learning",
            ("C-LEARNING", "C-DATA-RETURN", "C-COMPLIMENT"),
        ),
        RuleUse(
            "Screen",
            "Complainant details: adjustments, minimal data, retention",
            "complaints:search",
            ("C-ACCESS", "C-DP-MINIMISE", "C-DP-RETENTION", "C-DP-SHARING"),
        ),
    ]

    # ---- data protection hooks (config.registry): the MoPI review queue and subject access
    def mopi_review_items(self, user: Any, today: date) -> list[Any]:
        if getattr(user, "role", None) not in (Role.MANAGER, Role.ADMIN):
            return []
        from complaints.data_protection import case_review_items

        return case_review_items(today=today)

    def subject_access(self, name: str, user: Any) -> dict[str, Any]:
        from complaints.selectors import subject_access_data

        return subject_access_data(name=name, user=user)

    def record_kinds(self) -> list[Any]:
        """Complaint cases as records files and letters hang on (staffing.records)."""
        from django.urls import reverse

        from complaints.letters import complaint_letter_source
        from complaints.services import case_open
        from staffing.records import RecordKind

        return [
            RecordKind(
                key="complaint_case",
                label="Complaint case",
                model=self.get_model("ComplaintCase"),
                open=case_open,
                reference=lambda case: str(case.reference),
                url=lambda case: reverse("complaints:detail", args=[case.pk]),
                review_on=lambda case: case.retention_review_on,
                letters=complaint_letter_source(),
            )
        ]

    def ready(self) -> None:
        from complaints import permissions  # noqa: F401 - registers the object rules

    def work_queues(self, user: Any) -> list[Any]:
        from complaints.queues import work_queues

        return work_queues(user)

    def daily_figures(self, day: date) -> dict[str, dict[str, int]]:
        from complaints.selectors import daily_figures

        return daily_figures(day)

    def complaint_caseloads(self, day: Any) -> list[dict[str, Any]]:
        """Open cases per advisor at the end of `day` (read by qa.compliance for the dashboard)."""
        from complaints.selectors import complaint_caseloads

        return complaint_caseloads(day)

    def seed_demo(self, rng: random.Random, out: TextIO) -> None:
        from complaints.demo import seed_complaints

        seed_complaints(rng, out)
