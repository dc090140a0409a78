"""Repeat-subject alerts and allegations' subjects from the roster, for API clients (issue 23 part 3):
the same selectors and services as the pages. Complaints staff see alerts (never one about themselves:
404); managers and admins answer them; every alert listed or opened is access-logged."""

from __future__ import annotations

from typing import Any, cast

from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema, extend_schema_field
from rest_framework import serializers, status
from rest_framework.generics import ListAPIView
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from complaints import services
from complaints.models import Allegation, RosterPerson, Subject, SubjectAlert
from complaints.selectors import alerts as alert_selectors
from complaints.services.alerts import subject_alert_respond
from config.exceptions import DomainError
from config.fields import ApiDateTimeField
from config.permissions import Role, roles_allowed
from staffing.access_audit import purpose_from
from staffing.api.idempotent import idempotent
from staffing.models import User

STAFF = roles_allowed(*Role.COMPLAINTS)
# Anyone may ask for one alert; only those with need-to-know find it (others get 404).
ONE = roles_allowed(*Role.ALL)
SUPERVISORS = roles_allowed(Role.MANAGER, Role.ADMIN)


def _me(request: Any) -> User:
    return cast(User, request.user)


# ---------------------------------------------------------------- serializers
class RosterPersonOut(serializers.ModelSerializer):
    team = serializers.CharField(source="team_name")

    class Meta:
        model = RosterPerson
        fields = ["id", "collar_number", "name", "rank", "team"]


class AlertAllegationOut(serializers.ModelSerializer):
    case = serializers.IntegerField(source="case_id")
    case_reference = serializers.CharField(source="case.reference")
    received_at = ApiDateTimeField(source="case.received_at")
    category = serializers.CharField(source="category.code")
    category_title = serializers.CharField(source="category.title")
    outcome = serializers.CharField(source="outcome.code", allow_null=True, default=None)

    class Meta:
        model = Allegation
        fields = ["id", "case", "case_reference", "received_at", "category", "category_title", "outcome"]


class ThresholdOut(serializers.Serializer):
    code = serializers.CharField()
    title = serializers.CharField()
    allegations = serializers.IntegerField()
    months = serializers.IntegerField(allow_null=True)
    category_groups = serializers.CharField()


class AlertOut(serializers.ModelSerializer):
    person = RosterPersonOut()
    threshold = ThresholdOut()
    trigger = serializers.IntegerField(source="trigger_id")
    answered_by = serializers.CharField(source="responded_by.username", allow_null=True, default=None)
    answered_at = ApiDateTimeField(source="responded_at", allow_null=True)

    class Meta:
        model = SubjectAlert
        fields = [
            "id",
            "person",
            "threshold",
            "threshold_rule",
            "trigger",
            "raised_at",
            "response_due",
            "agrees",
            "action_taken",
            "answered_by",
            "answered_at",
        ]


class ShownOut(serializers.Serializer):
    allegations = AlertAllegationOut(many=True)
    hidden = serializers.IntegerField(help_text="How many more are on cases the caller may not see")


class AlertDetailOut(AlertOut):
    allegations = serializers.SerializerMethodField()
    earlier = serializers.SerializerMethodField()

    class Meta(AlertOut.Meta):
        fields = [*AlertOut.Meta.fields, "allegations", "earlier"]

    @extend_schema_field(ShownOut)
    def get_allegations(self, alert: SubjectAlert) -> dict[str, Any]:
        return dict(ShownOut(alert_selectors.alert_allegations(user=self.context["user"], alert=alert)).data)

    @extend_schema_field(ShownOut(allow_null=True))
    def get_earlier(self, alert: SubjectAlert) -> dict[str, Any] | None:
        shown = alert_selectors.alert_earlier(user=self.context["user"], alert=alert)
        return None if shown is None else dict(ShownOut(shown).data)


class AnswerIn(serializers.Serializer):
    agrees = serializers.BooleanField(help_text="The supervisor agrees the pattern needs action")
    action_taken = serializers.CharField(
        max_length=4000, help_text="What was done, or why nothing was needed"
    )


class AttachIn(serializers.Serializer):
    collar_number = serializers.CharField(max_length=20, help_text="Of the person on the roster")
    allegations = serializers.ListField(
        child=serializers.IntegerField(min_value=1), min_length=1, max_length=50
    )
    kind = serializers.ChoiceField(
        choices=[
            (Subject.Kind.OFFICER, Subject.Kind.OFFICER.label),
            (Subject.Kind.STAFF, Subject.Kind.STAFF.label),
        ],
        default=Subject.Kind.OFFICER,
    )
    subject = serializers.IntegerField(
        required=False,
        allow_null=True,
        help_text="A subject of the case named without a collar number who is them",
    )


class AttachOut(serializers.Serializer):
    subject = serializers.IntegerField()
    person = RosterPersonOut()
    allegations = serializers.ListField(child=serializers.IntegerField())
    alerts = serializers.ListField(
        child=serializers.IntegerField(), help_text="Alerts about the person on them"
    )


# ---------------------------------------------------------------- views
class RosterFindApi(APIView):
    """People on the roster by collar number or name (`?q=`), at most 20."""

    permission_classes = [STAFF]

    @extend_schema(responses=RosterPersonOut(many=True))
    def get(self, request: Request) -> Response:
        people = alert_selectors.roster_find(request.query_params.get("q", "")[:200])
        return Response(RosterPersonOut(people, many=True).data)


class AlertListApi(ListAPIView):
    """Repeat-subject alerts the caller may see, unanswered first (`?open=1` unanswered only, `?overdue=1`
    unanswered past their working day). Every alert listed is access-logged."""

    permission_classes = [STAFF]
    serializer_class = AlertOut

    def get_queryset(self) -> QuerySet[SubjectAlert]:
        if getattr(self, "swagger_fake_view", False):
            return SubjectAlert.objects.none()
        user = _me(self.request)
        params = self.request.query_params
        if params.get("overdue"):
            return alert_selectors.alerts_overdue(user)
        if params.get("open"):
            return alert_selectors.alerts_awaiting(user)
        return alert_selectors.alert_list(user=user)

    def paginate_queryset(self, queryset: Any) -> Any:
        page = super().paginate_queryset(queryset)
        rows = list(page) if page is not None else list(queryset)
        alert_selectors.alerts_list_log(
            user=_me(self.request),
            alerts=rows,
            path=self.request.get_full_path(),
            purpose=purpose_from(self.request, "Repeat-subject alerts (API)"),
        )
        return page if page is not None else None


def _open(request: Request, pk: int) -> SubjectAlert:
    return alert_selectors.alert_open(
        user=_me(request),
        pk=pk,
        purpose=purpose_from(request, "Repeat-subject alert (API)"),
        path=request.path,
    )


class AlertDetailApi(APIView):
    permission_classes = [ONE]

    @extend_schema(responses=AlertDetailOut)
    def get(self, request: Request, pk: int) -> Response:
        alert = _open(request, pk)
        return Response(AlertDetailOut(alert, context={"user": _me(request)}).data)


class AlertAnswerApi(APIView):
    """A manager records whether they agree and what was done (once, within one working day)."""

    permission_classes = [SUPERVISORS]

    @extend_schema(request=AnswerIn, responses=AlertDetailOut)
    def post(self, request: Request, pk: int) -> Response:
        alert = _open(request, pk)
        s = AnswerIn(data=request.data)
        s.is_valid(raise_exception=True)
        subject_alert_respond(alert_id=alert.pk, actor=_me(request), **s.validated_data)
        alert = alert_selectors.alert_get(user=_me(request), pk=alert.pk)
        return Response(AlertDetailOut(alert, context={"user": _me(request)}).data)


class CaseAllegationSubjectsApi(APIView):
    """Name a person on the roster (by collar number) as the subject of some of the case's allegations;
    the repeat-subject alerts this raises are listed in the answer."""

    permission_classes = [roles_allowed(*Role.ALL, write=Role.COMPLAINTS)]

    @extend_schema(request=AttachIn, responses={201: AttachOut})
    @idempotent("complaints.allegation_subjects")
    def post(self, request: Request, pk: int) -> Response:
        case = services.case_open(
            user=_me(request),
            pk=pk,
            purpose=purpose_from(request, "Complaint handling (API)"),
            path=request.path,
            action="edit",
        )
        s = AttachIn(data=request.data)
        s.is_valid(raise_exception=True)
        d = s.validated_data
        person = alert_selectors.roster_person_by_collar(d["collar_number"])
        if person is None:
            raise DomainError(
                f"Nobody on the roster has collar number {d['collar_number']}.", field="collar_number"
            )
        named = services.case_action(
            "subject_attach",
            case_id=case.pk,
            actor=_me(request),
            data={**d, "person": person, "subject": d.get("subject")},
        )
        alerts = (
            alert_selectors.alerts_visible(_me(request))
            .filter(person=person, allegations__in=d["allegations"])
            .values_list("pk", flat=True)
            .distinct()
        )
        body = {
            "subject": named.subject.pk,
            "person": person,
            "allegations": d["allegations"],
            "alerts": sorted(alerts),
        }
        return Response(AttachOut(body).data, status=status.HTTP_201_CREATED)
