"""The complaints API's outputs: a case in a list and in full, with everything on it."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from complaints.models import (
    Allegation,
    CaseAction,
    CaseSuspension,
    Complainant,
    ComplaintCase,
    Contact,
    ReviewApplication,
    ReviewRecommendation,
    Signposting,
    Subject,
)
from complaints.selectors import case_assumptions
from complaints.serializers.common import Out
from staffing.models import Letter


# ---------------------------------------------------------------- output
class ComplainantOut(Out):
    class Meta:
        model = Complainant
        fields = [
            "id",
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
            *Complainant.OPTIONAL_FACTS,
            "age",
        ]


class SubjectOut(Out):
    possible_matches = serializers.SerializerMethodField(
        help_text="Named by name only: the usernames who could be this subject, kept out of the case until "
        "an advisor confirms who it is (action `subject_confirm`); [] once confirmed"
    )

    class Meta:
        model = Subject
        fields = ["id", "kind", "name", "collar_number", "staff_id", "team_name", "possible_matches"]

    def get_possible_matches(self, subject: Subject) -> list[str]:
        return [c.user.username for c in subject.candidates.all()]


class AllegationOut(Out):
    category = serializers.CharField(source="category.code")
    outcome = serializers.CharField(source="outcome.code", allow_null=True, default=None)

    class Meta:
        model = Allegation
        fields = [
            "id",
            "category",
            "description",
            *Allegation.FLAGS,
            *Allegation.OPTIONAL_FACTS,
            "outcome",
            "subjects",
        ]


class CaseListOut(Out):
    complainants = serializers.SerializerMethodField()
    assigned_to = serializers.CharField(source="assigned_to.username", allow_null=True, default=None)

    class Meta:
        model = ComplaintCase
        fields = [
            "id",
            "reference",
            "kind",
            "status",
            "received_at",
            "channel",
            "route",
            "appropriate_authority",
            "next_update_due",
            "initial_contact_due",
            "assigned_to",
            "complainants",
            "version",
        ]

    def get_complainants(self, obj: ComplaintCase) -> list[str]:
        return [c.name for c in obj.complainants.all()]


class ActionOut(Out):
    actor = serializers.CharField(source="actor.username")
    recipient = serializers.CharField(source="recipient.username", allow_null=True, default=None)

    class Meta:
        model = CaseAction
        fields = ["id", "kind", "at", "actor", "summary", "reason", "rules", "recipient"]


class ContactOut(Out):
    by = serializers.CharField(source="by.username")

    class Meta:
        model = Contact
        fields = ["id", "at", "direction", "method", "is_update", "summary", "withheld_reason", "by"]


class ReviewOut(Out):
    result = serializers.CharField(source="result.code", allow_null=True, default=None)

    class Meta:
        model = ReviewApplication
        fields = ["id", "received_on", "in_time", "body", "result", "decided_on", "recommendations", "notes"]


class RecommendationOut(Out):
    owner = serializers.CharField(source="owner.username")

    class Meta:
        model = ReviewRecommendation
        fields = ["id", "review", "text", "owner", "due_on", "status", "response", "completed_at"]


class CaseLetterOut(Out):
    """A letter about the case (staffing's letters, issue 22); `kind` is its purpose."""

    kind = serializers.CharField(source="purpose")
    status = serializers.CharField()

    class Meta:
        model = Letter
        fields = ["id", "kind", "status", "dated", "created_at"]


class SuspensionOut(Out):
    recorded_by = serializers.CharField(source="recorded_by.username")

    class Meta:
        model = CaseSuspension
        fields = ["id", "started_on", "ended_on", "reason", "recorded_by"]


class SignpostingOut(Out):
    """Where the person was signposted, and why (issue 23 part 2)."""

    organisation = serializers.CharField(source="organisation.code", allow_null=True, default=None)
    organisation_name = serializers.CharField(read_only=True)
    signposted_by = serializers.CharField(source="signposted_by.username")

    class Meta:
        model = Signposting
        fields = [
            "id",
            "organisation",
            "organisation_name",
            "organisation_other",
            "reason",
            "signposted_on",
            "signposted_by",
        ]


class CaseDetailOut(CaseListOut):
    complainants = ComplainantOut(many=True)  # type: ignore[assignment]
    subjects = SubjectOut(many=True)
    allegations = AllegationOut(many=True)
    actions = ActionOut(many=True)
    contacts = ContactOut(many=True)
    reviews = ReviewOut(many=True)
    recommendations = RecommendationOut(many=True)
    suspensions = SuspensionOut(many=True)
    signpostings = SignpostingOut(many=True)
    letters = CaseLetterOut(many=True, source="letter_list")
    outcome = serializers.CharField(source="outcome.code", allow_null=True, default=None)
    assumed = serializers.SerializerMethodField(
        help_text="Triage facts not asked yet whose answer would change the proposal (as triage `assumed`)."
    )

    class Meta(CaseListOut.Meta):
        fields = [
            *CaseListOut.Meta.fields,
            "incident_date",
            "summary",
            "location",
            "about_chief_officer",
            "complainant_wants_recording",
            "complainant_agrees_outside_schedule_3",
            "eligible",
            "not_a_complaint",
            "must_refer_to_iopc",
            "initial_contact_at",
            "last_update_at",
            "recorded_on",
            "dse_handover_on",
            "dse_reference",
            "iopc_referred_on",
            "iopc_reference",
            "outcome",
            "outcome_on",
            "outcome_notice_due",
            "review_body",
            "review_deadline",
            "closure_reason",
            "closed_at",
            "retention_review_on",
            "subjects",
            "allegations",
            "actions",
            "contacts",
            "reviews",
            "recommendations",
            "suspensions",
            "signpostings",
            "letters",
            "assumed",
        ]

    def get_assumed(self, obj: ComplaintCase) -> list[dict[str, Any]]:
        if not obj.is_open:
            return []
        return [
            {"field": a.field, "assumed": a.assumed, "would_change": list(a.would_change)}
            for a in case_assumptions(obj)
        ]
