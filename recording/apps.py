from __future__ import annotations

from pathlib import Path

from django.apps import AppConfig

from config.permissions import Role
from config.registry import NavItem
from staffing.reference import ReferenceTable, as_bool, as_int

REFERENCE = Path(__file__).resolve().parent / "reference"


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
            "recording.HomeOfficeOutcome",
            REFERENCE / "ho_outcomes.csv",
            converters={"requires_suspect": as_bool, "requires_victim_view": as_bool},
        ),
        ReferenceTable(
            "recording.CancellationCriterion",
            REFERENCE / "cancellation_criteria.csv",
            converters={"needs_ddm_approval": as_bool},
        ),
        ReferenceTable(
            "recording.NsirCode",
            REFERENCE / "nsir_codes.csv",
            converters={"crime_related": as_bool, "hidden_crime_risk": as_bool},
        ),
    ]
    nav_items = [
        NavItem("Offence codes", "recording:offence-list", frozenset(Role.CRIME_STAFF), order=90),
    ]
