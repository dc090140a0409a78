"""Handling: contact, recording, referral, letters, suspension and who holds the case."""

from __future__ import annotations

from django import forms

from complaints.forms.common import (
    DATE,
    DATETIME,
    VersionForm,
)
from complaints.letters import COMPLAINT_LETTERS
from complaints.models import (
    Complainant,
    Contact,
)
from config import fields as bounded
from staffing.models import User


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


class SuspendForm(VersionForm):
    started_on = bounded.DateField(widget=DATE, label="Handling suspended from")
    reason = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 2}),
        label="Why (for example, criminal proceedings)",
    )


class ResumeForm(VersionForm):
    ended_on = bounded.DateField(widget=DATE, label="Handling resumed on")


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
