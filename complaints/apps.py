from __future__ import annotations

from pathlib import Path

from django.apps import AppConfig

from staffing.reference import ReferenceTable

REFERENCE = Path(__file__).resolve().parent / "reference"


class ComplaintsConfig(AppConfig):
    name = "complaints"
    verbose_name = "Complaints"
    default_auto_field = "django.db.models.BigAutoField"
    reference_tables = [
        ReferenceTable("complaints.ComplaintCategory", REFERENCE / "complaint_categories.csv"),
        ReferenceTable("complaints.ComplaintOutcome", REFERENCE / "complaint_outcomes.csv"),
    ]
