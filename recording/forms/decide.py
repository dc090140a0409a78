"""The recording decision screen: the report, its victims, allegations and offenders, and the actions
on a report awaiting the victim."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.forms import formset_factory
from django.urls import reverse_lazy

from config import fields as bounded
from config.inputs import MAX_ITEMS
from recording import rules
from recording.forms.common import GRADE_CHOICES, force_code_for, offence_code_for, when_field
from recording.models import AwaitingVictim


class ReportForm(forms.Form):
    reported_at = when_field(
        "Reported at",
        required=False,
        help_text="When the report first reached the force (the NCRS 24-hour clock starts here). From an "
        "incident: its opening, filled in; left blank, the incident's opening is used.",
    )
    reported_at_reason = forms.CharField(
        label="Why the report time differs from the incident's opening",
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=2000,
        required=False,
        help_text="Only when you change the time from the incident's opening: the clock then runs from "
        "your time, and both times and this reason are kept on the crime (R-NCRS-24H).",
    )
    force = forms.CharField(
        label="Our force",
        max_length=120,
        initial=settings.RESOLVE_FORCE_CODE,
        widget=forms.TextInput(attrs={"list": "force-options", "autocomplete": "off"}),
        help_text="Its name or code.",
    )
    location_force = forms.CharField(
        label="Force area where it happened",
        max_length=120,
        required=False,
        widget=forms.TextInput(attrs={"list": "force-options", "autocomplete": "off"}),
        help_text="Its name or code (e.g. Kent Police or KT). Leave blank if it happened in our area.",
    )
    reporter = forms.ChoiceField(
        label="Who made the report",
        choices=AwaitingVictim.Reporter.choices,
        initial=AwaitingVictim.Reporter.VICTIM,
        required=False,
        help_text="Someone other than the victim: the crime may wait until the victim is spoken to.",
    )
    incident_reference = forms.CharField(
        label="Incident reference",
        max_length=40,
        required=False,
        help_text="The command-and-control log entry.",
    )
    summary = forms.CharField(label="Summary", widget=forms.Textarea, required=False)
    location = forms.CharField(label="Location", max_length=300, required=False)
    grade = forms.ChoiceField(label="THRIVE grade", choices=GRADE_CHOICES, required=False)
    domestic_abuse = forms.BooleanField(label="Domestic abuse", required=False)
    hate_crime = forms.BooleanField(label="Hate crime", required=False)
    safeguarding_referral = forms.BooleanField(label="Safeguarding referral made", required=False)
    separate_crime = forms.BooleanField(
        label="This is a separate crime",
        required=False,
        help_text="Only when the incident already has a live crime for the same victim and offence.",
    )
    separate_crime_reason = forms.CharField(
        label="Why it is a separate crime", widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
    # One key per decision form (made when the page is first shown): a second Record of the same form
    # (Back and resubmit, a double click) records nothing new and shows the crimes already recorded.
    idempotency_key = forms.CharField(widget=forms.HiddenInput, max_length=200, required=False)

    def clean_force(self) -> str:
        return force_code_for(self.cleaned_data["force"])

    def clean_location_force(self) -> str:
        return (
            force_code_for(self.cleaned_data["location_force"]) if self.cleaned_data["location_force"] else ""
        )

    def clean_reporter(self) -> str:
        # Not given (a form from before the field existed): the victim reported it, as the API's default.
        return self.cleaned_data.get("reporter") or AwaitingVictim.Reporter.VICTIM


class VictimRowForm(forms.Form):
    ref = forms.CharField(label="Victim ref", max_length=20, help_text="e.g. V1")
    kind = forms.ChoiceField(label="Kind", choices=[(k.value, k.value.title()) for k in rules.VictimKind])
    name = forms.CharField(label="Name", max_length=200, required=False)
    date_of_birth = bounded.DateField(
        label="Date of birth", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    age = forms.IntegerField(label="Age (years)", min_value=0, max_value=130, required=False)
    contact = forms.CharField(label="Contact", max_length=300, required=False)
    vulnerable = forms.BooleanField(label="Vulnerable", required=False)
    unreachable = forms.BooleanField(label="Cannot be identified or traced", required=False)
    # Unticked (the usual case, and a form from before the field) the victim supports police action.
    no_police_action = forms.BooleanField(
        label="Does not want police action",
        required=False,
        help_text="The crime is still recorded (R-NCRS-VICTIM-BELIEF); their view is kept on it.",
    )


class AllegationRowForm(forms.Form):
    ref = forms.CharField(label="Allegation ref", max_length=20, help_text="e.g. A1")
    victim = forms.CharField(
        label="Victim ref", max_length=20, required=False, help_text="Blank: no specific victim."
    )
    offence = forms.CharField(
        label="Offence",
        max_length=120,
        help_text="Type part of its title or its code (assault, burglary, 8N) and choose from the list.",
        widget=forms.TextInput(
            attrs={
                "list": "offence-options",
                "autocomplete": "off",
                # With JavaScript, the list narrows to what was typed (titles, codes, legislation).
                "hx-get": reverse_lazy("recording:offence-options"),
                "hx-trigger": "input changed delay:250ms",
                "hx-target": "#offence-options",
                "hx-swap": "innerHTML",
            }
        ),
    )
    incident = forms.CharField(label="Incident label", max_length=40, initial="I1")
    victim_contacted = forms.BooleanField(label="Victim spoken to", required=False, initial=True)
    believed = forms.BooleanField(
        label="Believed",
        required=False,
        initial=True,
        help_text="On the balance of probability; untick only for credible evidence it did not happen.",
    )
    avi_no_crime = forms.BooleanField(label="AVI shows no crime", required=False)
    offenders = forms.CharField(
        label="Offender refs", max_length=200, required=False, help_text="Comma-separated, e.g. O1"
    )

    def clean_offence(self) -> str:
        return offence_code_for(self.cleaned_data["offence"])

    def clean_offenders(self) -> list[str]:
        raw = self.cleaned_data.get("offenders") or ""
        return [p.strip() for p in raw.split(",") if p.strip()]


class OffenderRowForm(forms.Form):
    ref = forms.CharField(label="Offender ref", max_length=20)
    name = forms.CharField(label="Name", max_length=200, required=False)
    identified = forms.BooleanField(label="Identified", required=False)
    description = forms.CharField(label="Description", max_length=300, required=False)


class AwaitingRecordForm(forms.Form):
    note = forms.CharField(
        label="What the victim said",
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="The victim confirms the account: the crimes are decided again and recorded.",
    )


class AwaitingCloseForm(forms.Form):
    reason = forms.CharField(
        label="Why no crime is to be recorded",
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="For example: the victim, spoken to, says nothing happened (their account decides).",
    )


# At most MAX_ITEMS rows, as the API allows (config.inputs): a posted count cannot make the page build
# thousands of forms.
VictimFormSet = formset_factory(VictimRowForm, extra=0, min_num=0, max_num=MAX_ITEMS, validate_max=True)


AllegationFormSet = formset_factory(
    AllegationRowForm, extra=0, min_num=1, validate_min=True, max_num=MAX_ITEMS, validate_max=True
)


OffenderFormSet = formset_factory(OffenderRowForm, extra=0, min_num=0, max_num=MAX_ITEMS, validate_max=True)
