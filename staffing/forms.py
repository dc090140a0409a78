from __future__ import annotations

from typing import Any

from django import forms

from config import fields as bounded
from staffing.models import (
    Absence,
    LetterSend,
    LetterTemplate,
    PersonnelNote,
    Shift,
    Skill,
    Team,
    User,
    WorkArea,
)


class TeamMoveForm(forms.Form):
    user = forms.ModelChoiceField(queryset=User.objects.none(), label="Person")
    to_team = forms.ModelChoiceField(
        queryset=Team.objects.order_by("code"), required=False, label="Move to team", empty_label="No team"
    )
    reason = forms.CharField(max_length=300, label="Why")

    def __init__(self, *args: Any, team: Team, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = team.members.filter(is_active=True).order_by("username")  # type: ignore[attr-defined]
        self.fields["to_team"].queryset = Team.objects.exclude(pk=team.pk).order_by("code")  # type: ignore[attr-defined]


class TrainingForm(forms.Form):
    user = forms.ModelChoiceField(queryset=User.objects.none(), label="Person")
    skill = forms.ChoiceField(choices=Skill.choices)
    trained_on = bounded.DateField(widget=forms.DateInput(attrs={"type": "date"}), label="Trained on")
    expires_on = bounded.DateField(
        widget=forms.DateInput(attrs={"type": "date"}),
        required=False,
        label="Expires on",
        help_text="Leave empty if it never expires.",
    )
    evidence = forms.CharField(max_length=300, required=False, help_text="Course, certificate or assessor.")

    def __init__(self, *args: Any, team: Team, actor: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Nobody records their own training (staffing.rules.training_refusal): the actor is not offered.
        people = team.members.filter(is_active=True).exclude(pk=actor.pk).order_by("username")
        self.fields["user"].queryset = people  # type: ignore[attr-defined]


class ShiftAssignForm(forms.Form):
    shift = forms.ModelChoiceField(queryset=Shift.objects.none())
    user = forms.ModelChoiceField(queryset=User.objects.none(), label="Person")

    def __init__(self, *args: Any, team: Team, shifts: list[Shift], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        shift_field = self.fields["shift"]
        assert isinstance(shift_field, forms.ModelChoiceField)
        shift_field.queryset = Shift.objects.filter(pk__in=[s.pk for s in shifts]).order_by("starts_at")
        shift_field.label_from_instance = _shift_label  # type: ignore[method-assign,assignment]
        self.fields["user"].queryset = team.members.filter(is_active=True).order_by("username")  # type: ignore[attr-defined]


def _shift_label(shift: Shift) -> str:
    from django.utils import timezone

    return f"{timezone.localtime(shift.starts_at):%a %d %b %H:%M} {shift.get_kind_display()}"


class AbsenceForm(forms.Form):
    user = forms.ModelChoiceField(queryset=User.objects.none(), label="Person")
    kind = forms.ChoiceField(choices=Absence.Kind.choices)
    starts_on = bounded.DateField(widget=forms.DateInput(attrs={"type": "date"}), label="From")
    ends_on = bounded.DateField(widget=forms.DateInput(attrs={"type": "date"}), label="To (inclusive)")
    note = forms.CharField(max_length=200, required=False)

    def __init__(self, *args: Any, team: Team, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = team.members.filter(is_active=True).order_by("username")  # type: ignore[attr-defined]


class CoverageForm(forms.Form):
    area = forms.ChoiceField(choices=WorkArea.choices, label="Area of work")
    skill = forms.ChoiceField(choices=Skill.choices)
    minimum = forms.IntegerField(min_value=1, max_value=20, label="Minimum trained people per shift")


class AllocateForm(forms.Form):
    assignee = forms.ModelChoiceField(
        queryset=User.objects.none(),
        required=False,
        label="Someone else",
        empty_label="Accept the suggestion",
    )
    reason = forms.CharField(
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Needed when you choose someone the rule would not (off shift, untrained or at capacity).",
    )

    def __init__(self, *args: Any, people: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = people  # type: ignore[attr-defined]


class PersonnelNoteForm(forms.Form):
    kind = forms.ChoiceField(choices=PersonnelNote.Kind.choices)
    text = forms.CharField(widget=forms.Textarea, label="Note")


class AccessLogFilterForm(forms.Form):
    """The auditor's filters on the access-log report. Every field is optional."""

    record_type = forms.ChoiceField(required=False, label="Record type")
    record_id = forms.CharField(required=False, max_length=60, label="Record id")
    username = forms.CharField(required=False, max_length=150, label="User (username)")
    date_from = bounded.DateField(
        required=False, label="From (date)", widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = bounded.DateField(
        required=False, label="To (date)", widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args: Any, record_types: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        from staffing.access_audit import record_type_label

        self.fields["record_type"].choices = [  # type: ignore[attr-defined]
            ("", "Any"),
            *((t, record_type_label(t)) for t in record_types),
        ]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and end < start:
            self.add_error("date_to", "The end date is before the start date.")
        return data


class SubjectAccessForm(forms.Form):
    """A subject access request for a named person, across every part of Resolve."""

    name = forms.CharField(max_length=200, label="Full name of the person", help_text="Exact name, any case.")
    purpose = forms.CharField(
        max_length=300,
        required=False,
        label="Purpose (e.g. the request's reference)",
        help_text="Kept in the access log with your name and the time.",
    )


class RecordFileForm(forms.Form):
    """Attach a file to a record (staffing.services.files checks its content)."""

    file = forms.FileField(
        label="File",
        required=False,  # the service names a missing file, as it does for the API
        help_text="A statement, letter, photo, recording or document. Programs and scripts are refused.",
    )
    description = forms.CharField(
        label="What it is (optional)",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class RecordFileWithdrawForm(forms.Form):
    reason = forms.CharField(label="Why withdraw it", max_length=2000, required=False)


# ---------------------------------------------------------------- letters (issue 22)
# Each field's label is what a person reads; the services check everything that matters (placeholders,
# states, approval), so a page and the API refuse alike.
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
