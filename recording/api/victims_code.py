"""The Victims' Code clocks on a crime through the API (R-VCOP-RIGHT6): what was agreed with each
victim, and the decisions they must be told of, each with its due date. The same services as the
crime page (recording.services.victims_code)."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from config.exceptions import DomainError
from config.fields import ApiDateField, ApiDateTimeField
from config.inputs import MAX_ITEMS
from recording.api.common import CrimeStaff, crime_for, request_user, validated
from recording.models import ContactMethod, CrimeVictim, VictimNotice
from recording.serializers.common import CodeChoiceField
from recording.services import victims_code
from staffing.api.idempotent import idempotent
from staffing.models import ReasonableAdjustment


class VictimAgreementInputSerializer(serializers.Serializer[Any]):
    update_every_days = serializers.IntegerField(
        help_text="How often the victim agreed to be updated (days)."
    )
    contact_method = serializers.ChoiceField(choices=ContactMethod.choices)
    enhanced_rights = serializers.ChoiceField(
        choices=CrimeVictim.EnhancedRights.choices,
        required=False,
        default="",
        allow_blank=True,
        help_text="Why the victim has enhanced rights, beside being recorded as vulnerable.",
    )
    adjustments = serializers.ListField(
        child=CodeChoiceField(choices=ReasonableAdjustment.choices),
        required=False,
        max_length=MAX_ITEMS,
        help_text="Reasonable adjustments (as a complainant's): the format letters need. Absent: unchanged.",
    )
    adjustment_notes = serializers.CharField(
        required=False, allow_blank=True, help_text="Notes on the adjustments. Absent: unchanged."
    )


class VictimAgreementSerializer(serializers.Serializer[Any]):
    id = serializers.IntegerField()
    name = serializers.CharField()
    vulnerable = serializers.BooleanField()
    enhanced_rights = serializers.CharField()
    enhanced_rights_label = serializers.CharField(source="get_enhanced_rights_display")
    has_enhanced_rights = serializers.BooleanField()
    agreed_update_days = serializers.IntegerField(allow_null=True)
    agreed_contact_method = serializers.CharField()
    agreed_contact_method_label = serializers.CharField(source="get_agreed_contact_method_display")
    agreed_at = ApiDateTimeField(allow_null=True)
    adjustments = serializers.ListField(child=serializers.CharField())
    adjustment_labels = serializers.ListField(child=serializers.CharField())
    adjustment_notes = serializers.CharField()


class VictimNoticeInputSerializer(serializers.Serializer[Any]):
    kind = serializers.ChoiceField(choices=VictimNotice.Kind.choices)
    decided_at = ApiDateTimeField()
    reason = serializers.CharField(allow_blank=True, help_text="What was decided and why.")


class VictimNoticeToldInputSerializer(serializers.Serializer[Any]):
    told_at = ApiDateTimeField()
    method = serializers.ChoiceField(choices=ContactMethod.choices)
    summary = serializers.CharField(required=False, allow_blank=True, default="")


class VictimNoticeSerializer(serializers.Serializer[Any]):
    id = serializers.IntegerField()
    kind = serializers.CharField()
    kind_label = serializers.CharField(source="get_kind_display")
    decided_at = ApiDateTimeField()
    reason = serializers.CharField()
    enhanced = serializers.BooleanField(help_text="A victim had enhanced rights: 1 working day, else 5.")
    due_on = ApiDateField(help_text="R-VCOP-RIGHT6: tell the victim by this day.")
    decided_by = serializers.CharField(source="decided_by.username")
    told_at = ApiDateTimeField(allow_null=True)
    told_by = serializers.CharField(source="told_by.username", default=None, allow_null=True)
    told_method = serializers.CharField()
    late = serializers.BooleanField()


class CrimeVictimAgreementApi(APIView):
    """Record what was agreed with one victim of the crime: update frequency, contact method, and the
    reason for enhanced rights if any. The crime's next victim update due follows at once."""

    permission_classes = [CrimeStaff]

    @extend_schema(request=VictimAgreementInputSerializer, responses=VictimAgreementSerializer)
    @idempotent("recording.victim_agreement")
    def post(self, request: Request, pk: int, victim_id: int) -> Response:
        crime = crime_for(request, pk, purpose="Victims' Code agreement")
        data = validated(VictimAgreementInputSerializer, request.data)
        victim = crime.victims.filter(pk=victim_id).first()
        if victim is None:
            raise DomainError("That victim is not on this crime.", field="victim")
        victim = victims_code.victim_agreement_record(
            crime=crime,
            victim=victim,
            actor=request_user(request),
            update_every_days=data["update_every_days"],
            contact_method=data["contact_method"],
            enhanced_rights=data["enhanced_rights"],
            adjustments=data.get("adjustments"),
            adjustment_notes=data.get("adjustment_notes"),
        )
        return Response(VictimAgreementSerializer(victim).data)


class CrimeVictimNoticeApi(APIView):
    """The decisions the victim must be told of, with their due dates (GET), or a new one (POST)."""

    permission_classes = [CrimeStaff]

    @extend_schema(responses=VictimNoticeSerializer(many=True))
    def get(self, request: Request, pk: int) -> Response:
        crime = crime_for(request, pk)
        notices = crime.victim_notices.select_related("decided_by", "told_by")
        return Response(VictimNoticeSerializer(notices, many=True).data)

    @extend_schema(request=VictimNoticeInputSerializer, responses={201: VictimNoticeSerializer})
    @idempotent("recording.victim_notices.create")
    def post(self, request: Request, pk: int) -> Response:
        crime = crime_for(request, pk, purpose="Victims' Code decision")
        data = validated(VictimNoticeInputSerializer, request.data)
        notice = victims_code.victim_notice_record(
            crime=crime,
            actor=request_user(request),
            kind=data["kind"],
            decided_at=data["decided_at"],
            reason=data["reason"],
        )
        return Response(VictimNoticeSerializer(notice).data, status=status.HTTP_201_CREATED)


class CrimeVictimNoticeToldApi(APIView):
    """The victim was told of the decision: stops its clock and logs the contact."""

    permission_classes = [CrimeStaff]

    @extend_schema(request=VictimNoticeToldInputSerializer, responses=VictimNoticeSerializer)
    @idempotent("recording.victim_notices.told")
    def post(self, request: Request, pk: int, notice_id: int) -> Response:
        crime = crime_for(request, pk, purpose="Victims' Code notice")
        data = validated(VictimNoticeToldInputSerializer, request.data)
        notice = crime.victim_notices.filter(pk=notice_id).first()
        if notice is None:
            raise DomainError("No such decision on this crime.", field="notice")
        notice = victims_code.victim_notice_tell(
            notice=notice,
            actor=request_user(request),
            told_at=data["told_at"],
            method=data["method"],
            summary=data["summary"],
        )
        return Response(VictimNoticeSerializer(notice).data)
