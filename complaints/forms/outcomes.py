"""Outcomes: closing with an outcome, withdrawal or discontinuance, and lessons learned."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone

from complaints.forms.common import (
    DATE,
    VersionForm,
)
from complaints.models import (
    ComplaintCategory,
    LessonLearned,
    SignpostOrganisation,
)
from config import fields as bounded


class CloseForm(VersionForm):
    outcome = forms.ChoiceField(label="Outcome")
    outcome_on = bounded.DateField(widget=DATE, label="Outcome date")
    reason = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 2}), required=False, label="Summary of what was done"
    )

    def __init__(self, *args: Any, outcomes: Any = (), allegations: Any = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices = [(o.code, o.title) for o in outcomes]  # the reference title: people read words
        self.fields["outcome"].choices = [("", "Choose…"), *choices]  # type: ignore[attr-defined]
        self.fields["outcome_on"].initial = timezone.localdate()
        if len(allegations) > 1:  # C-ALLEGATION-SPLIT: each allegation may have its own outcome
            for a in allegations:
                self.fields[f"allegation_{a.pk}"] = forms.ChoiceField(
                    choices=[("", "Same as the overall outcome"), *choices],
                    required=False,
                    label=f"Outcome for allegation {a.category.title}: {a.description[:60]}",
                )

    def action_data(self) -> dict[str, Any]:
        outcomes = {
            int(name.removeprefix("allegation_")): value
            for name, value in self.cleaned_data.items()
            if name.startswith("allegation_") and value
        }
        return {**self.cleaned_data, "allegation_outcomes": outcomes}


class ReasonForm(VersionForm):
    reason = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}))


class LessonForm(forms.Form):
    title = forms.CharField(max_length=200)
    description = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}))
    level = forms.ChoiceField(choices=LessonLearned.Level.choices)
    category = forms.ModelChoiceField(
        queryset=ComplaintCategory.objects.filter(retired_on__isnull=True),
        to_field_name="code",
        required=False,
        label="IOPC category",
    )


class SignpostForm(VersionForm):
    """Signposting to another organisation (issue 23 part 2): one from the force's list, or one named."""

    organisation = forms.ModelChoiceField(
        queryset=SignpostOrganisation.objects.filter(retired_on__isnull=True),
        to_field_name="code",
        required=False,
        empty_label="Not on the list (name it below)",
        label="Organisation",
    )
    organisation_other = forms.CharField(
        max_length=200, required=False, label="Another organisation, if not on the list"
    )
    reason = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}), label="Why this organisation can help")

    def action_data(self) -> dict[str, Any]:
        d = self.cleaned_data
        return {**d, "organisation": d["organisation"].code if d.get("organisation") else ""}
