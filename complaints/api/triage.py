"""POST /api/v1/complaints/triage/: the complaint triage rules over HTTP (stores nothing).

Thin: the serializer turns JSON into complaints.rules input, complaints.rules decides, the output
serializer renders the decision. Rule IDs cited are those of DOMAIN-complaints.md."""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from drf_spectacular.utils import OpenApiExample, extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from complaints import rules
from complaints.selectors import complaint_category_codes
from complaints.selectors.reference import time_limits
from config.fields import ApiAwareDateTimeField, ApiDateField
from config.permissions import Role, roles_allowed

MAX_ALLEGATIONS = 50
ROUTES = [r.value for r in rules.Route]
AUTHORITIES = [a.value for a in rules.Authority]
REVIEW_BODIES = [b.value for b in rules.ReviewBody]


def nested_error(field: str, message: str) -> dict[str, Any]:
    """A dotted field path ("allegations.0.category") as DRF's nested error shape."""
    *parents, leaf = field.split(".")
    body: dict[str, Any] = {leaf: [message]}
    for part in reversed(parents):
        body = {part: body}
    return body


class ComplainantInputSerializer(serializers.Serializer[Any]):
    adversely_affected = serializers.BooleanField()
    witness = serializers.BooleanField()
    acting_for_someone = serializers.BooleanField()
    consent_of_affected = serializers.BooleanField(
        help_text="With acting_for_someone: the person acted for (the subject of the matter or "
        "someone adversely affected by it) gave written consent: the complaint is theirs (C-ELIG-ON-BEHALF)."
    )
    # Optional facts (API.md): when left out they are taken at their default and listed in `assumed`
    # whenever the other answer would change the decision.
    subject_of_conduct = serializers.BooleanField(
        default=False, help_text="Optional (false): the conduct was directed at the complainant."
    )
    serving_officer_same_force = serializers.BooleanField(
        default=False,
        help_text="Optional (false): the complainant serves under the same chief officer (C-ELIG-SERVING).",
    )
    affected_only_through_media = serializers.BooleanField(
        default=False,
        help_text="Optional (false): the complainant saw it only on TV or social media (C-ELIG-AFFECTED).",
    )
    age = serializers.IntegerField(
        required=False,
        allow_null=True,
        default=None,
        min_value=0,
        max_value=rules.MAX_AGE,
        help_text="Optional, whole years: the age of the person whose complaint it is (the person "
        "represented, when acting_for_someone with consent); under 18 cites C-YOUNG-PEOPLE.",
    )


class AllegationInputSerializer(serializers.Serializer[Any]):
    category = serializers.CharField(max_length=6)
    death_or_serious_injury = serializers.BooleanField()
    serious_assault = serializers.BooleanField()
    serious_sexual_offence = serializers.BooleanField()
    serious_corruption = serializers.BooleanField()
    discriminatory_criminal_or_misconduct = serializers.BooleanField()
    could_justify_criminal_or_disciplinary = serializers.BooleanField()
    article_2_or_3 = serializers.BooleanField()
    relevant_offence = serializers.BooleanField(
        default=False,
        help_text="Optional (false): a sentence fixed by law, or 7 years or more (MR-RELEVANT-OFFENCE).",
    )
    conduct = serializers.BooleanField(
        default=True,
        help_text="Optional (true): someone's conduct; false for direction and control or a service matter.",
    )
    injury_details = serializers.ListField(
        child=serializers.ChoiceField(choices=[d.value for d in rules.InjuryDetail]),
        default=list,
        max_length=len(rules.InjuryDetail),
        help_text="Optional ([]): what makes an injury serious (C-SERIOUS-INJURY-DEF).",
    )
    about_senior_officer = serializers.BooleanField(
        default=False,
        help_text="Optional (false): a subject above chief superintendent other than the chief officer.",
    )

    def validate_category(self, value: str) -> str:
        if value not in self.context["categories"]:
            raise serializers.ValidationError(f"{value!r} is not a complaint category code.")
        return value


class TriageInputSerializer(serializers.Serializer[Any]):
    received_at = ApiAwareDateTimeField()
    about_chief_officer = serializers.BooleanField()
    complainant = ComplainantInputSerializer()
    incident_date = ApiDateField(allow_null=True)
    allegations = AllegationInputSerializer(many=True)
    complainant_wants_recording = serializers.BooleanField()
    complainant_agrees_outside_schedule_3 = serializers.BooleanField()
    handling_started_on = ApiDateField(required=False, allow_null=True, default=None)
    not_a_complaint = serializers.ChoiceField(
        choices=[r.value for r in rules.NotAComplaint], required=False, allow_null=True, default=None
    )
    same_incident_as_referrable = serializers.BooleanField(default=False)
    iopc_requires_referral = serializers.BooleanField(default=False)
    aa_decides_to_record = serializers.BooleanField(default=False)
    delay_good_reason = serializers.BooleanField(default=False)

    def to_internal_value(self, data: Any) -> Any:
        try:
            return super().to_internal_value(data)
        except serializers.ValidationError as exc:
            # DRF reports a nested list as [{}, {...}]; the contract names the index: {"0": {...}}.
            detail: Any = exc.detail
            if isinstance(detail, dict) and isinstance(detail.get("allegations"), list):
                items = detail["allegations"]
                if items and all(isinstance(item, dict) for item in items):
                    detail = {**detail, "allegations": {str(i): item for i, item in enumerate(items) if item}}
            raise serializers.ValidationError(detail) from exc

    def validate_allegations(self, value: list[dict[str, Any]]) -> list[dict[str, Any]]:
        if not value:
            raise serializers.ValidationError("Add at least one allegation.")
        if len(value) > MAX_ALLEGATIONS:
            raise serializers.ValidationError(
                f"At most {MAX_ALLEGATIONS} allegations may be triaged at once."
            )
        return value

    def validate_incident_date(self, value: Any) -> Any:
        if value is not None and value > rules.local_date(timezone.now()):
            raise serializers.ValidationError("The incident date cannot be in the future.")
        return value

    def to_triage_input(self) -> rules.TriageInput:
        data = dict(self.validated_data)
        allegations = tuple(
            rules.AllegationFacts(**{**a, "injury_details": frozenset(a["injury_details"])})
            for a in data.pop("allegations")
        )
        complainant = rules.Complainant(**data.pop("complainant"))
        return rules.TriageInput(complainant=complainant, allegations=allegations, **data)

    def given_facts(self) -> frozenset[str]:
        """The optional facts the caller sent (dotted paths); the others were taken at their default."""
        raw: Any = self.initial_data
        given = {
            f"complainant.{name}"
            for name in rules.OPTIONAL_COMPLAINANT_FACTS
            if name in (raw.get("complainant") or {})
        }
        for index, allegation in enumerate(raw.get("allegations") or []):
            given |= {
                f"allegations.{index}.{name}"
                for name in rules.OPTIONAL_ALLEGATION_FACTS
                if name in allegation
            }
        return frozenset(given)


class AssumptionOutputSerializer(serializers.Serializer[Any]):
    field = serializers.CharField(help_text="The optional fact, as a dotted input path.")
    assumed = serializers.JSONField(help_text="The default it was taken at.")
    would_change = serializers.ListField(child=serializers.ChoiceField(choices=list(rules.ANSWERS)))


class CitationOutputSerializer(serializers.Serializer[Any]):
    text = serializers.CharField()
    rules = serializers.ListField(child=serializers.CharField())


class TriageOutputSerializer(serializers.Serializer[Any]):
    eligible = serializers.BooleanField()
    route = serializers.ChoiceField(choices=ROUTES, allow_null=True)
    must_refer_to_iopc = serializers.BooleanField()
    appropriate_authority = serializers.ChoiceField(choices=AUTHORITIES)
    first_update_due = ApiDateField(allow_null=True)
    rules = serializers.ListField(child=serializers.CharField())  # shadows the module in this class body
    explanation = serializers.ListField(child=serializers.CharField())
    must_record = serializers.BooleanField()
    review_body = serializers.ChoiceField(choices=REVIEW_BODIES, allow_null=True)
    referral_criteria = serializers.ListField(child=serializers.CharField())
    assumed = AssumptionOutputSerializer(many=True)
    citations = CitationOutputSerializer(many=True)


EXAMPLE_REQUEST = {
    "received_at": "2026-03-01T09:00:00Z",
    "about_chief_officer": False,
    "complainant": {
        "adversely_affected": True,
        "witness": False,
        "acting_for_someone": False,
        "consent_of_affected": False,
    },
    "incident_date": "2026-02-20",
    "allegations": [
        {
            "category": "A1",
            "death_or_serious_injury": False,
            "serious_assault": False,
            "serious_sexual_offence": False,
            "serious_corruption": False,
            "discriminatory_criminal_or_misconduct": False,
            "could_justify_criminal_or_disciplinary": False,
            "article_2_or_3": False,
        }
    ],
    "complainant_wants_recording": False,
    "complainant_agrees_outside_schedule_3": True,
}


class ComplaintTriageApi(APIView):
    """Decide who may complain, the handling route, IOPC referral, the appropriate authority and
    the first update date (C-* rules of DOMAIN-complaints.md). Stores nothing."""

    permission_classes = [roles_allowed(*Role.COMPLAINTS)]

    @extend_schema(
        request=TriageInputSerializer,
        responses={200: TriageOutputSerializer},
        examples=[OpenApiExample("Informal handling", value=EXAMPLE_REQUEST, request_only=True)],
    )
    def post(self, request: Request) -> Response:
        serializer = TriageInputSerializer(
            data=request.data, context={"categories": complaint_category_codes()}
        )
        serializer.is_valid(raise_exception=True)
        inp, categories, limits = (
            serializer.to_triage_input(),
            serializer.context["categories"],
            time_limits(),
        )
        try:
            result = rules.triage(inp, categories, limits)
            assumed = rules.assumptions(inp, serializer.given_facts(), categories, limits)
        except rules.TriageError as exc:
            return Response(nested_error(exc.field or "non_field_errors", exc.message), status=400)
        return Response(TriageOutputSerializer({**vars(result), "assumed": assumed}).data)
