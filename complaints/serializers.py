"""Input/Output serializers of the complaints API (no business logic here)."""

from __future__ import annotations

from typing import Any

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from complaints import rules
from complaints.letters import COMPLAINT_LETTERS
from complaints.models import (
    Allegation,
    AppropriateAuthority,
    CaseAction,
    CaseSuspension,
    Complainant,
    ComplaintCase,
    ComplaintCategory,
    Contact,
    ReviewApplication,
    ReviewRecommendation,
    Route,
    Subject,
)
from complaints.selectors import case_assumptions
from config.fields import ApiAwareDateTimeField, ApiDateField
from config.inputs import MAX_ITEMS
from staffing.models import Letter


# Choice fields declare their schema explicitly so drf-spectacular's enum naming never collides.
def choice_field(choices: Any, *, enum: bool = True, **kwargs: Any) -> serializers.ChoiceField:
    values = [c[0] if isinstance(c, tuple | list) else c for c in choices]
    schema: dict[str, Any] = {"type": "string", "enum": values}
    if not enum:  # the same choice set is already published as an enum under another field name
        schema = {"type": "string", "description": "One of: " + ", ".join(values)}

    @extend_schema_field(schema)
    class InlineChoiceField(serializers.ChoiceField):
        pass

    return InlineChoiceField(choices, **kwargs)


@extend_schema_field(OpenApiTypes.STR)
class PlainChoiceField(serializers.ChoiceField):
    """Output choice values as plain strings in the schema."""


class Out(serializers.ModelSerializer):
    serializer_choice_field = PlainChoiceField


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


class ActionIn(serializers.Serializer):
    action = choice_field(
        [
            "triage",
            "initial_contact",
            "service_recovery",
            "record",
            "refer_iopc",
            "facts",
            "pcc",
            "withdraw",
            "discontinue",
            "reassign",
            "forward",
            "letter",
            "allegation",
            "recommendation",
            "subject_confirm",
            "suspend",
            "resume",
        ]
    )
    version = serializers.IntegerField(required=False, allow_null=True, default=None)
    accept = serializers.BooleanField(default=True)
    route = choice_field([("", ""), *Route.choices], required=False, default="")
    must_refer_to_iopc = serializers.BooleanField(required=False, allow_null=True, default=None)
    appropriate_authority = choice_field(
        [("", ""), *AppropriateAuthority.choices], required=False, default=""
    )
    reason = serializers.CharField(required=False, allow_blank=True, default="")
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


class OutcomeIn(serializers.Serializer):
    outcome = serializers.CharField()
    outcome_on = ApiDateField(required=False)
    allegation_outcomes = serializers.DictField(child=serializers.CharField(), required=False, default=dict)
    reason = serializers.CharField(required=False, allow_blank=True, default="")
    version = serializers.IntegerField(required=False, allow_null=True, default=None)


class ReviewIn(serializers.Serializer):
    received_on = ApiDateField()
    result = serializers.CharField(required=False, allow_blank=True, default="")
    decided_on = ApiDateField(required=False, allow_null=True, default=None)
    recommendations = serializers.CharField(
        required=False, allow_blank=True, default="", help_text="One recommendation per line"
    )
    notes = serializers.CharField(required=False, allow_blank=True, default="")
    follow_up_by = ApiDateField(
        required=False,
        allow_null=True,
        default=None,
        help_text="Upheld: when its recommendations are due (default 28 days from the decision)",
    )
    owner = serializers.CharField(
        required=False, allow_blank=True, default="", help_text="Upheld: who follows them up (username)"
    )


class ReviewResultIn(serializers.Serializer):
    result = choice_field(["REVIEW-UPHELD", "REVIEW-NOT-UPHELD"])
    decided_on = ApiDateField(required=False, allow_null=True, default=None)
    recommendations = serializers.CharField(
        required=False, allow_blank=True, default="", help_text="One recommendation per line"
    )
    notes = serializers.CharField(required=False, allow_blank=True, default="")
    follow_up_by = ApiDateField(
        required=False,
        allow_null=True,
        default=None,
        help_text="Upheld: when its recommendations are due (default 28 days from the decision)",
    )
    owner = serializers.CharField(
        required=False, allow_blank=True, default="", help_text="Upheld: who follows them up (username)"
    )


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


class CaseDetailOut(CaseListOut):
    complainants = ComplainantOut(many=True)  # type: ignore[assignment]
    subjects = SubjectOut(many=True)
    allegations = AllegationOut(many=True)
    actions = ActionOut(many=True)
    contacts = ContactOut(many=True)
    reviews = ReviewOut(many=True)
    recommendations = RecommendationOut(many=True)
    suspensions = SuspensionOut(many=True)
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
