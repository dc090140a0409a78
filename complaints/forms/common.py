"""What the complaint forms share: date widgets, the triage's fact questions, an allegation's facts, the
case version."""

from __future__ import annotations

from typing import Any

from django import forms

from complaints.models import Allegation

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


class AllegationFactsForm(forms.Form):
    """An allegation's facts, declared once for the intake page and the case page's "add an allegation":
    the seven flags the triage engine reads (Allegation.FLAGS), its three optional facts and the injury
    question. Django puts a base form's fields first, so each form using this one gives its own fields in
    `field_order` and these follow them, as they did when each form declared them."""

    death_or_serious_injury = forms.BooleanField(required=False, label="Death or serious injury")
    serious_assault = forms.BooleanField(required=False)
    serious_sexual_offence = forms.BooleanField(required=False)
    serious_corruption = forms.BooleanField(required=False)
    discriminatory_criminal_or_misconduct = forms.BooleanField(
        required=False, label="Crime or misconduct aggravated by discrimination"
    )
    could_justify_criminal_or_disciplinary = forms.BooleanField(
        required=False, label="Could justify criminal or disciplinary proceedings"
    )
    article_2_or_3 = forms.BooleanField(required=False, label="Possible breach of ECHR Article 2 or 3")
    conduct = fact_field(ALLEGATION_QUESTIONS["conduct"])
    relevant_offence = fact_field(ALLEGATION_QUESTIONS["relevant_offence"])
    about_senior_officer = fact_field(ALLEGATION_QUESTIONS["about_senior_officer"])
    injury = injury_field()

    def allegation_facts(self) -> dict[str, Any]:
        """The facts as the intake service and the allegation action take them."""
        d = self.cleaned_data
        return {
            **{flag: d[flag] for flag in Allegation.FLAGS},
            **{name: d[name] for name in ALLEGATION_QUESTIONS},
            "injury_details": injury_value(d["injury"]),
        }
