"""Triage: accepting or overriding the proposal, and answering the facts it assumed."""

from __future__ import annotations

from typing import Any

from django import forms

from complaints.forms.common import (
    VersionForm,
    fact_field,
    injury_field,
    injury_value,
)
from complaints.models import (
    AppropriateAuthority,
    NotAComplaintReason,
    Route,
)


class TriageForm(VersionForm):
    decision = forms.ChoiceField(choices=[("accept", "Accept the proposal"), ("override", "Override it")])
    route = forms.ChoiceField(choices=[("", "Not eligible – no route"), *Route.choices], required=False)
    must_refer_to_iopc = forms.BooleanField(required=False, label="Must refer to the IOPC")
    appropriate_authority = forms.ChoiceField(choices=AppropriateAuthority.choices, required=False)
    not_a_complaint = forms.ChoiceField(
        choices=[("", "It is a complaint"), *NotAComplaintReason.choices],
        required=False,
        label="If overriding: is it not a complaint at all?",
        help_text="Then it has no route: signpost the person to the organisation that can help.",
    )
    reason = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 2}), required=False, label="Reason for overriding"
    )

    def action_data(self) -> dict[str, Any]:
        return {**self.cleaned_data, "accept": self.cleaned_data["decision"] == "accept"}


class FactsForm(VersionForm):
    """The triage facts not asked yet whose answer would change the proposal (one field per fact,
    named by its dotted path with dots as double underscores)."""

    def __init__(self, *args: Any, questions: Any = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for path, question, changes in questions:
            name = path.replace(".", "__")
            hint = f"The answer could change {changes}."
            if path.endswith("injury_details"):
                field: forms.Field = injury_field(question)
            else:
                field = fact_field(question)
            field.required = True
            field.help_text = hint
            self.fields[name] = field

    def action_data(self) -> dict[str, Any]:
        answers: dict[str, Any] = {}
        for name, value in self.cleaned_data.items():
            if "__" not in name:
                continue
            path = name.replace("__", ".")
            answers[path] = injury_value(value) if path.endswith("injury_details") else value
        return {"answers": answers, "version": self.cleaned_data.get("version")}
