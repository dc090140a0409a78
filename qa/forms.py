from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone

from config import fields as bounded
from qa import rules
from qa.dashboard import MAX_WEEKS
from qa.models import HiddenCrimeFlag, RapeReview, UnrecordedFlag
from recording.models import NsirCode
from staffing.models import User


class AccessibleForm(forms.Form):
    """Links each field's error message to its input with aria-describedby (with the hint, if any)."""

    def full_clean(self) -> None:
        super().full_clean()
        for name in self.errors:
            if name in self.fields:
                widget = self.fields[name].widget
                ids = [f"id_{name}-error"]
                if self.fields[name].help_text:
                    ids.insert(0, f"id_{name}_helptext")
                widget.attrs["aria-describedby"] = " ".join(ids)
                widget.attrs["aria-invalid"] = "true"


YES_NO = [("yes", "Yes"), ("no", "No")]


class FlagAssignForm(AccessibleForm):
    investigator = forms.ModelChoiceField(
        queryset=User.objects.filter(role=User.Role.INVESTIGATOR, is_active=True).order_by(
            "last_name", "username"
        ),
        label="Investigator",
        empty_label="Choose an investigator",
        error_messages={"required": "Choose an investigator."},
    )
    assign_reason = forms.CharField(
        label="Reason (if the allocation rules would not choose them)",
        required=False,
        max_length=300,
        help_text="Needed when they are off shift, lack valid training or are at capacity.",
    )


class FlagFilterForm(AccessibleForm):
    status = forms.ChoiceField(
        label="Status", choices=UnrecordedFlag.Status.choices, required=False, initial="open"
    )
    assigned = forms.ChoiceField(
        label="Assignment",
        choices=[("", "Anyone or no one"), ("no", "Unassigned"), ("yes", "Assigned")],
        required=False,
    )
    q = forms.CharField(label="Incident reference", required=False, max_length=40)
    escalation = forms.ChoiceField(
        label="Control room",
        choices=[("", "Any"), ("open", "Waiting for an answer"), ("answered", "Answered")],
        required=False,
    )
    mismatch = forms.ChoiceField(
        label="Resolved with a crime that did not match",
        choices=[("", "Any"), ("yes", "Only those (a reason was given)")],
        required=False,
    )


class FlagResolveForm(AccessibleForm):
    crime_number = forms.CharField(
        label="Crime number",
        max_length=40,
        help_text="The crime recorded for this incident. Check it first: it is shown beside the incident.",
        error_messages={"required": "Give the crime number that was recorded."},
    )
    resolve_reason = forms.CharField(
        label="Reason (if the crime does not match the incident)",
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text=(
            "Needed when the crime is linked to another incident, belongs to another force, or was "
            "reported more than a few days from the incident's opening."
        ),
    )


class FlagDismissForm(AccessibleForm):
    reason = forms.CharField(
        label="Reason no crime is recorded",
        widget=forms.Textarea,
        help_text="Show why the NCRS was not breached (R-NSIR-AUDIT-TRAIL).",
        error_messages={"required": "Say why no crime needs recording."},
    )
    closing_nsir_code = forms.ChoiceField(
        label="NSIR closing code", error_messages={"required": "Choose the NSIR closing code."}
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        codes = NsirCode.objects.filter(crime_related=False).order_by("code").values_list("code", "title")
        field = self.fields["closing_nsir_code"]
        assert isinstance(field, forms.ChoiceField)  # noqa: S101 - declared above
        field.choices = [("", "Choose a closing code"), *codes]


class FlagEscalateForm(AccessibleForm):
    note = forms.CharField(
        label="Note for the control room",
        widget=forms.Textarea,
        error_messages={"required": "Write a note for the control room."},
    )


class FlagAnswerForm(AccessibleForm):
    answer = forms.CharField(
        label="The control room's answer",
        widget=forms.Textarea,
        error_messages={"required": "Write the control room's answer."},
    )


QUESTION_LABELS = {
    "recording_right": "Was the recording decision right (a crime recorded if, and only if, one should be)?",
    "count_right": "Was the number of crimes right?",
    "classification_right": "Was the classification right?",
    "within_24h": "Was it recorded within 24 hours?",
    "outcome_right": "Was the outcome right?",
}


class DipAuditForm(AccessibleForm):
    """One yes/no question per check that can apply to this record, none pre-selected: an untouched form
    does not save. A question that cannot apply (no crime, no outcome yet) is not asked; the page says
    why instead (qa.services.dip_test.dip_sample_questions)."""

    notes = forms.CharField(label="Notes", widget=forms.Textarea, required=False)

    def __init__(self, *args: Any, questions: dict[str, str | None], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.not_applicable = {name: why for name, why in questions.items() if why is not None}
        self.not_asked = [(QUESTION_LABELS[name], why) for name, why in self.not_applicable.items()]
        for name, label in QUESTION_LABELS.items():
            if name in self.not_applicable:
                continue
            self.fields[name] = forms.ChoiceField(
                label=label,
                choices=YES_NO,
                widget=forms.RadioSelect,
                error_messages={"required": "Answer this question: yes or no."},
            )
        self.order_fields([*QUESTION_LABELS, "notes"])

    def answers(self) -> dict[str, bool | None]:
        return {
            name: None if name in self.not_applicable else self.cleaned_data[name] == "yes"
            for name in QUESTION_LABELS
        }


class AmendmentFixForm(AccessibleForm):
    note = forms.CharField(
        label="What was corrected, or why no change is needed",
        widget=forms.Textarea,
        error_messages={"required": "Say what was corrected, or why no change is needed."},
    )
    no_change_needed = forms.BooleanField(
        label="No change is needed",
        required=False,
        help_text="Tick only if the record was right after all; the note then says why.",
    )


class RapeReviewForm(AccessibleForm):
    decision = forms.ChoiceField(
        label="Recording decision",
        choices=[("", "Choose a decision"), *RapeReview.Decision.choices],
        error_messages={"required": "Choose the recording decision."},
    )
    decision_note = forms.CharField(label="Reason for the decision", widget=forms.Textarea, required=False)
    victim_age = forms.IntegerField(
        label="Victim's age",
        required=False,
        min_value=0,
        max_value=120,
        help_text="Decides adult or child abuse team; blank if not known (treated as a child).",
    )
    advice = forms.CharField(
        label="Advice given to the abuse investigation team",
        widget=forms.Textarea,
        error_messages={"required": "Record the advice given to the abuse investigation team."},
    )


class ComplianceFilterForm(AccessibleForm):
    by = forms.ChoiceField(
        label="Group by",
        choices=[
            ("day", "Day"),
            ("week", "Week"),
            ("team", "Team"),
            ("investigator", "Investigator"),
            ("investigator-week", "Investigator, week by week"),
            ("category", "Category"),
        ],
        required=False,
    )
    my_team = forms.BooleanField(label="Only my team's records", required=False)
    start = bounded.DateField(label="From", required=False, widget=forms.DateInput(attrs={"type": "date"}))
    end = bounded.DateField(label="To", required=False, widget=forms.DateInput(attrs={"type": "date"}))


class DayForm(AccessibleForm):
    date = bounded.DateField(
        label="Day",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": "Enter the day as a date, like 2026-03-01."},
    )

    def clean_date(self) -> object:
        day = self.cleaned_data.get("date")
        if refusal := rules.figures_day_refusal(day, timezone.localdate()):
            raise forms.ValidationError(refusal)
        return day


# ---------------------------------------------------------------- possible hidden crimes (issue 21)
class HiddenCrimeRecordForm(AccessibleForm):
    crime_number = forms.CharField(
        label="Crime number recorded for this incident",
        max_length=40,
        error_messages={"required": "Give the crime number that was recorded."},
        help_text="A crime recorded from the decide page is linked already; give one recorded another way.",
    )
    record_reason = forms.CharField(
        label="Reason (if the crime does not match the incident)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class HiddenCrimeReferForm(AccessibleForm):
    reference = forms.CharField(label="Action Fraud reference (if known)", required=False, max_length=60)
    refer_detail = forms.CharField(label="Note", required=False, widget=forms.Textarea(attrs={"rows": 2}))


class HiddenCrimeDismissForm(AccessibleForm):
    reason = forms.ChoiceField(
        label="Why no crime is recorded",
        choices=[("", "Choose a reason"), *HiddenCrimeFlag.DismissReason.choices],
        error_messages={"required": "Choose a reason from the list."},
    )
    detail = forms.CharField(
        label="In your own words",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Say in your own words why no crime needs recording."},
    )


class ScreenPatternsForm(AccessibleForm):
    """The managers' pattern page: the whole pattern file as text, and what this version changes."""

    text = forms.CharField(
        label="Pattern data (YAML)",
        widget=forms.Textarea(attrs={"rows": 30, "spellcheck": "false", "class": "code"}),
        help_text="Phrases, token patterns, negation and other cues, and weights. Checked before it is kept.",
        strip=False,
    )
    note = forms.CharField(label="What this version changes", max_length=200)


class DashboardForm(AccessibleForm):
    date = bounded.DateField(
        label="Day",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": "Enter the day as a date, like 2026-03-01."},
    )
    weeks = forms.IntegerField(
        label="Weeks of trend",
        required=False,
        min_value=1,
        max_value=MAX_WEEKS,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
        error_messages={
            "min_value": "Show at least 1 week.",
            "max_value": f"Show at most {MAX_WEEKS} weeks.",
            "invalid": "Enter a whole number of weeks.",
        },
    )

    def clean_date(self) -> object:
        day = self.cleaned_data.get("date")
        if refusal := rules.figures_day_refusal(day, timezone.localdate()):
            raise forms.ValidationError(refusal)
        return day
