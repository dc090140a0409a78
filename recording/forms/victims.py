"""A crime's victims and the Victims' Code: the victim, what was agreed with them, updates, decisions
they must be told of (R-VCOP-RIGHT6) and appointments."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone

from config import fields as bounded
from recording.forms.common import when_field
from recording.models import ContactMethod, Crime, CrimeVictim, VictimNotice, VictimUpdate
from staffing.models import ReasonableAdjustment, User


def adjustments_field() -> forms.MultipleChoiceField:
    """The victim's reasonable adjustments: the one list complainants' are chosen from."""
    return forms.MultipleChoiceField(
        label="Reasonable adjustments (the format letters to the victim need)",
        choices=ReasonableAdjustment.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )


def adjustment_notes_field() -> forms.CharField:
    return forms.CharField(
        label="Notes on the adjustments (e.g. the language)",
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
    )


class VictimForm(forms.Form):
    kind = forms.ChoiceField(label="Kind", choices=CrimeVictim.Kind.choices)
    name = forms.CharField(label="Name", max_length=200)
    date_of_birth = bounded.DateField(
        label="Date of birth", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    contact = forms.CharField(label="Contact", max_length=300, required=False)
    vulnerable = forms.BooleanField(label="Vulnerable", required=False)
    adjustments = adjustments_field()
    adjustment_notes = adjustment_notes_field()
    reason = forms.CharField(label="Reason", max_length=300, initial="Victim added")


class VictimAgreementForm(forms.Form):
    """R-VCOP-RIGHT6: what was agreed with the victim (they may change it at any time)."""

    update_every_days = forms.IntegerField(
        label="Update the victim every (days)", min_value=1, max_value=90, initial=28
    )
    contact_method = forms.ChoiceField(
        label="How the victim wants to be contacted", choices=ContactMethod.choices
    )
    enhanced_rights = forms.ChoiceField(
        label="Enhanced rights (beside being recorded as vulnerable)",
        choices=CrimeVictim.EnhancedRights.choices,
        required=False,
        help_text=(
            "A victim with enhanced rights is told of key decisions within 1 working day, not 5 "
            "(R-VCOP-RIGHT6)."
        ),
    )
    adjustments = adjustments_field()
    adjustment_notes = adjustment_notes_field()


class VictimUpdateForm(forms.Form):
    victim = forms.ModelChoiceField(label="Victim", queryset=CrimeVictim.objects.none(), required=False)
    contacted_at = when_field("Contacted at", help_text="Europe/London time; now unless you say otherwise.")
    method = forms.ChoiceField(label="Method", choices=VictimUpdate.Method.choices)
    summary = forms.CharField(label="What the victim was told", widget=forms.Textarea)

    def __init__(self, *args: Any, crime: Crime, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["victim"].queryset = crime.victims.all()  # type: ignore[attr-defined]
        # Most updates are logged as they are made: the contact time starts at now.
        self.fields["contacted_at"].initial = timezone.localtime().replace(second=0, microsecond=0)


class VictimNoticeForm(forms.Form):
    kind = forms.ChoiceField(label="Decision", choices=VictimNotice.Kind.choices)
    decided_at = when_field("Decided at")
    reason = forms.CharField(
        label="What was decided and why, as the victim will be told", widget=forms.Textarea
    )


class VictimNoticeToldForm(forms.Form):
    told_at = when_field("Told at")
    method = forms.ChoiceField(label="How", choices=ContactMethod.choices)
    summary = forms.CharField(
        label="What the victim was told (optional: the decision and its reasons otherwise)",
        widget=forms.Textarea,
        required=False,
    )


class AppointmentForm(forms.Form):
    officer = forms.ModelChoiceField(
        label="Officer or investigator",
        queryset=User.objects.filter(is_active=True, role__in=["investigator", "sergeant", "recorder"]),
    )
    victim = forms.ModelChoiceField(label="Victim", queryset=CrimeVictim.objects.none(), required=False)
    starts_at = when_field("Starts at")
    ends_at = when_field("Ends at")
    location = forms.CharField(label="Where", max_length=300, required=False)
    notes = forms.CharField(label="Notes", widget=forms.Textarea, required=False)

    def __init__(self, *args: Any, crime: Crime, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["victim"].queryset = crime.victims.all()  # type: ignore[attr-defined]
