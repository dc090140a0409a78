"""Forms on a crime: the crime list's filter, the assessment (THRIVE, solvability, the victim's view),
status and owner, suspects, the outcome and fast-track enquiries."""

from __future__ import annotations

from django import forms

from config import fields as bounded
from recording.forms.common import GRADE_CHOICES, when_field
from recording.models import Crime, Enquiry, HomeOfficeOutcome
from staffing.models import User


class CrimeFilterForm(forms.Form):
    q = forms.CharField(label="Crime number, incident or words", required=False)
    status = forms.ChoiceField(label="Status", choices=[("", "Any"), *Crime.Status.choices], required=False)
    offence = forms.CharField(label="Offence code", required=False, max_length=12)
    mine = forms.BooleanField(label="Only mine", required=False)
    breach = forms.BooleanField(label="Only NCRS breaches", required=False)
    recorded_from = bounded.DateField(
        label="Recorded from",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    recorded_to = bounded.DateField(
        label="Recorded to", required=False, widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )


class AssessmentForm(forms.Form):
    grade = forms.ChoiceField(label="THRIVE grade", choices=GRADE_CHOICES, required=False)
    thrive_notes = forms.CharField(label="THRIVE notes", widget=forms.Textarea, required=False)
    vulnerable_victim = forms.BooleanField(label="Vulnerable victim", required=False)
    domestic_abuse = forms.BooleanField(label="Domestic abuse", required=False)
    hate_crime = forms.BooleanField(label="Hate crime", required=False)
    safeguarding_referral = forms.BooleanField(label="Safeguarding referral made", required=False)
    safeguarding_notes = forms.CharField(label="Safeguarding notes", widget=forms.Textarea, required=False)
    solvability = forms.ChoiceField(label="Solvability screening", choices=Crime.Solvability.choices)
    solvability_factors = forms.CharField(
        label="Solvability factors",
        required=False,
        help_text="Comma-separated, e.g. CCTV, named suspect, forensics",
    )
    solvability_reason = forms.CharField(label="Screening reason", widget=forms.Textarea, required=False)
    victim_view = forms.ChoiceField(label="Victim's view", choices=Crime.VictimView.choices, required=False)
    victim_view_evidence = forms.CharField(
        label="How the view was obtained", widget=forms.Textarea, required=False
    )
    reason = forms.CharField(label="Reason for the change", max_length=300)
    # The version the person loaded: a save after someone else's is refused (config.concurrency).
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)

    def clean_solvability_factors(self) -> list[str]:
        raw = self.cleaned_data.get("solvability_factors") or ""
        return [p.strip() for p in raw.split(",") if p.strip()]


class StatusForm(forms.Form):
    status = forms.ChoiceField(
        label="New status",
        choices=[
            (Crime.Status.ALLOCATED, Crime.Status.ALLOCATED.label),
            (Crime.Status.UNDER_INVESTIGATION, Crime.Status.UNDER_INVESTIGATION.label),
        ],
        help_text="Finalise, cancel and transfer have their own actions and checks.",
    )
    owner = forms.ModelChoiceField(
        label="Owner",
        queryset=User.objects.filter(is_active=True, role="investigator"),
        required=False,
        help_text="Sergeants allocate: choose the investigator who owns the crime.",
    )
    reason = forms.CharField(label="Reason", max_length=300)


class SuspectForm(forms.Form):
    name = forms.CharField(label="Name", max_length=200, required=False)
    identified = forms.BooleanField(label="Identified", required=False)
    description = forms.CharField(label="Description", widget=forms.Textarea, required=False)
    reason = forms.CharField(label="Reason", max_length=300, initial="Suspect added")


class OutcomeForm(forms.Form):
    outcome = forms.ModelChoiceField(
        label="Home Office outcome", queryset=HomeOfficeOutcome.objects.all(), to_field_name="code"
    )
    reason = forms.CharField(label="Reason", widget=forms.Textarea)


class EnquiryForm(forms.Form):
    kind = forms.ChoiceField(label="Enquiry", choices=Enquiry.Kind.choices)
    details = forms.CharField(label="Details", widget=forms.Textarea, required=False)
    assigned_to = forms.ModelChoiceField(
        label="Assigned to",
        queryset=User.objects.filter(is_active=True, role__in=["investigator", "sergeant", "recorder"]),
        required=False,
    )
    due_at = when_field("Due by", required=False)


class EnquiryUpdateForm(forms.Form):
    status = forms.ChoiceField(label="Status", choices=Enquiry.Status.choices)
    result = forms.CharField(label="Result", widget=forms.Textarea, required=False)
