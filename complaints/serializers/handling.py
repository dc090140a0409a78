"""Handling: the case actions endpoint and contacts."""

from __future__ import annotations

from rest_framework import serializers

from complaints.actions import API_ACTIONS
from complaints.letters import COMPLAINT_LETTERS
from complaints.models import (
    AppropriateAuthority,
    Complainant,
    Contact,
    NotAComplaintReason,
    ReviewRecommendation,
    Route,
)
from complaints.serializers.common import choice_field
from config.fields import ApiAwareDateTimeField, ApiDateField


class ActionIn(serializers.Serializer):
    # Every action this endpoint takes, from the actions' specification (complaints.actions).
    action = choice_field(list(API_ACTIONS))
    version = serializers.IntegerField(required=False, allow_null=True, default=None)
    accept = serializers.BooleanField(default=True)
    route = choice_field([("", ""), *Route.choices], required=False, default="")
    must_refer_to_iopc = serializers.BooleanField(required=False, allow_null=True, default=None)
    appropriate_authority = choice_field(
        [("", ""), *AppropriateAuthority.choices], required=False, default=""
    )
    not_a_complaint = choice_field(
        [("", ""), *NotAComplaintReason.choices],
        enum=False,  # the triage API's NotAComplaintEnum keeps its name
        required=False,
        default="",
        help_text="action `triage` overriding: what it is instead of a complaint (C-NOT-A-COMPLAINT)",
    )
    reason = serializers.CharField(required=False, allow_blank=True, default="")
    organisation = serializers.CharField(
        required=False,
        allow_blank=True,
        default="",
        help_text="action `signpost`: an organisation code from /api/v1/reference/signpost-organisations/",
    )
    organisation_other = serializers.CharField(
        max_length=200,
        required=False,
        allow_blank=True,
        default="",
        help_text="action `signpost`: an organisation not on the list, in words",
    )
    at = ApiAwareDateTimeField(required=False)
    method = choice_field(Complainant.ContactMethod.choices, required=False, default="phone")
    summary = serializers.CharField(required=False, allow_blank=True, default="")
    complainant_agreed = serializers.BooleanField(default=False)
    recorded_on = ApiDateField(required=False)
    dse_handover_on = ApiDateField(required=False, allow_null=True, default=None)
    dse_reference = serializers.CharField(required=False, allow_blank=True, default="")
    referred_on = ApiDateField(required=False)
    iopc_reference = serializers.CharField(required=False, allow_blank=True, default="")
    assignee = serializers.CharField(required=False, help_text="username")
    recipient = serializers.CharField(required=False, help_text="username")
    subject = serializers.IntegerField(required=False, help_text="action `subject_confirm`: the subject's id")
    person = serializers.CharField(
        required=False,
        allow_blank=True,
        default="",
        help_text="action `subject_confirm`: the subject's username; blank = none of the possible matches",
    )
    kind = choice_field(COMPLAINT_LETTERS, required=False, help_text="action `letter`: the letter to draft")
    category = serializers.CharField(required=False, help_text="IOPC category code (action `allegation`)")
    description = serializers.CharField(required=False, allow_blank=True, default="")
    facts = serializers.DictField(
        child=serializers.JSONField(),
        required=False,
        default=dict,
        help_text="action `allegation`: its fact flags and optional facts",
    )
    answers = serializers.DictField(
        child=serializers.JSONField(),
        required=False,
        default=dict,
        help_text="action `facts`: answers keyed by the dotted paths the case's `assumed` names",
    )
    started_on = ApiDateField(
        required=False, allow_null=True, default=None, help_text="action `suspend`: when handling stopped"
    )
    ended_on = ApiDateField(
        required=False, allow_null=True, default=None, help_text="action `resume`: when handling restarted"
    )
    recommendation = serializers.IntegerField(
        required=False, help_text="action `recommendation`: the upheld review's recommendation followed up"
    )
    status = choice_field(
        [("", ""), ReviewRecommendation.Status.DONE, ReviewRecommendation.Status.ANSWERED],
        required=False,
        default="",
        help_text="action `recommendation`: done, or answered (not followed, with reasons)",
    )
    response = serializers.CharField(
        required=False,
        allow_blank=True,
        default="",
        help_text="action `recommendation`: what was done, or why not",
    )


class ContactIn(serializers.Serializer):
    at = ApiAwareDateTimeField()
    method = choice_field(Complainant.ContactMethod.choices)
    direction = choice_field(Contact.Direction.choices, default="out")
    is_update = serializers.BooleanField(default=False)
    summary = serializers.CharField()
    withheld_reason = serializers.CharField(required=False, allow_blank=True, default="")
    version = serializers.IntegerField(required=False, allow_null=True, default=None)
