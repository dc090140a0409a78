"""Crime-recording API (thin views over services and selectors)."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.generics import ListAPIView
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from config.exceptions import DomainError
from config.permissions import Role, roles_allowed
from recording import rules, selectors
from recording.decision_api import RecordingDecisionInputSerializer, RecordingDecisionOutputSerializer
from recording.decision_selectors import offence_catalogue
from recording.models import (
    Appointment,
    CancellationRequest,
    ClassificationChange,
    Crime,
    CrimeTransfer,
    CrimeVictim,
    Enquiry,
    Force,
    ImportBatch,
)
from recording.serializers import (
    AppointmentInputSerializer,
    AppointmentSerializer,
    AssessmentInputSerializer,
    CancellationInputSerializer,
    CancellationSerializer,
    ClassificationChangeSerializer,
    CrimeCreateInputSerializer,
    CrimeDetailSerializer,
    CrimeDetailsInputMixin,
    CrimeListSerializer,
    DecisionInputSerializer,
    EnquiryInputSerializer,
    EnquirySerializer,
    EnquiryUpdateInputSerializer,
    ForceSerializer,
    IncidentBulkInputSerializer,
    IncidentBulkOutputSerializer,
    OutcomeInputSerializer,
    ReclassifyInputSerializer,
    StatusInputSerializer,
    SuspectInputSerializer,
    TransferDecisionInputSerializer,
    TransferInInputSerializer,
    TransferOutInputSerializer,
    TransferSerializer,
    VictimInputSerializer,
    VictimUpdateInputSerializer,
    VictimUpdateSerializer,
)
from recording.services import casework, crimes, incidents
from staffing.models import User
from staffing.services import access_log_record

CrimeStaff = roles_allowed(*Role.CRIME_STAFF)
Supervisors = roles_allowed(*Role.SUPERVISORS)


def _user(request: Request) -> User:
    return request.user  # type: ignore[return-value]


def crime_for(request: Request, pk: int, *, purpose: str = "API view") -> Crime:
    """The crime if the caller may know it exists, else 404; each view of a restricted crime is logged."""
    crime = selectors.crime_get(user=_user(request), pk=pk)
    if crime.restricted:
        access_log_record(
            user=_user(request),
            record_type="recording.crime",
            record_id=crime.pk,
            label=crime.crime_number,
            purpose=purpose,
            path=request.path,
        )
    return crime


def _valid(serializer_class: type[Any], data: Any) -> dict[str, Any]:
    serializer = serializer_class(data=data)
    serializer.is_valid(raise_exception=True)
    return dict(serializer.validated_data)


def _username(value: str, field: str) -> User | None:
    if not value:
        return None
    user = User.objects.filter(username=value, is_active=True).first()
    if user is None:
        raise DomainError(f"No active user {value!r}.", field=field)
    return user


# ---------------------------------------------------------------- incident feed


class IncidentBulkApi(APIView):
    """Create or update up to 5,000 incidents by reference, all or nothing (contract: Incident feed)."""

    permission_classes = [roles_allowed(Role.ADMIN)]

    @extend_schema(request=IncidentBulkInputSerializer, responses=IncidentBulkOutputSerializer)
    def post(self, request: Request) -> Response:
        items = request.data.get("incidents") if isinstance(request.data, dict) else None
        if not isinstance(items, list):
            return Response({"incidents": ["Send a list of incidents."]}, status=status.HTTP_400_BAD_REQUEST)
        if len(items) > incidents.MAX_API_INCIDENTS:
            return Response(
                {"incidents": [f"Send at most {incidents.MAX_API_INCIDENTS} incidents a request."]},
                status=status.HTTP_400_BAD_REQUEST,
            )
        not_objects = {
            str(i): {"non_field_errors": ["Expected an object."]}
            for i, x in enumerate(items)
            if not isinstance(x, dict)
        }
        if not_objects:
            return Response({"incidents": not_objects}, status=status.HTTP_400_BAD_REQUEST)
        result = incidents.incidents_upsert(
            rows=enumerate(items),
            actor=_user(request),
            source=ImportBatch.Source.API,
            source_name=request.path,
            collect_all_errors=True,
        )
        return Response({"created": result.created, "updated": result.updated, "batch": result.batch.pk})


# ---------------------------------------------------------------- crimes


class CrimeListCreateApi(ListAPIView):
    """Crimes the caller may see (R-RESTRICTED), newest first. Filters: q, status, offence, mine, breach,
    recorded_from, recorded_to. POST records one crime."""

    permission_classes = [CrimeStaff]
    serializer_class = CrimeListSerializer

    def get_queryset(self) -> QuerySet[Crime]:
        if getattr(self, "swagger_fake_view", False):
            return Crime.objects.none()
        return selectors.crime_list(user=_user(self.request), filters=self.request.query_params)

    @extend_schema(request=CrimeCreateInputSerializer, responses=CrimeDetailSerializer)
    def post(self, request: Request) -> Response:
        data = _valid(CrimeCreateInputSerializer, request.data)
        crime = crimes.crime_create(
            actor=_user(request),
            offence_code=data["offence"],
            reported_at=data["reported_at"],
            recorded_at=data["recorded_at"],
            victims=[crimes.VictimInput(**v) for v in data["victims"]],
            suspects=[crimes.SuspectInput(**s) for s in data["suspects"]],
            incident_references=data["incident_references"],
            details=crimes.CrimeDetails(
                **{k: data[k] for k in crimes.CrimeDetails.__dataclass_fields__ if k != "extra" and k in data}
            ),
        )
        return Response(
            CrimeDetailSerializer(crime_for(request, crime.pk)).data, status=status.HTTP_201_CREATED
        )


class CrimeFromDecisionInputSerializer(RecordingDecisionInputSerializer, CrimeDetailsInputMixin):
    """The recording-decision request plus what the recorder knows about the people and the incident."""

    incident_reference = serializers.CharField(max_length=40, required=False, allow_blank=True, default="")
    victim_details = VictimInputSerializer(many=True, required=False, default=list)
    offender_details = SuspectInputSerializer(many=True, required=False, default=list)


class CrimeFromDecisionApi(APIView):
    """Decide (as POST /recording/decisions/) and record every proposed crime in one atomic step,
    linking the incident when a reference is given. The browser's "Record these crimes" button."""

    permission_classes = [CrimeStaff]

    @extend_schema(request=CrimeFromDecisionInputSerializer, responses=CrimeListSerializer(many=True))
    def post(self, request: Request) -> Response:
        serializer = CrimeFromDecisionInputSerializer(
            data=request.data, context={"offences": offence_catalogue()}
        )
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        try:
            report = serializer.to_report()
            decision = rules.decide(report, serializer.context["offences"])
        except rules.ReportError as exc:
            error: Any = [exc.message]
            for part in reversed((exc.field or "non_field_errors").split(".")):
                error = {part: error}
            return Response(error, status=status.HTTP_400_BAD_REQUEST)
        made = crimes.crime_create_from_decision(
            actor=_user(request),
            report=report,
            decision=decision,
            victims={v["ref"]: crimes.VictimInput(**v) for v in data["victim_details"]},
            offenders={o["ref"]: crimes.SuspectInput(**o) for o in data["offender_details"]},
            incident_reference=data["incident_reference"],
            details=crimes.CrimeDetails(
                **{k: data[k] for k in crimes.CrimeDetails.__dataclass_fields__ if k != "extra" and k in data}
            ),
        )
        return Response(
            {
                "crimes": CrimeListSerializer(made, many=True).data,
                "decision": RecordingDecisionOutputSerializer(decision).data,
            },
            status=status.HTTP_201_CREATED,
        )


class CrimeDetailApi(APIView):
    permission_classes = [CrimeStaff]

    @extend_schema(responses=CrimeDetailSerializer)
    def get(self, request: Request, pk: int) -> Response:
        return Response(CrimeDetailSerializer(crime_for(request, pk)).data)

    @extend_schema(request=AssessmentInputSerializer, responses=CrimeDetailSerializer)
    def patch(self, request: Request, pk: int) -> Response:
        """THRIVE re-grading, vulnerability flags, solvability screening, victim's view."""
        crime = crime_for(request, pk, purpose="API update")
        data = _valid(AssessmentInputSerializer, request.data)
        casework.crime_update_assessment(crime=crime, actor=_user(request), **data)
        return Response(CrimeDetailSerializer(selectors.crime_get(user=_user(request), pk=pk)).data)


class CrimeStatusApi(APIView):
    """Move a crime along its lifecycle (allocated, under_investigation); with `owner`, allocate it
    (sergeants, managers, admins). Finalise, cancel and transfer have their own endpoints."""

    permission_classes = [CrimeStaff]

    @extend_schema(request=StatusInputSerializer, responses=CrimeDetailSerializer)
    def post(self, request: Request, pk: int) -> Response:
        crime = crime_for(request, pk, purpose="Status change")
        data = _valid(StatusInputSerializer, request.data)
        user = _user(request)
        if data["owner"]:
            if user.role not in Role.SUPERVISORS:
                raise DomainError("Only a sergeant, manager or admin allocates crimes.", field="owner")
            owner = _username(data["owner"], "owner")
            casework.crime_allocate(crime=crime, actor=user, owner=owner, team=None, reason=data["reason"])
            crime.refresh_from_db()
        if data.get("status") and data["status"] != crime.status:
            casework.crime_set_status(crime=crime, actor=user, status=data["status"], reason=data["reason"])
        return Response(CrimeDetailSerializer(selectors.crime_get(user=user, pk=pk)).data)


class ReclassificationApi(APIView):
    """GET: reclassification requests (?status=); for sergeants' review."""

    permission_classes = [CrimeStaff]

    @extend_schema(responses=ClassificationChangeSerializer(many=True))
    def get(self, request: Request) -> Response:
        qs = selectors.reclassification_list(status=request.query_params.get("status", ""))
        qs = qs.filter(crime__in=selectors.crime_visible(user=_user(request)))
        return _paginated(self, request, qs, ClassificationChangeSerializer)


class CrimeReclassifyApi(APIView):
    permission_classes = [roles_allowed(Role.INVESTIGATOR, Role.RECORDER, *Role.SUPERVISORS)]

    @extend_schema(request=ReclassifyInputSerializer, responses=ClassificationChangeSerializer)
    def post(self, request: Request, pk: int) -> Response:
        crime = crime_for(request, pk, purpose="Reclassification")
        data = _valid(ReclassifyInputSerializer, request.data)
        change = casework.reclassification_propose(
            crime=crime, actor=_user(request), offence_code=data["offence"], reason=data["reason"]
        )
        return Response(ClassificationChangeSerializer(change).data, status=status.HTTP_201_CREATED)


class ReclassificationDecisionApi(APIView):
    permission_classes = [Supervisors]

    @extend_schema(request=DecisionInputSerializer, responses=ClassificationChangeSerializer)
    def post(self, request: Request, pk: int) -> Response:
        change = get_object_or_404(ClassificationChange, pk=pk)
        crime_for(request, change.crime_id, purpose="Reclassification decision")
        data = _valid(DecisionInputSerializer, request.data)
        change = casework.reclassification_decide(
            change=change, actor=_user(request), approve=data["approve"], note=data["note"]
        )
        return Response(ClassificationChangeSerializer(change).data)


class CancellationListApi(APIView):
    permission_classes = [CrimeStaff]

    @extend_schema(responses=CancellationSerializer(many=True))
    def get(self, request: Request) -> Response:
        qs = selectors.cancellation_list(status=request.query_params.get("status", ""))
        qs = qs.filter(crime__in=selectors.crime_visible(user=_user(request)))
        return _paginated(self, request, qs, CancellationSerializer)


class CrimeCancellationApi(APIView):
    permission_classes = [CrimeStaff]

    @extend_schema(request=CancellationInputSerializer, responses=CancellationSerializer)
    def post(self, request: Request, pk: int) -> Response:
        crime = crime_for(request, pk, purpose="Cancellation request")
        data = _valid(CancellationInputSerializer, request.data)
        req = casework.cancellation_request(
            crime=crime,
            actor=_user(request),
            criterion_code=data["criterion"],
            evidence=data["evidence"],
            avi=data["avi"],
            duplicate_of=data["duplicate_of"],
        )
        return Response(CancellationSerializer(req).data, status=status.HTTP_201_CREATED)


class CancellationDecisionApi(APIView):
    """Approve or reject (designated decision maker only; R-CANCEL-DDM, R-RAPE-RECORD)."""

    permission_classes = [CrimeStaff]

    @extend_schema(request=DecisionInputSerializer, responses=CancellationSerializer)
    def post(self, request: Request, pk: int) -> Response:
        req = get_object_or_404(CancellationRequest, pk=pk)
        crime_for(request, req.crime_id, purpose="Cancellation decision")
        data = _valid(DecisionInputSerializer, request.data)
        req = casework.cancellation_decide(
            request=req,
            actor=_user(request),
            approve=data["approve"],
            note=data["note"],
            victim_informed=data["victim_informed"],
        )
        return Response(CancellationSerializer(req).data)


class TransferListApi(APIView):
    permission_classes = [CrimeStaff]

    @extend_schema(responses=TransferSerializer(many=True))
    def get(self, request: Request) -> Response:
        qs = selectors.transfer_list(
            status=request.query_params.get("status", ""), direction=request.query_params.get("direction", "")
        )
        visible = selectors.crime_visible(user=_user(request))
        qs = qs.filter(crime__isnull=True) | qs.filter(crime__in=visible)
        return _paginated(self, request, qs, TransferSerializer)


class TransferInApi(APIView):
    """Register an incoming transfer from another force (R-TRANSFER-PROTOCOL)."""

    permission_classes = [Supervisors]

    @extend_schema(request=TransferInInputSerializer, responses=TransferSerializer)
    def post(self, request: Request) -> Response:
        data = _valid(TransferInInputSerializer, request.data)
        transfer = casework.transfer_in_register(
            actor=_user(request),
            force_code=data["force"],
            their_reference=data["their_reference"],
            offence_code=data["offence"],
            reported_at=data["reported_at"],
            summary=data["summary"],
            victim_name=data["victim_name"],
        )
        return Response(TransferSerializer(transfer).data, status=status.HTTP_201_CREATED)


class CrimeTransferApi(APIView):
    permission_classes = [CrimeStaff]

    @extend_schema(request=TransferOutInputSerializer, responses=TransferSerializer)
    def post(self, request: Request, pk: int) -> Response:
        crime = crime_for(request, pk, purpose="Transfer request")
        data = _valid(TransferOutInputSerializer, request.data)
        transfer = casework.transfer_out_request(
            crime=crime, actor=_user(request), force_code=data["force"], reason=data["reason"]
        )
        return Response(TransferSerializer(transfer).data, status=status.HTTP_201_CREATED)


class TransferDecisionApi(APIView):
    permission_classes = [Supervisors]

    @extend_schema(request=TransferDecisionInputSerializer, responses=TransferSerializer)
    def post(self, request: Request, pk: int) -> Response:
        transfer = get_object_or_404(CrimeTransfer, pk=pk)
        if transfer.crime_id:
            crime_for(request, transfer.crime_id, purpose="Transfer decision")
        data = _valid(TransferDecisionInputSerializer, request.data)
        transfer = casework.transfer_decide(
            transfer=transfer,
            actor=_user(request),
            accept=data["accept"],
            their_reference=data["their_reference"],
            note=data["note"],
        )
        return Response(TransferSerializer(transfer).data)


class CrimeOutcomeApi(APIView):
    """Finalise with a Home Office outcome; preconditions from ho_outcomes.csv (R-OUTCOME-*)."""

    permission_classes = [roles_allowed(Role.INVESTIGATOR, *Role.SUPERVISORS)]

    @extend_schema(request=OutcomeInputSerializer, responses=CrimeDetailSerializer)
    def post(self, request: Request, pk: int) -> Response:
        crime = crime_for(request, pk, purpose="Outcome")
        data = _valid(OutcomeInputSerializer, request.data)
        casework.crime_finalise(
            crime=crime, actor=_user(request), outcome_code=data["outcome"], reason=data["reason"]
        )
        return Response(CrimeDetailSerializer(selectors.crime_get(user=_user(request), pk=pk)).data)


class CrimeVictimUpdateApi(APIView):
    permission_classes = [CrimeStaff]

    @extend_schema(responses=VictimUpdateSerializer(many=True))
    def get(self, request: Request, pk: int) -> Response:
        crime = crime_for(request, pk)
        return Response(VictimUpdateSerializer(crime.victim_updates.all(), many=True).data)

    @extend_schema(request=VictimUpdateInputSerializer, responses=VictimUpdateSerializer)
    def post(self, request: Request, pk: int) -> Response:
        crime = crime_for(request, pk, purpose="Victim update")
        data = _valid(VictimUpdateInputSerializer, request.data)
        victim = None
        if data["victim"] is not None:
            victim = CrimeVictim.objects.filter(pk=data["victim"], crime=crime).first()
            if victim is None:
                raise DomainError("That victim is not on this crime.", field="victim")
        update = casework.victim_update_record(
            crime=crime,
            actor=_user(request),
            victim=victim,
            contacted_at=data["contacted_at"],
            method=data["method"],
            summary=data["summary"],
        )
        return Response(VictimUpdateSerializer(update).data, status=status.HTTP_201_CREATED)


class CrimeEnquiryApi(APIView):
    permission_classes = [CrimeStaff]

    @extend_schema(request=EnquiryInputSerializer, responses=EnquirySerializer)
    def post(self, request: Request, pk: int) -> Response:
        crime = crime_for(request, pk, purpose="Enquiry")
        data = _valid(EnquiryInputSerializer, request.data)
        enquiry = casework.enquiry_create(
            crime=crime,
            actor=_user(request),
            kind=data["kind"],
            details=data["details"],
            assigned_to=_username(data["assigned_to"], "assigned_to"),
            due_at=data["due_at"],
        )
        return Response(EnquirySerializer(enquiry).data, status=status.HTTP_201_CREATED)


class EnquiryUpdateApi(APIView):
    permission_classes = [CrimeStaff]

    @extend_schema(request=EnquiryUpdateInputSerializer, responses=EnquirySerializer)
    def patch(self, request: Request, pk: int) -> Response:
        enquiry = get_object_or_404(Enquiry, pk=pk)
        crime_for(request, enquiry.crime_id, purpose="Enquiry update")
        data = _valid(EnquiryUpdateInputSerializer, request.data)
        enquiry = casework.enquiry_update(
            enquiry=enquiry, actor=_user(request), status=data["status"], result=data["result"]
        )
        return Response(EnquirySerializer(enquiry).data)


class AppointmentListApi(APIView):
    """Appointments (?officer=username); restricted crimes' appointments only for those who may see them."""

    permission_classes = [CrimeStaff]

    @extend_schema(responses=AppointmentSerializer(many=True))
    def get(self, request: Request) -> Response:
        qs = Appointment.objects.select_related("officer", "crime").filter(
            crime__in=selectors.crime_visible(user=_user(request))
        )
        if officer := request.query_params.get("officer"):
            qs = qs.filter(officer__username=officer)
        return _paginated(self, request, qs.order_by("starts_at", "id"), AppointmentSerializer)


class CrimeAppointmentApi(APIView):
    permission_classes = [CrimeStaff]

    @extend_schema(request=AppointmentInputSerializer, responses=AppointmentSerializer)
    def post(self, request: Request, pk: int) -> Response:
        crime = crime_for(request, pk, purpose="Appointment")
        data = _valid(AppointmentInputSerializer, request.data)
        officer = _username(data["officer"], "officer")
        assert officer is not None  # noqa: S101 - the field is required
        victim = None
        if data["victim"] is not None:
            victim = CrimeVictim.objects.filter(pk=data["victim"], crime=crime).first()
            if victim is None:
                raise DomainError("That victim is not on this crime.", field="victim")
        appointment = casework.appointment_book(
            crime=crime,
            actor=_user(request),
            officer=officer,
            victim=victim,
            starts_at=data["starts_at"],
            ends_at=data["ends_at"],
            location=data["location"],
            notes=data["notes"],
        )
        return Response(AppointmentSerializer(appointment).data, status=status.HTTP_201_CREATED)


class ForceListApi(ListAPIView):
    """The force directory. GET: crime staff; POST: sergeants, managers, admins (audited)."""

    permission_classes = [CrimeStaff]
    serializer_class = ForceSerializer

    def get_queryset(self) -> QuerySet[Force]:
        return selectors.force_list()

    @extend_schema(request=ForceSerializer, responses=ForceSerializer)
    def post(self, request: Request) -> Response:
        if _user(request).role not in Role.SUPERVISORS:
            return Response({"detail": "Only sergeants maintain the force directory."}, status=403)
        data = _force_data(request.data)
        force = casework.force_save(actor=_user(request), **data)
        return Response(ForceSerializer(force).data, status=status.HTTP_201_CREATED)


class ForceDetailApi(APIView):
    permission_classes = [CrimeStaff]

    @extend_schema(responses=ForceSerializer)
    def get(self, request: Request, pk: int) -> Response:
        return Response(ForceSerializer(get_object_or_404(Force, pk=pk)).data)

    @extend_schema(request=ForceSerializer, responses=ForceSerializer)
    def patch(self, request: Request, pk: int) -> Response:
        if _user(request).role not in Role.SUPERVISORS:
            return Response({"detail": "Only sergeants maintain the force directory."}, status=403)
        force = get_object_or_404(Force, pk=pk)
        current = ForceSerializer(force).data
        raw = request.data.dict() if hasattr(request.data, "dict") else dict(request.data)
        merged = {**current, **raw}
        data = _force_data(merged, instance=force)
        force = casework.force_save(actor=_user(request), force=force, **data)
        return Response(ForceSerializer(force).data)


def _force_data(data: Any, instance: Force | None = None) -> dict[str, Any]:
    serializer = ForceSerializer(instance=instance, data=data)
    serializer.is_valid(raise_exception=True)
    values = dict(serializer.validated_data)
    reason = data.get("reason") if hasattr(data, "get") else None
    values["reason"] = reason or (
        "Force directory entry updated" if instance else "Force added to the directory"
    )
    return values


def _paginated(view: APIView, request: Request, qs: QuerySet[Any], serializer_class: type[Any]) -> Response:
    from rest_framework.pagination import PageNumberPagination

    paginator = PageNumberPagination()
    page = paginator.paginate_queryset(qs, request, view=view)
    if page is None:  # pragma: no cover - PAGE_SIZE is always set
        raise Http404
    return paginator.get_paginated_response(serializer_class(page, many=True).data)
