"""Intake: a case as logged through the API (complainants, subjects, allegations)."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from complaints import rules
from complaints.models import (
    Complainant,
    ComplaintCase,
    ComplaintCategory,
    Subject,
)
from complaints.serializers.common import choice_field
from config.fields import ApiAwareDateTimeField, ApiDateField
from config.inputs import MAX_ITEMS


# ---------------------------------------------------------------- input
class ComplainantIn(serializers.Serializer):
    name = serializers.CharField(max_length=200)
    # No `default=""` here: the OpenAPI schema would then carry a default that is not an email address.
    email = serializers.EmailField(required=False, allow_blank=True)
    phone = serializers.CharField(max_length=40, required=False, allow_blank=True, default="")
    address = serializers.CharField(required=False, allow_blank=True, default="")
    preferred_contact = choice_field(Complainant.ContactMethod.choices, enum=False, default="email")
    adjustments = serializers.ListField(
        child=choice_field(Complainant.Adjustment.choices), default=list, max_length=MAX_ITEMS
    )
    adjustment_notes = serializers.CharField(required=False, allow_blank=True, default="")
    adversely_affected = serializers.BooleanField(default=True)
    witness = serializers.BooleanField(default=False)
    acting_for_someone = serializers.BooleanField(default=False)
    on_behalf_of = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")
    consent_of_affected = serializers.BooleanField(default=False)
    consent_evidence = serializers.CharField(required=False, allow_blank=True, default="")
    # Triage facts (API.md optional facts): left out = not asked yet, listed in the case's `assumed`
    # when the answer would change the proposal.
    subject_of_conduct = serializers.BooleanField(required=False, allow_null=True, default=None)
    serving_officer_same_force = serializers.BooleanField(required=False, allow_null=True, default=None)
    affected_only_through_media = serializers.BooleanField(required=False, allow_null=True, default=None)
    age = serializers.IntegerField(
        required=False,
        allow_null=True,
        default=None,
        min_value=0,
        max_value=rules.MAX_AGE,
        help_text="Whole years, of the person whose complaint it is (C-YOUNG-PEOPLE); left out = not asked",
    )
    equality = serializers.DictField(child=serializers.CharField(allow_blank=True), required=False)

    def to_internal_value(self, data: Any) -> Any:
        value = super().to_internal_value(data)
        value.setdefault("email", "")
        return value


class SubjectIn(serializers.Serializer):
    kind = choice_field(Subject.Kind.choices)
    name = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")
    collar_number = serializers.CharField(max_length=20, required=False, allow_blank=True, default="")
    staff_id = serializers.CharField(
        max_length=150,
        required=False,
        allow_blank=True,
        default="",
        help_text="Police staff: Resolve username",
    )
    team_name = serializers.CharField(max_length=120, required=False, allow_blank=True, default="")


class AllegationIn(serializers.Serializer):
    category = serializers.SlugRelatedField(slug_field="code", queryset=ComplaintCategory.objects.all())
    subjects = serializers.ListField(
        child=serializers.IntegerField(min_value=0),
        required=False,
        default=list,
        max_length=50,
        help_text="Who the allegation is about: places (from 0) in the case's `subjects` list",
    )
    description = serializers.CharField(required=False, allow_blank=True, default="")
    death_or_serious_injury = serializers.BooleanField(default=False)
    serious_assault = serializers.BooleanField(default=False)
    serious_sexual_offence = serializers.BooleanField(default=False)
    serious_corruption = serializers.BooleanField(default=False)
    discriminatory_criminal_or_misconduct = serializers.BooleanField(default=False)
    could_justify_criminal_or_disciplinary = serializers.BooleanField(default=False)
    article_2_or_3 = serializers.BooleanField(default=False)
    conduct = serializers.BooleanField(required=False, allow_null=True, default=None)
    relevant_offence = serializers.BooleanField(required=False, allow_null=True, default=None)
    about_senior_officer = serializers.BooleanField(required=False, allow_null=True, default=None)
    injury_details = serializers.ListField(
        child=choice_field([d.value for d in rules.InjuryDetail]),
        required=False,
        allow_null=True,
        default=None,
        max_length=len(rules.InjuryDetail),
    )


class CaseIn(serializers.Serializer):
    kind = choice_field(ComplaintCase.Kind.choices, default="complaint")
    received_at = ApiAwareDateTimeField()
    channel = choice_field(ComplaintCase.Channel.choices)
    summary = serializers.CharField()
    incident_date = ApiDateField(required=False, allow_null=True, default=None)
    location = serializers.CharField(required=False, allow_blank=True, default="")
    about_chief_officer = serializers.BooleanField(default=False)
    complainant_wants_recording = serializers.BooleanField(default=False)
    complainant_agrees_outside_schedule_3 = serializers.BooleanField(default=False)
    complainants = ComplainantIn(many=True, allow_empty=False, max_length=MAX_ITEMS)  # type: ignore[call-arg]  # ListSerializer takes it
    subjects = SubjectIn(many=True, required=False, default=list, max_length=MAX_ITEMS)  # type: ignore[call-arg]  # ListSerializer takes it
    allegations = AllegationIn(many=True, required=False, default=list, max_length=MAX_ITEMS)  # type: ignore[call-arg]  # ListSerializer takes it
