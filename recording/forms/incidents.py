"""Incidents opened in Resolve, and linking crimes and incidents from either page."""

from __future__ import annotations

from typing import Any

from django import forms

from recording.forms.common import GRADE_CHOICES, when_field
from recording.models import NsirCode


def nsir_choices() -> list[tuple[str, Any]]:
    """NSIR codes by name, grouped by incident category (a plain select: works without JavaScript)."""
    groups: dict[str, list[tuple[str, str]]] = {}
    for code in NsirCode.objects.order_by("incident_category", "title"):
        groups.setdefault(code.incident_category, []).append((code.code, code.title))
    return [("", "Choose what was reported"), *groups.items()]


class IncidentOpenForm(forms.Form):
    nsir_code = forms.ChoiceField(label="What was reported (NSIR code)", choices=())
    summary = forms.CharField(
        label="What the caller said", widget=forms.Textarea, help_text="The log narrative, in their words."
    )
    location = forms.CharField(label="Location", max_length=300, required=False)
    grade = forms.ChoiceField(label="THRIVE grade", choices=GRADE_CHOICES, required=False)
    opened_at = when_field(
        "Reported at",
        required=False,
        help_text="Europe/London time. Leave blank for now (a report taken as it is made).",
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["nsir_code"].choices = nsir_choices()  # type: ignore[attr-defined]


class IncidentCrimeForm(forms.Form):
    """Link or unlink a crime on the incident page."""

    crime_number = forms.CharField(label="Crime number", max_length=40)
    reason = forms.CharField(label="Reason", widget=forms.Textarea(attrs={"rows": 2}))


class CrimeIncidentForm(forms.Form):
    """Link or unlink an incident on the crime page."""

    incident = forms.CharField(label="Incident reference", max_length=40)
    reason = forms.CharField(label="Reason", widget=forms.Textarea(attrs={"rows": 2}))
