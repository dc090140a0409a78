"""Review: the application, its result and the follow-up of its recommendations."""

from __future__ import annotations

from django import forms

from complaints.forms.common import (
    DATE,
)
from config import fields as bounded
from staffing.models import User

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
