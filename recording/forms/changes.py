"""Changes a second person decides: reclassification, cancellation under a Section C criterion, and
transfers between forces, with the approve-or-reject forms that decide them."""

from __future__ import annotations

from django import forms

from recording.forms.common import force_code_for, when_field
from recording.models import CancellationCriterion


class ReclassifyForm(forms.Form):
    offence = forms.CharField(label="New offence code", max_length=12)
    reason = forms.CharField(label="Why the facts now point to this class", widget=forms.Textarea)


class DecideForm(forms.Form):
    approve = forms.TypedChoiceField(
        label="Decision",
        choices=[("yes", "Approve"), ("no", "Reject")],
        coerce=lambda v: v == "yes",
        widget=forms.RadioSelect,
    )
    note = forms.CharField(label="Reason for the decision", widget=forms.Textarea, required=False)


class CancellationDecideForm(DecideForm):
    victim_informed = forms.BooleanField(label="The victim has been told of the decision", required=False)


class CancellationForm(forms.Form):
    criterion = forms.ModelChoiceField(
        label="HOCR Section C criterion",
        queryset=CancellationCriterion.objects.exclude(code="C1"),
        to_field_name="code",
        help_text="C1 (transfer) follows an accepted transfer: use Transfer instead.",
    )
    evidence = forms.CharField(label="Evidence the criterion needs", widget=forms.Textarea)
    avi = forms.CharField(
        label="Additional verifiable information (C2)",
        widget=forms.Textarea,
        required=False,
        help_text="The checkable fact itself (e.g. what the CCTV shows). Withdrawal of support is not AVI.",
    )
    duplicate_of = forms.CharField(label="Surviving crime number (C3)", max_length=40, required=False)


FORCE_INPUT = forms.TextInput(attrs={"list": "force-options", "autocomplete": "off"})


class TransferOutForm(forms.Form):
    force = forms.CharField(
        label="Force",
        max_length=120,
        widget=FORCE_INPUT,
        help_text="Its name (e.g. Kent Police) or its code in the force directory.",
    )
    reason = forms.CharField(label="Why it belongs to that force", widget=forms.Textarea)

    def clean_force(self) -> str:
        return force_code_for(self.cleaned_data["force"])


class TransferInForm(forms.Form):
    force = forms.CharField(
        label="Sending force",
        max_length=120,
        widget=FORCE_INPUT,
        help_text="Its name (e.g. Kent Police) or its code in the force directory.",
    )
    their_reference = forms.CharField(label="Sending force's reference", max_length=60)
    offence = forms.CharField(label="Offence code", max_length=12)
    reported_at = when_field("Reported at (to the sending force)")
    summary = forms.CharField(label="Summary", widget=forms.Textarea, required=False)
    victim_name = forms.CharField(label="Victim's name", max_length=200, required=False)

    def clean_force(self) -> str:
        return force_code_for(self.cleaned_data["force"])


class TransferDecideForm(forms.Form):
    accept = forms.TypedChoiceField(
        label="Decision",
        choices=[("yes", "Accepted"), ("no", "Rejected")],
        coerce=lambda v: v == "yes",
        widget=forms.RadioSelect,
    )
    their_reference = forms.CharField(
        label="Receiving force's reference",
        max_length=60,
        required=False,
        help_text="Needed when an outgoing transfer is accepted.",
    )
    note = forms.CharField(label="Note", widget=forms.Textarea, required=False)
