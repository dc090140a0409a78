"""Reclassification, cancellation, transfers, outcomes, victim updates, enquiries and appointments."""

from __future__ import annotations

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.pagination import PageNumberPagination
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from config.exceptions import DomainError
from config.permissions import Role, roles_allowed
from recording import selectors
from recording.api.common import (
    CrimeStaff,
    Supervisors,
    active_user,
    crime_for,
    paginated,
    request_user,
    validated,
)
from recording.models import (
    Appointment,
    CancellationRequest,
    ClassificationChange,
    CrimeVictim,
    Enquiry,
)
from recording.serializers.casework import (
    AppointmentInputSerializer,
    AppointmentSerializer,
    CancellationInputSerializer,
    CancellationSerializer,
    ClassificationChangeSerializer,
    DecisionInputSerializer,
    EnquiryInputSerializer,
    EnquirySerializer,
    EnquiryUpdateInputSerializer,
    OutcomeInputSerializer,
    ReclassifyInputSerializer,
    TransferDecisionInputSerializer,
    TransferInInputSerializer,
    TransferOutInputSerializer,
    TransferSerializer,
    VictimUpdateInputSerializer,
    VictimUpdateSerializer,
)
from recording.serializers.crimes import CrimeDetailSerializer
from recording.services import (
    cancellation,
    contact,
    outcomes,
    reclassification,
    transfers,
)
from staffing.api.idempotent import idempotent


class ReclassificationApi(APIView):
    """GET: reclassification requests (?status=); for sergeants' review. In the risk order of the crime,
    weighing the more serious of its offence and the one proposed, then the oldest (as the list page)."""

    permission_classes = [CrimeStaff]
    pagination_class = PageNumberPagination  # so the schema shows the paged envelope it answers

    @extend_schema(responses=ClassificationChangeSerializer(many=True))
    def get(self, request: Request) -> Response:
        qs = selectors.reclassification_list(
            user=request_user(request), status=request.query_params.get("status", "")
        )
        return paginated(self, request, qs, ClassificationChangeSerializer)


class CrimeReclassifyApi(APIView):
    permission_classes = [roles_allowed(Role.INVESTIGATOR, Role.RECORDER, *Role.SUPERVISORS)]

    @extend_schema(request=ReclassifyInputSerializer, responses=ClassificationChangeSerializer)
    @idempotent("recording.reclassifications.propose")
    def post(self, request: Request, pk: int) -> Response:
        crime = crime_for(request, pk, purpose="Reclassification")
        data = validated(ReclassifyInputSerializer, request.data)
        change = reclassification.reclassification_propose(
            crime=crime, actor=request_user(request), offence_code=data["offence"], reason=data["reason"]
        )
        return Response(ClassificationChangeSerializer(change).data, status=status.HTTP_201_CREATED)


class ReclassificationDecisionApi(APIView):
    permission_classes = [Supervisors]

    @extend_schema(request=DecisionInputSerializer, responses=ClassificationChangeSerializer)
    def post(self, request: Request, pk: int) -> Response:
        change = get_object_or_404(ClassificationChange, pk=pk)
        crime_for(request, change.crime_id, purpose="Reclassification decision")
        data = validated(DecisionInputSerializer, request.data)
        change = reclassification.reclassification_decide(
            change=change, actor=request_user(request), approve=data["approve"], note=data["note"]
        )
        return Response(ClassificationChangeSerializer(change).data)


class CancellationListApi(APIView):
    """GET: cancellation requests (?status=), in the risk order of the crime, then the oldest (as the
    list page and the DDM's home queue)."""

    permission_classes = [CrimeStaff]
    pagination_class = PageNumberPagination  # so the schema shows the paged envelope it answers

    @extend_schema(responses=CancellationSerializer(many=True))
    def get(self, request: Request) -> Response:
        qs = selectors.cancellation_list(
            user=request_user(request), status=request.query_params.get("status", "")
        )
        return paginated(self, request, qs, CancellationSerializer)


class CrimeCancellationApi(APIView):
    permission_classes = [CrimeStaff]

    @extend_schema(request=CancellationInputSerializer, responses=CancellationSerializer)
    @idempotent("recording.cancellations.request")
    def post(self, request: Request, pk: int) -> Response:
        crime = crime_for(request, pk, purpose="Cancellation request")
        data = validated(CancellationInputSerializer, request.data)
        req = cancellation.cancellation_request(
            crime=crime,
            actor=request_user(request),
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
        data = validated(DecisionInputSerializer, request.data)
        req = cancellation.cancellation_decide(
            request=req,
            actor=request_user(request),
            approve=data["approve"],
            note=data["note"],
            victim_informed=data["victim_informed"],
        )
        return Response(CancellationSerializer(req).data)


class TransferListApi(APIView):
    """GET: transfers between forces (?status=, ?direction=), in the risk order of the crime (an incoming
    one not yet accepted: the offence the sending force gave), then the oldest (as the list page)."""

    permission_classes = [CrimeStaff]
    pagination_class = PageNumberPagination  # so the schema shows the paged envelope it answers

    @extend_schema(responses=TransferSerializer(many=True))
    def get(self, request: Request) -> Response:
        qs = selectors.transfer_list(
            user=request_user(request),
            status=request.query_params.get("status", ""),
            direction=request.query_params.get("direction", ""),
        )
        return paginated(self, request, qs, TransferSerializer)


class TransferInApi(APIView):
    """Register an incoming transfer from another force (R-TRANSFER-PROTOCOL)."""

    permission_classes = [Supervisors]

    @extend_schema(request=TransferInInputSerializer, responses=TransferSerializer)
    @idempotent("recording.transfers.incoming")
    def post(self, request: Request) -> Response:
        data = validated(TransferInInputSerializer, request.data)
        transfer = transfers.transfer_in_register(
            actor=request_user(request),
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
    @idempotent("recording.transfers.outgoing")
    def post(self, request: Request, pk: int) -> Response:
        crime = crime_for(request, pk, purpose="Transfer request")
        data = validated(TransferOutInputSerializer, request.data)
        transfer = transfers.transfer_out_request(
            crime=crime, actor=request_user(request), force_code=data["force"], reason=data["reason"]
        )
        return Response(TransferSerializer(transfer).data, status=status.HTTP_201_CREATED)


class TransferDecisionApi(APIView):
    permission_classes = [Supervisors]

    @extend_schema(request=TransferDecisionInputSerializer, responses=TransferSerializer)
    def post(self, request: Request, pk: int) -> Response:
        transfer = get_object_or_404(selectors.transfer_visible(user=request_user(request)), pk=pk)
        if transfer.crime_id:
            crime_for(request, transfer.crime_id, purpose="Transfer decision")
        data = validated(TransferDecisionInputSerializer, request.data)
        transfer = transfers.transfer_decide(
            transfer=transfer,
            actor=request_user(request),
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
        data = validated(OutcomeInputSerializer, request.data)
        outcomes.crime_finalise(
            crime=crime, actor=request_user(request), outcome_code=data["outcome"], reason=data["reason"]
        )
        return Response(CrimeDetailSerializer(selectors.crime_get(user=request_user(request), pk=pk)).data)


class CrimeVictimUpdateApi(APIView):
    permission_classes = [CrimeStaff]

    @extend_schema(responses=VictimUpdateSerializer(many=True))
    def get(self, request: Request, pk: int) -> Response:
        crime = crime_for(request, pk)
        return Response(VictimUpdateSerializer(crime.victim_updates.all(), many=True).data)

    @extend_schema(request=VictimUpdateInputSerializer, responses=VictimUpdateSerializer)
    @idempotent("recording.victim_updates.create")
    def post(self, request: Request, pk: int) -> Response:
        crime = crime_for(request, pk, purpose="Victim update")
        data = validated(VictimUpdateInputSerializer, request.data)
        victim = None
        if data["victim"] is not None:
            victim = CrimeVictim.objects.filter(pk=data["victim"], crime=crime).first()
            if victim is None:
                raise DomainError("That victim is not on this crime.", field="victim")
        update = contact.victim_update_record(
            crime=crime,
            actor=request_user(request),
            victim=victim,
            contacted_at=data["contacted_at"],
            method=data["method"],
            summary=data["summary"],
        )
        return Response(VictimUpdateSerializer(update).data, status=status.HTTP_201_CREATED)


class CrimeEnquiryApi(APIView):
    permission_classes = [CrimeStaff]

    @extend_schema(request=EnquiryInputSerializer, responses=EnquirySerializer)
    @idempotent("recording.enquiries.create")
    def post(self, request: Request, pk: int) -> Response:
        crime = crime_for(request, pk, purpose="Enquiry")
        data = validated(EnquiryInputSerializer, request.data)
        enquiry = contact.enquiry_create(
            crime=crime,
            actor=request_user(request),
            kind=data["kind"],
            details=data["details"],
            assigned_to=active_user(data["assigned_to"], "assigned_to"),
            due_at=data["due_at"],
        )
        return Response(EnquirySerializer(enquiry).data, status=status.HTTP_201_CREATED)


class EnquiryUpdateApi(APIView):
    permission_classes = [CrimeStaff]

    @extend_schema(request=EnquiryUpdateInputSerializer, responses=EnquirySerializer)
    def patch(self, request: Request, pk: int) -> Response:
        enquiry = get_object_or_404(Enquiry, pk=pk)
        crime_for(request, enquiry.crime_id, purpose="Enquiry update")
        data = validated(EnquiryUpdateInputSerializer, request.data)
        enquiry = contact.enquiry_update(
            enquiry=enquiry, actor=request_user(request), status=data["status"], result=data["result"]
        )
        return Response(EnquirySerializer(enquiry).data)


class AppointmentListApi(APIView):
    """Appointments (?officer=username); restricted crimes' appointments only for those who may see them."""

    permission_classes = [CrimeStaff]
    pagination_class = PageNumberPagination  # so the schema shows the paged envelope it answers

    @extend_schema(responses=AppointmentSerializer(many=True))
    def get(self, request: Request) -> Response:
        qs = Appointment.objects.select_related("officer", "crime").filter(
            crime__in=selectors.crime_visible(user=request_user(request))
        )
        if officer := request.query_params.get("officer"):
            qs = qs.filter(officer__username=officer)
        return paginated(self, request, qs.order_by("starts_at", "id"), AppointmentSerializer)


class CrimeAppointmentApi(APIView):
    permission_classes = [CrimeStaff]

    @extend_schema(request=AppointmentInputSerializer, responses=AppointmentSerializer)
    @idempotent("recording.appointments.create")
    def post(self, request: Request, pk: int) -> Response:
        crime = crime_for(request, pk, purpose="Appointment")
        data = validated(AppointmentInputSerializer, request.data)
        officer = active_user(data["officer"], "officer")
        assert officer is not None  # noqa: S101 - the field is required
        victim = None
        if data["victim"] is not None:
            victim = CrimeVictim.objects.filter(pk=data["victim"], crime=crime).first()
            if victim is None:
                raise DomainError("That victim is not on this crime.", field="victim")
        appointment = contact.appointment_book(
            crime=crime,
            actor=request_user(request),
            officer=officer,
            victim=victim,
            starts_at=data["starts_at"],
            ends_at=data["ends_at"],
            location=data["location"],
            notes=data["notes"],
        )
        return Response(AppointmentSerializer(appointment).data, status=status.HTTP_201_CREATED)
