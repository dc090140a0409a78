"""The recording decision: POST /api/v1/recording/decisions/ and the body of POST
/api/v1/recording/crimes/from-decision/ (contract "Recording decision"): the report in,
recording.rules.decide's Decision out, and a rules.ReportError in DRF's nested error shape."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from rest_framework import serializers

from config.inputs import MAX_ITEMS
from recording import rules
from recording.models import AwaitingVictim
from recording.rules.third_party import ADULT_AGE
from recording.serializers.common import AwareDateTimeField


class RecordingDecisionVictimInputSerializer(serializers.Serializer[dict[str, Any]]):
    ref = serializers.CharField(max_length=40)
    kind = serializers.ChoiceField(choices=[k.value for k in rules.VictimKind])
    age = serializers.IntegerField(
        required=False,
        allow_null=True,
        default=None,
        min_value=0,
        max_value=130,
        help_text=f"Whole years; under {ADULT_AGE} is a child (R-NCRS-THIRD-PARTY).",
    )
    vulnerable = serializers.BooleanField(default=False, help_text="A vulnerable adult (R-NCRS-THIRD-PARTY).")
    unreachable = serializers.BooleanField(
        default=False, help_text="The victim cannot be identified or traced (R-NCRS-THIRD-PARTY)."
    )
    supports_action = serializers.BooleanField(
        default=True,
        help_text="False when the victim does not want police action: the crime is still recorded "
        "(R-NCRS-VICTIM-BELIEF) and the victim's view is kept on it.",
    )


class RecordingDecisionAllegationInputSerializer(serializers.Serializer[dict[str, Any]]):
    ref = serializers.CharField(max_length=40)
    victim = serializers.CharField(max_length=40, allow_null=True, required=False, default=None)
    offence = serializers.CharField(
        max_length=20,
        help_text="A Home Office class (ho_offences.csv, e.g. 9A) or offence code (ho_offence_codes.csv, "
        "e.g. 125/9): an offence code counts by its own V/S marker and is recorded under its class.",
    )
    incident = serializers.CharField(max_length=40)
    believed = serializers.BooleanField(
        default=True, help_text="On the balance of probability the account is believed (no AVI against it)."
    )
    avi_no_crime = serializers.BooleanField(default=False)
    offenders = serializers.ListField(
        child=serializers.CharField(max_length=40), required=False, default=list, max_length=MAX_ITEMS
    )
    victim_contacted = serializers.BooleanField(
        default=True,
        help_text="False while the victim has not been spoken to (R-NCRS-THIRD-PARTY).",
    )

    def validate_offence(self, value: str) -> str:
        offences: Mapping[str, rules.OffenceInfo] = self.context["offences"]
        if value not in offences:
            raise serializers.ValidationError(f'"{value}" is not a Home Office offence or class code.')
        return value


class RecordingDecisionInputSerializer(serializers.Serializer[dict[str, Any]]):
    reported_at = AwareDateTimeField(help_text="When the report first reached the force (R-NCRS-24H).")
    force = serializers.CharField(max_length=20)
    location_force = serializers.CharField(max_length=20, required=False, allow_null=True, default=None)
    reporter = serializers.ChoiceField(
        # The stored model's choices (the same values as rules.Reporter, with labels): one enum in the
        # schema, not two colliding ones.
        choices=AwaitingVictim.Reporter.choices,
        default=rules.Reporter.VICTIM.value,
        help_text="Who made the report; anyone but the victim is a third party (R-NCRS-THIRD-PARTY). "
        "`professional`: someone in a care, health, education or safeguarding role; `other`: a friend, "
        "neighbour or other member of the public told of it.",
    )
    victims: serializers.ListSerializer[dict[str, Any]] = serializers.ListSerializer(
        child=RecordingDecisionVictimInputSerializer(), required=False, max_length=MAX_ITEMS
    )
    alleged: serializers.ListSerializer[dict[str, Any]] = serializers.ListSerializer(
        child=RecordingDecisionAllegationInputSerializer(), allow_empty=False, max_length=MAX_ITEMS
    )

    def to_report(self, *, reported_at: datetime | None = None) -> rules.Report:
        """The engine's report; `reported_at` given replaces the request's (the time a service settled
        from the incident, R-NCRS-24H)."""
        data = self.validated_data
        return rules.Report(
            reported_at=reported_at or data["reported_at"],
            force=data["force"],
            location_force=data["location_force"],
            reporter=data["reporter"],
            victims=tuple(
                rules.Victim(
                    ref=v["ref"],
                    kind=v["kind"],
                    age=v["age"],
                    vulnerable=v["vulnerable"],
                    unreachable=v["unreachable"],
                    supports_action=v["supports_action"],
                )
                for v in data.get("victims", [])
            ),
            alleged=tuple(
                rules.Allegation(
                    ref=a["ref"],
                    victim=a["victim"],
                    offence=a["offence"],
                    incident=a["incident"],
                    believed=a["believed"],
                    avi_no_crime=a["avi_no_crime"],
                    offenders=tuple(a["offenders"]),
                    victim_contacted=a["victim_contacted"],
                )
                for a in data["alleged"]
            ),
        )


class RecordingDecisionCrimeOutputSerializer(serializers.Serializer[rules.CrimeToRecord]):
    victim = serializers.CharField(allow_null=True)
    offence = serializers.CharField(help_text="The Home Office class the crime is recorded under.")
    offence_code = serializers.CharField(
        allow_null=True, help_text="The Home Office offence code of the principal allegation, when given."
    )
    counted_per = serializers.CharField(
        help_text="`victim` (R-ONE-PER-VICTIM) or `offender` group (R-VICTIMLESS-COUNT)."
    )
    allegations = serializers.ListField(child=serializers.CharField())
    offenders = serializers.ListField(child=serializers.CharField())
    restricted = serializers.BooleanField(help_text="A need-to-know class (R-RESTRICTED).")
    daily_review = serializers.BooleanField(help_text="Rape or serious sexual offence (R-RAPE-RECORD).")
    rules = serializers.ListField(child=serializers.CharField())


class RecordingDecisionNotRecordedOutputSerializer(serializers.Serializer[rules.NotRecorded]):
    allegation = serializers.CharField()
    rule = serializers.CharField()
    reason = serializers.CharField()
    refer_to = serializers.CharField(
        allow_null=True, help_text="`action_fraud` when Action Fraud records it instead (R-FRAUD-AF)."
    )


class RecordingDecisionAwaitingOutputSerializer(serializers.Serializer[rules.AwaitingConfirmation]):
    allegation = serializers.CharField()
    rule = serializers.CharField()
    reason = serializers.CharField()
    victim = serializers.CharField(allow_null=True)
    offence = serializers.CharField(help_text="The class it would be recorded under.")
    offence_code = serializers.CharField(allow_null=True)
    daily_review = serializers.BooleanField(
        help_text="Rape or serious sexual offence: the daily review sees it now (R-RAPE-RECORD)."
    )
    restricted = serializers.BooleanField(help_text="A need-to-know class (R-RESTRICTED).")


class RecordingDecisionCitationOutputSerializer(serializers.Serializer[rules.Citation]):
    rule = serializers.CharField()
    explanation = serializers.ListField(child=serializers.CharField())


class RecordingDecisionOutputSerializer(serializers.Serializer[rules.Decision]):
    crimes = RecordingDecisionCrimeOutputSerializer(many=True)
    not_recorded = RecordingDecisionNotRecordedOutputSerializer(many=True)
    awaiting_confirmation = RecordingDecisionAwaitingOutputSerializer(
        many=True, help_text="Allegations to decide once the victim has been spoken to (R-NCRS-THIRD-PARTY)."
    )
    transfer_to = serializers.CharField(allow_null=True)
    record_by = AwareDateTimeField()
    rules = serializers.ListField(child=serializers.CharField())
    explanation = serializers.ListField(child=serializers.CharField())
    citations = RecordingDecisionCitationOutputSerializer(
        many=True, help_text="Each cited rule beside the explanation lines that rest on it."
    )
    rule_version = serializers.CharField(help_text="The counting-rule set applied (R-RULE-VERSION).")


def report_error_detail(path: str | None, message: str) -> dict[str, Any]:
    """A rules.ReportError field path ("alleged.1.victim") as the nested error DRF would give."""
    parts = (path or "non_field_errors").split(".")
    error: Any = [message]
    for part in reversed(parts):
        error = {part: error}
    return dict(error)
