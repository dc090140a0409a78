"""Intake: a case logged by hand, and an allegation added to it."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone

from complaints.forms.alerts import PERSON_HELP, roster_search_attrs
from complaints.forms.common import (
    COMPLAINANT_QUESTIONS,
    DATE,
    DATETIME,
    AllegationFactsForm,
    VersionForm,
    fact_field,
)
from complaints.models import (
    Complainant,
    ComplaintCase,
    ComplaintCategory,
    Subject,
)
from complaints.rules import MAX_AGE
from complaints.selectors import alerts as alert_selectors
from config import fields as bounded
from config.exceptions import DomainError


class IntakeForm(AllegationFactsForm):
    # The page's own fields, then the allegation's facts (AllegationFactsForm) after them.
    field_order = [
        "kind",
        "channel",
        "received_at",
        "incident_date",
        "location",
        "summary",
        "about_chief_officer",
        "complainant_wants_recording",
        "complainant_agrees_outside_schedule_3",
        "name",
        "email",
        "phone",
        "address",
        "preferred_contact",
        "adjustments",
        "adjustment_notes",
        "adversely_affected",
        "witness",
        "acting_for_someone",
        "on_behalf_of",
        "consent_of_affected",
        "consent_evidence",
        "age",
        *COMPLAINANT_QUESTIONS,
        "eq_age_band",
        "eq_sex",
        "eq_ethnicity",
        "eq_disability",
        "eq_religion",
        "eq_sexual_orientation",
        "subject_kind",
        "subject_name",
        "subject_collar",
        "subject_staff_id",
        "subject_team",
        "subject_roster",
        "category",
        "allegation",
    ]

    kind = forms.ChoiceField(choices=ComplaintCase.Kind.choices)
    channel = forms.ChoiceField(choices=ComplaintCase.Channel.choices)
    received_at = bounded.DateTimeField(widget=DATETIME, label="Received at")
    incident_date = bounded.DateField(widget=DATE, required=False, label="Date of the events")
    location = forms.CharField(max_length=200, required=False)
    summary = forms.CharField(widget=forms.Textarea, label="What happened, in the complainant's words")
    about_chief_officer = forms.BooleanField(required=False, label="The complaint is about the chief officer")
    complainant_wants_recording = forms.BooleanField(
        required=False, label="The complainant wants it recorded"
    )
    complainant_agrees_outside_schedule_3 = forms.BooleanField(
        required=False, label="The complainant agrees to informal handling outside Schedule 3"
    )
    # complainant
    name = forms.CharField(max_length=200, label="Complainant's name")
    email = forms.EmailField(required=False)
    phone = forms.CharField(max_length=40, required=False)
    address = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), required=False)
    preferred_contact = forms.ChoiceField(
        choices=Complainant.ContactMethod.choices, label="Preferred contact"
    )
    adjustments = forms.MultipleChoiceField(
        choices=Complainant.Adjustment.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Reasonable adjustments",
    )
    adjustment_notes = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}), required=False)
    adversely_affected = forms.BooleanField(required=False, initial=True, label="Adversely affected")
    witness = forms.BooleanField(required=False, label="A witness to the conduct")
    acting_for_someone = forms.BooleanField(required=False, label="Acting for someone else")
    on_behalf_of = forms.CharField(max_length=200, required=False, label="On behalf of")
    consent_of_affected = forms.BooleanField(required=False, label="Written consent of that person held")
    consent_evidence = forms.CharField(max_length=500, required=False, label="Consent evidence")
    age = forms.IntegerField(
        min_value=0,
        max_value=MAX_AGE,
        required=False,
        label="Age (whole years, optional)",
        help_text="Of the person whose complaint it is (the person acted for, if acting for someone). "
        "Under 18: involve a parent, guardian or advocate.",
    )
    subject_of_conduct = fact_field(COMPLAINANT_QUESTIONS["subject_of_conduct"])
    serving_officer_same_force = fact_field(COMPLAINANT_QUESTIONS["serving_officer_same_force"])
    affected_only_through_media = fact_field(COMPLAINANT_QUESTIONS["affected_only_through_media"])
    # equality monitoring (C-DP-MINIMISE): optional, stored apart, seen by managers only
    eq_age_band = forms.CharField(
        max_length=20, required=False, label="Age band (optional, equality monitoring)"
    )
    eq_sex = forms.CharField(max_length=40, required=False, label="Sex (optional)")
    eq_ethnicity = forms.CharField(max_length=80, required=False, label="Ethnicity (optional)")
    eq_disability = forms.CharField(max_length=80, required=False, label="Disability (optional)")
    eq_religion = forms.CharField(max_length=80, required=False, label="Religion or belief (optional)")
    eq_sexual_orientation = forms.CharField(
        max_length=80, required=False, label="Sexual orientation (optional)"
    )
    # subject
    subject_kind = forms.ChoiceField(choices=Subject.Kind.choices, label="Who is it about")
    subject_name = forms.CharField(max_length=200, required=False, label="Officer or staff name")
    subject_collar = forms.CharField(max_length=20, required=False, label="Collar number")
    subject_staff_id = forms.CharField(
        max_length=150, required=False, label="Staff id (police staff: their Resolve username)"
    )
    subject_team = forms.CharField(max_length=120, required=False, label="Team")
    # Who it is on the force's roster (issue 23 part 3): the name, collar number and team come from there.
    subject_roster = forms.CharField(
        max_length=200,
        required=False,
        label="Find them on the roster (collar number or name)",
        help_text=PERSON_HELP,
        widget=forms.TextInput(attrs=roster_search_attrs("subject_roster")),
    )
    # allegation
    category = forms.ModelChoiceField(
        queryset=ComplaintCategory.objects.filter(retired_on__isnull=True),
        to_field_name="code",
        required=False,
        label="IOPC category",
    )
    allegation = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}), required=False, label="Allegation")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["received_at"].initial = timezone.localtime().replace(second=0, microsecond=0)
        self.fields["category"].label_from_instance = lambda c: f"{c.code} – {c.title}"  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if (
            data.get("kind") != ComplaintCase.Kind.COMPLIMENT
            and not data.get("category")
            and "category" not in self.errors
        ):
            self.add_error("category", "Choose the IOPC category of the allegation.")
        if data.get("subject_roster"):
            try:
                data["roster_person"] = alert_selectors.roster_person_for(data["subject_roster"])
            except DomainError as exc:
                self.add_error("subject_roster", exc.message)
        return data

    def service_kwargs(self) -> dict[str, Any]:
        d = self.cleaned_data
        # The service links the subject to their user account (collar number or staff id).
        subject: dict[str, Any] = {
            "kind": d["subject_kind"],
            "name": d["subject_name"],
            "collar_number": d["subject_collar"],
            "staff_id": d["subject_staff_id"],
            "team_name": d["subject_team"],
            "roster_person": d.get("roster_person"),
        }
        allegations = []
        if d.get("category"):
            allegations.append(
                {
                    "category": d["category"].code,
                    "description": d["allegation"],
                    **self.allegation_facts(),
                    "subjects": [0],  # the one subject named above
                }
            )
        equality = {k[3:]: d[k] for k in d if k.startswith("eq_")}
        return {
            "kind": d["kind"],
            "channel": d["channel"],
            "received_at": d["received_at"],
            "incident_date": d["incident_date"],
            "location": d["location"],
            "summary": d["summary"],
            "about_chief_officer": d["about_chief_officer"],
            "complainant_wants_recording": d["complainant_wants_recording"],
            "complainant_agrees_outside_schedule_3": d["complainant_agrees_outside_schedule_3"],
            "complainants": [
                {
                    k: d[k]
                    for k in (
                        "name",
                        "email",
                        "phone",
                        "address",
                        "preferred_contact",
                        "adjustments",
                        "adjustment_notes",
                        "adversely_affected",
                        "witness",
                        "acting_for_someone",
                        "on_behalf_of",
                        "consent_of_affected",
                        "consent_evidence",
                        "age",
                        *COMPLAINANT_QUESTIONS,
                    )
                }
                | {"equality": equality}
            ],
            "subjects": [subject],
            "allegations": allegations,
        }


class AllegationForm(VersionForm, AllegationFactsForm):
    field_order = ["version", "category", "description"]  # then the allegation's facts

    category = forms.ModelChoiceField(
        queryset=ComplaintCategory.objects.filter(retired_on__isnull=True),
        to_field_name="code",
        label="IOPC category",
    )
    description = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 2}), required=False, label="Allegation"
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["category"].label_from_instance = lambda c: f"{c.code} – {c.title}"  # type: ignore[attr-defined]

    def action_data(self) -> dict[str, Any]:
        d = self.cleaned_data
        return {
            "category": d["category"].code,
            "description": d["description"],
            "version": d["version"],
            "facts": self.allegation_facts(),
        }
