"""Forms of the roster (its CSV upload and picker) and the repeat-subject alerts (issue 23 part 3)."""

from __future__ import annotations

import json
from typing import Any

from django import forms
from django.urls import reverse_lazy

from complaints.models import Allegation, ComplaintCase, RosterPerson, Subject
from complaints.selectors import alerts as alert_selectors
from config.exceptions import DomainError


def roster_search_attrs(name: str) -> dict[str, Any]:
    """A text input that offers people on the roster as one types (a datalist filled by htmx from
    /complaints/roster/find/); without JavaScript a collar number or a name is typed and looked up."""
    return {
        "list": "roster-people",
        "autocomplete": "off",
        "hx-get": reverse_lazy("complaints:roster-find"),
        "hx-trigger": "input changed delay:250ms",
        "hx-target": "#roster-people",
        "hx-swap": "innerHTML",
        "hx-vals": json.dumps({"field": name}),
    }


class SubjectChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.name or 'Unnamed'}" + (f" ({obj.team_name})" if obj.team_name else "")


class AllegationChoices(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        text = str(obj.category.title)
        return text + (f": {obj.description[:80]}" if obj.description else "")


PERSON_HELP = "Type a collar number, or part of a name, and choose the person from the roster."


class SubjectAttachForm(forms.Form):
    person = forms.CharField(max_length=200, label="Who, from the roster", help_text=PERSON_HELP)
    kind = forms.ChoiceField(
        choices=[
            (Subject.Kind.OFFICER, Subject.Kind.OFFICER.label),
            (Subject.Kind.STAFF, Subject.Kind.STAFF.label),
        ],
        label="Police officer or police staff",
    )
    subject = SubjectChoice(
        queryset=Subject.objects.none(),
        required=False,
        label="Is this someone the complainant named? (optional)",
        empty_label="No: add them as a new subject",
    )
    allegations = AllegationChoices(
        queryset=Allegation.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        label="Which allegations are about them",
    )

    def __init__(self, *args: Any, case: ComplaintCase, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["person"].widget.attrs.update(roster_search_attrs("person"))
        unlinked = case.subjects.filter(
            roster_person__isnull=True, kind__in=[Subject.Kind.OFFICER, Subject.Kind.STAFF]
        )
        subject_field = self.fields["subject"]
        assert isinstance(subject_field, SubjectChoice)
        subject_field.queryset = unlinked
        if not unlinked.exists():
            del self.fields["subject"]
        allegations = self.fields["allegations"]
        assert isinstance(allegations, AllegationChoices)
        allegations.queryset = case.allegations.select_related("category")

    def clean_person(self) -> RosterPerson:
        try:
            return alert_selectors.roster_person_for(self.cleaned_data["person"])
        except DomainError as exc:
            raise forms.ValidationError(exc.message) from exc

    def action_data(self) -> dict[str, Any]:
        """What the case action `subject_attach` takes (complaints.actions), as the API gives it too."""
        d = self.cleaned_data
        return {
            "person": d["person"],
            "kind": d["kind"],
            "subject": d["subject"].pk if d.get("subject") else None,
            "allegations": [a.pk for a in d["allegations"]],
        }


class AlertAnswerForm(forms.Form):
    agrees = forms.TypedChoiceField(
        choices=[("yes", "Yes: the pattern needs action"), ("no", "No: no action is needed")],
        coerce=lambda v: v == "yes",
        widget=forms.RadioSelect,
        label="Do you agree with the alert?",
    )
    action_taken = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=4000,
        label="What was done (or why nothing was needed)",
    )


class RosterUploadForm(forms.Form):
    file = forms.FileField(label="Roster CSV (collar_number, name, rank, team)")
