"""The force directory crimes are transferred to and from."""

from __future__ import annotations

from django import forms

from config import fields as bounded


class ForceForm(forms.Form):
    code = forms.CharField(label="Force code", max_length=12)
    name = forms.CharField(label="Name", max_length=120)
    transfer_email = forms.EmailField(label="Crime-transfer email", required=False)
    transfer_phone = forms.CharField(label="Crime-transfer phone", max_length=40, required=False)
    notes = forms.CharField(label="Notes", widget=forms.Textarea, required=False)
    last_verified = bounded.DateField(
        label="Contact details last verified", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    reason = forms.CharField(label="Reason for the change", max_length=300)
