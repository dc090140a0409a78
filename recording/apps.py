from __future__ import annotations

import random
import re
from pathlib import Path
from typing import Any, TextIO

from django.apps import AppConfig

from config.permissions import Role
from config.registry import NavItem, RuleUse, WorkKind
from recording.rules import Counting
from staffing.reference import ReferenceTable, as_bool, as_int

REFERENCE = Path(__file__).resolve().parent / "reference"


def force_code(row: dict[str, Any]) -> str:
    """The force directory's own code for a force (there is no official one, forces.md): the IOPC's short
    name in capitals with spaces and punctuation taken out, at most 12 letters ("Avon & Somerset" is
    AVONSOMERSET)."""
    return re.sub(r"[^A-Z]", "", row["iopc_name"].upper())[:12]


def as_counting(value: str) -> str:
    """A counting marker of ho_offence_codes.csv (V, S or S/V): anything else stops the load."""
    try:
        return Counting(value.strip()).value
    except ValueError:
        raise ValueError(f"expected one of V, S, S/V, got {value!r}") from None


class RecordingConfig(AppConfig):
    name = "recording"
    verbose_name = "Crime recording"
    default_auto_field = "django.db.models.BigAutoField"
    reference_tables = [
        ReferenceTable(
            "recording.Offence",
            REFERENCE / "ho_offences.csv",
            converters={
                "victim_based": as_bool,
                "notifiable": as_bool,
                "seriousness_rank": as_int,
                "restricted": as_bool,
            },
        ),
        ReferenceTable(
            "recording.OffenceCode",
            REFERENCE / "ho_offence_codes.csv",
            key=("code", "title"),
            columns={"ho_code": "code", "class_code": "offence_class"},
            foreign_keys={"offence_class": "recording.Offence"},
            converters={"counting": as_counting},
        ),
        ReferenceTable(
            "recording.HomeOfficeOutcome",
            REFERENCE / "ho_outcomes.csv",
            converters={"requires_suspect": as_bool, "requires_victim_view": as_bool},
        ),
        ReferenceTable(
            "recording.CancellationCriterion",
            REFERENCE / "cancellation_criteria.csv",
            converters={"needs_ddm_approval": as_bool},
        ),
        # The force directory: every force of England and Wales (forces.md says where the codes come from).
        ReferenceTable(
            "recording.Force",
            REFERENCE / "forces.csv",
            converters={"territorial": as_bool},
            derived={"code": force_code},
        ),
        ReferenceTable(
            "recording.NsirCode",
            REFERENCE / "nsir_codes.csv",
            converters={"crime_related": as_bool, "hidden_crime_risk": as_bool},
        ),
    ]
    nav_items = [
        NavItem("Record a crime", "recording:decide", frozenset(Role.CRIME_STAFF), order=10),
        NavItem("Crimes", "recording:crime-list", frozenset(Role.CRIME_STAFF), order=20),
        NavItem("Incidents", "recording:incident-list", frozenset(Role.CRIME_STAFF), order=25),
        NavItem(
            "Reclassifications", "recording:reclassification-list", frozenset(Role.CRIME_STAFF), order=30
        ),
        NavItem("Cancellations", "recording:cancellation-list", frozenset(Role.CRIME_STAFF), order=31),
        NavItem("Transfers", "recording:transfer-list", frozenset(Role.CRIME_STAFF), order=32),
        NavItem("Force directory", "recording:force-list", frozenset(Role.SUPERVISORS), order=85),
        NavItem("Offence codes", "recording:offence-list", frozenset(Role.CRIME_STAFF), order=90),
    ]

    # What each decision, queue and screen rests on (config.registry.RuleUse; shown on the rule pages).
    # The decision's list holds every rule the recording/rules package cites
    # (staffing/tests/test_rule_catalogue.py).
    rule_uses = [
        RuleUse(
            "Decision",
            "Recording decision: which crimes to record (the Record a crime page)",
            "recording:decide",
            (
                "R-NCRS-BOP",
                "R-NCRS-VICTIM-BELIEF",
                "R-NCRS-STATE",
                "R-NCRS-THIRD-PARTY",
                "R-NCRS-24H",
                "R-FRAUD-AF",
                "R-ONE-PER-VICTIM",
                "R-VICTIM-HOUSEHOLD",
                "R-VICTIMLESS-COUNT",
                "R-FINISHED-INCIDENT",
                "R-PRINCIPAL",
                "R-PRINCIPAL-CONDUCT",
                "R-CLASS-VEHICLE",
                "R-CLASS-RULES-WIN",
                "R-CLASSIFY",
                "R-CANCEL-AVI",
                "R-LOCATION",
                "R-TRANSFER-PROTOCOL",
                "R-RAPE-RECORD",
                "R-RESTRICTED",
                "R-RULE-VERSION",
            ),
        ),
        RuleUse(
            "Queue",
            "Crime-related incidents due an NCRS decision",
            "recording:incident-list",
            ("R-NSIR-INCIDENT", "R-NCRS-24H"),
        ),
        RuleUse(
            "Queue",
            "Rape and serious sexual offences recorded in the last 24 hours (daily review)",
            "recording:crime-list",
            ("R-RAPE-RECORD", "R-RESTRICTED"),
        ),
        RuleUse(
            "Decision",
            "Cancellation of a recorded crime (DDM decision)",
            "recording:cancellation-list",
            (
                "R-CANCEL-C1-TRANSFER",
                "R-CANCEL-AVI",
                "R-CANCEL-C3-DUPLICATE",
                "R-CANCEL-C4-ERROR",
                "R-CANCEL-DDM",
                "R-RAPE-RECORD",
                "R-FCR",
            ),
        ),
        RuleUse(
            "Decision",
            "Reclassification of a recorded crime",
            "recording:reclassification-list",
            ("R-RECLASSIFY", "R-CLASSIFY"),
        ),
        RuleUse(
            "Decision",
            "Transfer to or from another force",
            "recording:transfer-list",
            ("R-LOCATION", "R-TRANSFER-PROTOCOL", "R-CANCEL-C1-TRANSFER"),
        ),
        RuleUse(
            "Decision",
            "Outcome of a recorded crime",
            "recording:crime-list",
            ("R-OUTCOME-ASSIGN", "R-OUTCOME-SUSPECT", "R-OUTCOME-VICTIM-VIEW", "R-OUTCOME-NOT-CANCEL"),
        ),
        RuleUse(
            "Screen",
            "Crime record: THRIVE re-grading, restricted classes",
            "recording:crime-list",
            ("R-THRIVE", "R-RESTRICTED"),
        ),
        RuleUse("Screen", "Offence codes", "recording:offence-list", ("R-CLASSIFY", "R-PRINCIPAL")),
    ]

    def work_kinds(self) -> list[WorkKind]:
        """Crimes and transfers as staffing allocates them; staffing calls back to write the owner."""
        from recording.services.allocation import work_kinds

        return work_kinds()

    # ---- data protection hooks (config.registry): the MoPI review queue and subject access
    def mopi_review_items(self, user: Any, today: Any) -> list[Any]:
        if getattr(user, "role", None) not in (Role.MANAGER, Role.ADMIN):
            return []
        from recording.data_protection import crime_review_items

        return crime_review_items(today=today)

    def subject_access(self, name: str, user: Any) -> dict[str, Any]:
        from recording.data_protection import subject_access_data

        return subject_access_data(name=name)

    def work_queues(self, user: Any) -> list[Any]:
        from recording.queues import work_queues

        return work_queues(user)

    def record_kinds(self) -> list[Any]:
        """Crimes as records files and letters hang on (staffing.records)."""
        from django.urls import reverse

        from recording.letters import crime_letter_source
        from recording.services.crimes import crime_open
        from staffing.records import RecordKind

        return [
            RecordKind(
                key="crime",
                label="Crime",
                model=self.get_model("Crime"),
                open=crime_open,
                reference=lambda crime: str(crime.crime_number),
                url=lambda crime: reverse("recording:crime-detail", args=[crime.pk]),
                review_on=lambda crime: crime.review_on,
                letters=crime_letter_source(),
            )
        ]

    def seed_demo(self, rng: random.Random, out: TextIO) -> None:
        from recording.demo import seed_recording

        seed_recording(rng, out)
