"""Forms for the letters pages (issue 22). Each field's label is what a person reads; the services
check everything that matters (placeholders, states, approval), so a page and the API refuse alike."""

from __future__ import annotations

from typing import Any

from django import forms

from config import fields as bounded
from staffing.models import LetterSend, LetterTemplate

KIND_CHOICES = [("complaint_case", "Complaint case"), ("crime", "Crime")]


class TemplateTextForm(forms.Form):
    subject = forms.CharField(max_length=200, label="Heading (and e-mail subject)")
    body = forms.CharField(
        max_length=50_000,
        label="Text",
        widget=forms.Textarea(attrs={"rows": 18, "spellcheck": "true"}),
        help_text="Plain paragraphs separated by a blank line. A paragraph starting “# ” is a heading; "
        "lines starting “- ” are points. Placeholders are written {{ name }} from the list beside.",
    )


class TemplateCreateForm(TemplateTextForm):
    field_order = [
        "name",
        "key",
        "record_type",
        "purpose",
        "variant",
        "channel",
        "needs_approval",
        "conditions",
    ]
    name = forms.CharField(max_length=200, label="Name")
    key = forms.SlugField(
        max_length=60, label="Key", help_text="A short unique name: letters, digits and hyphens."
    )
    record_type = forms.ChoiceField(choices=KIND_CHOICES, label="Written about")
    purpose = forms.ChoiceField(choices=LetterTemplate.Purpose.choices, label="Purpose")
    variant = forms.ChoiceField(choices=LetterTemplate.Variant.choices, label="Variant")
    channel = forms.ChoiceField(choices=LetterTemplate.Channel.choices, label="Sent as")
    needs_approval = forms.BooleanField(
        required=False, label="A manager approves each letter before it is issued"
    )
    conditions = forms.CharField(
        required=False,
        max_length=500,
        label="Fits records where (optional)",
        help_text="States from the list beside, separated by commas; “not:” before one: it does not hold.",
    )

    def clean_conditions(self) -> list[str]:
        return [c.strip() for c in self.cleaned_data["conditions"].split(",") if c.strip()]


class TemplateEditForm(TemplateTextForm):
    version = forms.IntegerField(widget=forms.HiddenInput)
    note = forms.CharField(max_length=300, label="What you changed and why")
    needs_approval = forms.BooleanField(
        required=False, label="A manager approves each letter before it is issued"
    )
    active = forms.BooleanField(required=False, label="In use (offered when drafting)")


class PreviewForm(forms.Form):
    record_id = forms.IntegerField(
        min_value=1, label="Record number", help_text="The number in the record's address."
    )
    subject = forms.CharField(max_length=200, required=False)
    body = forms.CharField(max_length=50_000, required=False)


class DraftForm(forms.Form):
    purpose = forms.ChoiceField(label="Letter")

    def __init__(self, *args: Any, purposes: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["purpose"].choices = purposes  # type: ignore[attr-defined]


class LetterEditForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    subject = forms.CharField(max_length=200, label="Heading")
    body = forms.CharField(
        max_length=50_000,
        label="Letter text",
        widget=forms.Textarea(attrs={"rows": 20, "spellcheck": "true"}),
        help_text="Plain paragraphs separated by a blank line; “# ” starts a heading, “- ” a point.",
    )


class DecideForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    comment = forms.CharField(
        required=False,
        max_length=2000,
        label="Comment (needed when returning it)",
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class SendForm(forms.Form):
    channel = forms.ChoiceField(label="How it goes out")
    to = forms.CharField(
        required=False, max_length=300, label="E-mail address (if not the one on the record)"
    )
    posted_on = bounded.DateField(
        required=False,
        label="Posted on (printed and posted by hand)",
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    def __init__(self, *args: Any, notify: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices = [
            (LetterSend.Channel.EMAIL, "E-mail"),
            (LetterSend.Channel.POST_BY_HAND, "Printed and posted by hand"),
        ]
        if notify:
            choices[1:1] = [
                (LetterSend.Channel.NOTIFY_EMAIL, "E-mail through GOV.UK Notify"),
                (LetterSend.Channel.NOTIFY_LETTER, "Posted through GOV.UK Notify"),
            ]
        self.fields["channel"].choices = choices  # type: ignore[attr-defined]


class LetterDetailsForm(forms.Form):
    direct_phone = forms.CharField(required=False, max_length=40, label="Direct phone line")
    direct_email = forms.EmailField(required=False, label="Direct e-mail address")
    signature = forms.FileField(required=False, label="Signature image (PNG or JPEG, optional)")
    remove_signature = forms.BooleanField(required=False, label="Remove my signature image")
