"""HTML forms. They check shapes only; every rule lives in services/rules."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone

from complaints.letters import COMPLAINT_LETTERS
from complaints.models import (
    AgentRelationship,
    AppropriateAuthority,
    Complainant,
    ComplaintCase,
    ComplaintCategory,
    Contact,
    LessonLearned,
    Route,
    Subject,
)
from complaints.rules import MAX_AGE
from config import fields as bounded
from staffing.models import User

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


class IntakeForm(forms.Form):
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
    # allegation
    category = forms.ModelChoiceField(
        queryset=ComplaintCategory.objects.filter(retired_on__isnull=True),
        to_field_name="code",
        required=False,
        label="IOPC category",
    )
    allegation = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}), required=False, label="Allegation")
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

    FLAGS = (
        "death_or_serious_injury",
        "serious_assault",
        "serious_sexual_offence",
        "serious_corruption",
        "discriminatory_criminal_or_misconduct",
        "could_justify_criminal_or_disciplinary",
        "article_2_or_3",
    )

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
        }
        allegations = []
        if d.get("category"):
            allegations.append(
                {
                    "category": d["category"].code,
                    "description": d["allegation"],
                    **{f: d[f] for f in self.FLAGS},
                    **{f: d[f] for f in ALLEGATION_QUESTIONS},
                    "injury_details": injury_value(d["injury"]),
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


class VersionForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


class TriageForm(VersionForm):
    decision = forms.ChoiceField(choices=[("accept", "Accept the proposal"), ("override", "Override it")])
    route = forms.ChoiceField(choices=[("", "Not eligible – no route"), *Route.choices], required=False)
    must_refer_to_iopc = forms.BooleanField(required=False, label="Must refer to the IOPC")
    appropriate_authority = forms.ChoiceField(choices=AppropriateAuthority.choices, required=False)
    reason = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 2}), required=False, label="Reason for overriding"
    )

    def action_data(self) -> dict[str, Any]:
        return {**self.cleaned_data, "accept": self.cleaned_data["decision"] == "accept"}


class InitialContactForm(VersionForm):
    at = bounded.DateTimeField(widget=DATETIME, label="When")
    method = forms.ChoiceField(choices=Complainant.ContactMethod.choices)
    summary = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}), label="How they want it handled")


class ServiceRecoveryForm(VersionForm):
    complainant_agreed = forms.BooleanField(
        required=False, label="The complainant agreed to informal handling"
    )
    reason = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}), label="What will be done")


class RecordForm(VersionForm):
    recorded_on = bounded.DateField(widget=DATE, label="Recorded under Schedule 3 on")
    dse_handover_on = bounded.DateField(widget=DATE, required=False, label="Handed to DSE on")
    dse_reference = forms.CharField(max_length=60, required=False, label="DSE reference")
    reason = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 2}), required=False, label="Recording reason"
    )


class ReferForm(VersionForm):
    referred_on = bounded.DateField(widget=DATE, label="Referred on")
    iopc_reference = forms.CharField(max_length=60, required=False, label="IOPC reference")
    reason = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}), required=False, label="Reason")


class PccForm(VersionForm):
    reason = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}), required=False, label="Note")


class ContactForm(VersionForm):
    at = bounded.DateTimeField(widget=DATETIME, label="When")
    method = forms.ChoiceField(choices=Complainant.ContactMethod.choices)
    direction = forms.ChoiceField(choices=Contact.Direction.choices)
    is_update = forms.BooleanField(required=False, label="This was a progress update")
    summary = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}))
    withheld_reason = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        label="Information withheld (harm test) – why",
    )


class LetterForm(forms.Form):
    kind = forms.ChoiceField(choices=COMPLAINT_LETTERS, label="Letter")


class AllegationForm(VersionForm):
    category = forms.ModelChoiceField(
        queryset=ComplaintCategory.objects.filter(retired_on__isnull=True),
        to_field_name="code",
        label="IOPC category",
    )
    description = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 2}), required=False, label="Allegation"
    )
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

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["category"].label_from_instance = lambda c: f"{c.code} – {c.title}"  # type: ignore[attr-defined]

    def action_data(self) -> dict[str, Any]:
        d = self.cleaned_data
        facts = {
            **{flag: d[flag] for flag in IntakeForm.FLAGS},
            **{name: d[name] for name in ALLEGATION_QUESTIONS},
            "injury_details": injury_value(d["injury"]),
        }
        return {
            "category": d["category"].code,
            "description": d["description"],
            "version": d["version"],
            "facts": facts,
        }


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


class SuspendForm(VersionForm):
    started_on = bounded.DateField(widget=DATE, label="Handling suspended from")
    reason = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 2}),
        label="Why (for example, criminal proceedings)",
    )


class ResumeForm(VersionForm):
    ended_on = bounded.DateField(widget=DATE, label="Handling resumed on")


REVIEW_RESULTS = [("REVIEW-UPHELD", "Upheld"), ("REVIEW-NOT-UPHELD", "Not upheld")]


class ReviewForm(forms.Form):
    """The application; its result is recorded on it later (ReviewResultForm)."""

    received_on = bounded.DateField(widget=DATE, label="Application received on")
    notes = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}), required=False)


class ReviewResultForm(forms.Form):
    review = forms.IntegerField(widget=forms.HiddenInput)
    result = forms.ChoiceField(choices=[("", "Choose…"), *REVIEW_RESULTS], label="Review result")
    decided_on = bounded.DateField(widget=DATE, label="Decided on")
    recommendations = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        label="Recommendations to the force",
        help_text="One per line. If the review is upheld the case reopens and each one is tracked.",
    )
    notes = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}), required=False)
    follow_up_by = bounded.DateField(
        widget=DATE,
        required=False,
        label="If upheld: recommendations due by",
        help_text="Leave empty for 28 days from the decision.",
    )
    owner = forms.ModelChoiceField(
        queryset=User.objects.filter(is_active=True, role__in=["advisor", "manager"]),
        required=False,
        label="If upheld: who follows them up",
        help_text="Leave empty for the case's handler.",
    )


class RecommendationForm(forms.Form):
    recommendation = forms.IntegerField(widget=forms.HiddenInput)
    status = forms.ChoiceField(
        choices=[("done", "Done"), ("answered", "Answered: not followed, with reasons")],
        widget=forms.RadioSelect,
        label="Followed up",
    )
    response = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 2}), label="What was done, or why it is not followed"
    )


class ForwardForm(forms.Form):
    recipient = forms.ModelChoiceField(
        queryset=User.objects.filter(is_active=True, role__in=["sergeant", "manager"]),
        required=False,
        label="Line manager (leave blank to use the officer's sergeant)",
    )
    reason = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}), required=False, label="Note")


class ReassignForm(VersionForm):
    assignee = forms.ModelChoiceField(
        queryset=User.objects.filter(is_active=True, role__in=["advisor", "manager"]), label="New advisor"
    )
    reason = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}))


class SubjectConfirmForm(forms.Form):
    """Who a subject named by name only is: one of the accounts held out of the case, or none of them
    (the service checks the choice is one of that subject's possible matches)."""

    subject = forms.IntegerField(widget=forms.HiddenInput)
    person = forms.ModelChoiceField(
        queryset=User.objects.filter(complaint_subject_candidacies__isnull=False).distinct(),
        required=False,
        empty_label="None of them",
        label="The subject is",
    )
    reason = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}), required=False, label="How you know")


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


def public_categories() -> dict[str, tuple[str, str]]:
    from complaints.services.public import ABOUT_CATEGORIES

    return ABOUT_CATEGORIES


class PublicComplaintForm(forms.Form):
    """The public complaint, dissatisfaction and compliment form at /complain/ (issue 23 part 1). Every
    field is bounded (names 200, text 20,000); `website` is a honeypot no person sees or fills."""

    STANDING = (
        ("affected", "It happened to me"),
        ("witness", "I saw it happen"),
        ("agent", "I am acting for someone else"),
    )
    YES_NO = (("", "I'd rather not say / not sure"), ("yes", "Yes"), ("no", "No"))

    kind = forms.ChoiceField(
        choices=(
            ("complaint", "Make a complaint"),
            ("dissatisfaction", "Tell us you are unhappy with the service"),
            ("compliment", "Pay a compliment"),
        ),
        widget=forms.RadioSelect,
        label="What would you like to do?",
        initial="complaint",
    )
    about = forms.ChoiceField(
        choices=[(k, label) for k, (_, label) in public_categories().items()],
        label="What is it about?",
        initial="service",
    )
    what_happened = forms.CharField(
        max_length=20_000, widget=forms.Textarea(attrs={"rows": 8}), label="What happened?"
    )
    incident_date = bounded.DateField(widget=DATE, required=False, label="When did it happen? (if you know)")
    location = forms.CharField(max_length=200, required=False, label="Where did it happen? (if you know)")
    people_involved = forms.CharField(
        max_length=200, required=False, label="Who was involved? Their name, if you know it"
    )
    collar_number = forms.CharField(
        max_length=20, required=False, label="Their collar number, if you know it"
    )
    standing = forms.ChoiceField(
        choices=STANDING, widget=forms.RadioSelect, label="How are you involved?", initial="affected"
    )
    agent_relationship = forms.ChoiceField(
        choices=[("", "Choose one"), *AgentRelationship.choices],
        required=False,
        label="If you are acting for someone: who are you to them?",
        help_text="Unless you are the parent or guardian of a child, we need their written authority "
        "before we can deal with the complaint.",
    )
    on_behalf_of = forms.CharField(
        max_length=200, required=False, label="If you are acting for someone: their name"
    )
    subject_of_conduct = forms.ChoiceField(
        choices=YES_NO, required=False, label="Was the behaviour directed at you (or the person you act for)?"
    )
    affected_only_through_media = forms.ChoiceField(
        choices=YES_NO, required=False, label="Did you only see it on television or social media?"
    )
    wants_recording = forms.BooleanField(required=False, label="I want my complaint formally recorded")
    anonymous = forms.BooleanField(
        required=False,
        label="I want to complain anonymously",
        help_text="Staff will see only 'Anonymous complainant'. Any details you give are kept hidden and "
        "seen only by someone who needs them, and each time that is recorded. If you give no way to "
        "contact you, we cannot tell you the outcome.",
    )
    name = forms.CharField(max_length=200, required=False, label="Your name")
    email = forms.EmailField(max_length=254, required=False, label="Your e-mail address")
    copy_by_email = forms.BooleanField(required=False, label="Send me a copy by e-mail")
    phone = forms.CharField(max_length=40, required=False, label="Your phone number")
    address = forms.CharField(
        max_length=2_000, widget=forms.Textarea(attrs={"rows": 3}), required=False, label="Your address"
    )
    preferred_contact = forms.ChoiceField(
        choices=Complainant.ContactMethod.choices[:3], label="How should we contact you?"
    )
    eq_age_band = forms.CharField(max_length=20, required=False, label="Age band")
    eq_sex = forms.CharField(max_length=40, required=False, label="Sex")
    eq_ethnicity = forms.CharField(max_length=80, required=False, label="Ethnicity")
    eq_disability = forms.CharField(max_length=80, required=False, label="Disability")
    eq_religion = forms.CharField(max_length=80, required=False, label="Religion or belief")
    eq_sexual_orientation = forms.CharField(max_length=80, required=False, label="Sexual orientation")
    # The honeypot: hidden from people (CSS and aria-hidden, out of the tab order); a bot fills it.
    website = forms.CharField(max_length=200, required=False, label="Leave this empty")

    GROUPS = {
        "what": ("kind", "about", "what_happened", "incident_date", "location"),
        "who": ("people_involved", "collar_number"),
        "you": (
            "standing",
            "agent_relationship",
            "on_behalf_of",
            "subject_of_conduct",
            "affected_only_through_media",
            "wants_recording",
        ),
        "contact": ("anonymous", "name", "email", "copy_by_email", "phone", "address", "preferred_contact"),
        "equality": (
            "eq_age_band",
            "eq_sex",
            "eq_ethnicity",
            "eq_disability",
            "eq_religion",
            "eq_sexual_orientation",
        ),
    }

    @property
    def groups(self) -> dict[str, list[Any]]:
        """The bound fields by fieldset, for the page."""
        return {name: [self[f] for f in fields] for name, fields in self.GROUPS.items()}

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("anonymous") and not (data.get("name") or "").strip():
            self.add_error("name", "Enter your name, or choose to complain anonymously.")
        if data.get("copy_by_email") and not data.get("email"):
            self.add_error("email", "Enter your e-mail address to get a copy, or untick the copy.")
        if data.get("standing") == "agent":
            if not data.get("agent_relationship"):
                self.add_error("agent_relationship", "Say who you are to the person you are acting for.")
            if not (data.get("on_behalf_of") or "").strip():
                self.add_error("on_behalf_of", "Enter the name of the person you are acting for.")
        return data

    def is_bot(self) -> bool:
        return bool((self.data.get("website") or "").strip())

    def submission(self) -> Any:
        from complaints.services.public import PublicSubmission

        d = self.cleaned_data
        yes_no = {"yes": True, "no": False}
        return PublicSubmission(
            kind=d["kind"],
            what_happened=d["what_happened"],
            about=d["about"],
            incident_date=d.get("incident_date"),
            location=d.get("location", ""),
            people_involved=d.get("people_involved", ""),
            collar_number=d.get("collar_number", ""),
            anonymous=d.get("anonymous", False),
            name=d.get("name", ""),
            email=d.get("email", ""),
            phone=d.get("phone", ""),
            address=d.get("address", ""),
            preferred_contact=d["preferred_contact"],
            copy_by_email=d.get("copy_by_email", False),
            standing=d["standing"],
            agent_relationship=d.get("agent_relationship", ""),
            on_behalf_of=d.get("on_behalf_of", ""),
            subject_of_conduct=yes_no.get(d.get("subject_of_conduct") or ""),
            affected_only_through_media=yes_no.get(d.get("affected_only_through_media") or ""),
            wants_recording=d.get("wants_recording", False),
            equality={k[3:]: d.get(k, "") for k in self.GROUPS["equality"]},
        )


class UnmaskForm(forms.Form):
    reason = forms.CharField(max_length=300, label="Why do you need to see the complainant's details?")


class AuthorityForm(VersionForm):
    complainant = forms.IntegerField(widget=forms.HiddenInput)
    evidence = forms.CharField(max_length=500, label="Written authority received (what, and when)")
