"""The public complaint form at /complain/, unmasking an anonymous complainant, and an agent's
written authority."""

from __future__ import annotations

from typing import Any

from django import forms

from complaints.forms.common import (
    DATE,
    VersionForm,
)
from complaints.models import (
    AgentRelationship,
    Complainant,
)
from config import fields as bounded


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
