"""What the complaint forms share: date widgets, the triage's fact questions, the case version."""

from __future__ import annotations

from django import forms

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
DATETIME = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")

# The triage's optional facts (API.md) are questions to the complainant, never pre-answered: "Not asked
# yet" stores null, and the case page then lists the ones whose answer would change the proposal.
NOT_ASKED = ("", "Not asked yet")
YES_NO = [NOT_ASKED, ("yes", "Yes"), ("no", "No")]
NO_INJURY = "none"
INJURY_CHOICES = [
    NOT_ASKED,
    (NO_INJURY, "No serious injury"),
    ("fracture", "Yes: a fracture"),
    ("deep_cut", "Yes: a deep cut or deep laceration"),
    ("internal_organ", "Yes: damage to an internal organ"),
    ("impaired_function", "Yes: an impaired bodily function"),
]


def fact_field(label: str) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        choices=YES_NO, coerce=lambda v: v == "yes", empty_value=None, required=False, label=label
    )


def injury_field(label: str = "Was anyone seriously injured?") -> forms.ChoiceField:
    return forms.ChoiceField(choices=INJURY_CHOICES, required=False, label=label)


def injury_value(answer: str) -> list[str] | None:
    """The form's injury answer as the stored fact: null not asked, [] none, [detail] serious."""
    if not answer:
        return None
    return [] if answer == NO_INJURY else [answer]


COMPLAINANT_QUESTIONS = {
    "subject_of_conduct": "Was the conduct directed at the complainant?",
    "serving_officer_same_force": "Does the complainant serve with the police under the same chief officer?",
    "affected_only_through_media": "Did the complainant see it only on television or social media?",
}
ALLEGATION_QUESTIONS = {
    "conduct": "Is it about someone's conduct (not only a service or policy matter)?",
    "relevant_offence": "Could it be a relevant offence (a sentence fixed by law, or 7 years or more)?",
    "about_senior_officer": "Is it about an officer above chief superintendent (not the chief officer)?",
}


class VersionForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
