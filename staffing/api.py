from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from django.db.models import Model, QuerySet
from django.http import StreamingHttpResponse
from django.utils import timezone
from django.utils.http import content_disposition_header
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import status
from rest_framework.exceptions import NotFound
from rest_framework.generics import ListAPIView
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from config.exceptions import DomainError
from config.permissions import Role, roles_allowed
from config.registry import mopi_review_items_for, subject_access_for
from staffing import selectors, services
from staffing.access_audit import AccessLogFilter, access_log_search, purpose_from
from staffing.filters import RuleFilter
from staffing.idempotent_api import idempotent
from staffing.models import AccessLog, RecordFile, Rule, Skill, Team, TrainingRecord
from staffing.records import RecordKind, record_kind
from staffing.serializers import (
    AccessLogOutputSerializer,
    AccessLogQuerySerializer,
    AllocationOutputSerializer,
    AssignInputSerializer,
    CoverageOutputSerializer,
    ItemInputSerializer,
    MeOutputSerializer,
    OnShiftOutputSerializer,
    ReassignInputSerializer,
    RecordFileInputSerializer,
    RecordFileListSerializer,
    RecordFileOutputSerializer,
    ReviewItemOutputSerializer,
    RuleOutputSerializer,
    ShiftOutputSerializer,
    SkillOutputSerializer,
    SubjectAccessOutputSerializer,
    SubjectAccessQuerySerializer,
    SuggestInputSerializer,
    SuggestionOutputSerializer,
    TeamOutputSerializer,
    TrainingInputSerializer,
    TrainingOutputSerializer,
    WorkloadOutputSerializer,
)
from staffing.services import files
from staffing.services.rota import LONDON


class MeApi(APIView):
    """Who the caller is: username, role and team."""

    permission_classes = [roles_allowed(*Role.ALL)]

    @extend_schema(responses=MeOutputSerializer)
    def get(self, request: Request) -> Response:
        return Response(MeOutputSerializer(request.user).data)  # type: ignore[arg-type]


class TeamListApi(ListAPIView):
    """Resolution Centre teams with their sergeant, capacity and current investigators."""

    permission_classes = [roles_allowed(*Role.SUPERVISORS)]
    serializer_class = TeamOutputSerializer

    def get_queryset(self) -> QuerySet[Team]:
        return selectors.team_list()


def _team_param(request: Request, code: str | None = None) -> Team | None:
    """The team asked for (?team=CODE), else the caller's own team, else None (every team)."""
    code = code if code is not None else request.query_params.get("team")
    user = request.user
    if code:
        team = Team.objects.select_related("sergeant").filter(code=code).first()
        if team is None:
            raise DomainError(f"Unknown team {code!r}.", field="team")
        return team
    return Team.objects.select_related("sergeant").get(pk=user.team_id) if user.team_id else None  # type: ignore[union-attr]


def _team_required(request: Request) -> Team:
    team = _team_param(request)
    if team is None:
        raise DomainError("Say which team (?team=CODE).", field="team")
    return team


def _item(request: Request, item_type: str, item_id: int) -> Model:
    """A registered kind of work (else 400 on item_type) that the caller may see (else 404, the same
    answer as for a missing item)."""
    return selectors.work_item_get(user=request.user, item_type=item_type, pk=item_id).item  # type: ignore[arg-type]


class SkillListApi(APIView):
    """The skill codes work can need and people can be trained in."""

    permission_classes = [roles_allowed(*Role.ALL)]

    @extend_schema(responses=SkillOutputSerializer(many=True))
    def get(self, request: Request) -> Response:
        data = [{"code": code, "label": str(label)} for code, label in Skill.choices]
        return Response(SkillOutputSerializer(data, many=True).data)


class TrainingApi(ListAPIView):
    """GET: training records of a team (?team=CODE, default your own; ?expiring=true for the next 30
    days). POST: record training (sergeant, manager, admin)."""

    permission_classes = [roles_allowed(*Role.SUPERVISORS)]
    serializer_class = TrainingOutputSerializer

    def get_queryset(self) -> QuerySet[TrainingRecord]:
        if getattr(self, "swagger_fake_view", False):  # schema generation: no caller
            return TrainingRecord.objects.none()
        team = _team_param(self.request)
        if self.request.query_params.get("expiring") in ("1", "true"):
            return selectors.training_expiring(team)
        return selectors.training_for_team(team)

    @extend_schema(request=TrainingInputSerializer, responses={201: TrainingOutputSerializer})
    @idempotent("staffing.training.record")
    def post(self, request: Request) -> Response:
        data = TrainingInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        record = services.training_record_add(actor=request.user, **data.validated_data)  # type: ignore[arg-type]
        return Response(TrainingOutputSerializer(record).data, status=status.HTTP_201_CREATED)


class RotaApi(APIView):
    """A team's shifts with the people on each: ?team=CODE&from=YYYY-MM-DD&days=7 (at most 31)."""

    permission_classes = [roles_allowed(*Role.SUPERVISORS)]

    @extend_schema(
        parameters=[
            OpenApiParameter("team", str),
            OpenApiParameter("from", OpenApiTypes.DATE),
            OpenApiParameter("days", int),
        ],
        responses=ShiftOutputSerializer(many=True),
    )
    def get(self, request: Request) -> Response:
        team = _team_required(request)
        try:
            first = (
                date.fromisoformat(request.query_params["from"]) if "from" in request.query_params else None
            )
        except ValueError as exc:
            raise DomainError("Use a date like 2026-03-02.", field="from") from exc
        try:
            days = int(request.query_params.get("days", "7"))
        except ValueError as exc:
            raise DomainError("Give a whole number of days.", field="days") from exc
        if not 1 <= days <= 31:
            raise DomainError("Between 1 and 31 days.", field="days")
        day = first or timezone.localdate()
        start = datetime.combine(day, datetime.min.time(), tzinfo=LONDON)
        shifts = selectors.rota_range(team, start, start + timedelta(days=days))
        return Response(ShiftOutputSerializer(shifts, many=True).data)


class OnShiftApi(APIView):
    """Who is on shift now in a team and who is on the next shift."""

    permission_classes = [roles_allowed(*Role.SUPERVISORS)]

    @extend_schema(parameters=[OpenApiParameter("team", str)], responses=OnShiftOutputSerializer)
    def get(self, request: Request) -> Response:
        team = _team_required(request)
        now, nxt = selectors.now_and_next(team)
        return Response(OnShiftOutputSerializer({"team": team.code, "now": now, "next": nxt}).data)


class CoverageApi(APIView):
    """Each work area's minimum of trained people against the shift now and the next shift."""

    permission_classes = [roles_allowed(*Role.SUPERVISORS)]

    @extend_schema(parameters=[OpenApiParameter("team", str)], responses=CoverageOutputSerializer)
    def get(self, request: Request) -> Response:
        team = _team_required(request)
        now, nxt = selectors.coverage(team)
        return Response(CoverageOutputSerializer({"team": team.code, "now": now, "next": nxt}).data)


class AllocationSuggestApi(APIView):
    """Who should take a piece of work needing ?skill= (and ?weight=) in ?team=, and why; with
    ?item_type=&item_id=, for that item (its kind's roles only, less those barred from it)."""

    permission_classes = [roles_allowed(*Role.SUPERVISORS)]

    @extend_schema(parameters=[SuggestInputSerializer], responses=SuggestionOutputSerializer)
    def get(self, request: Request) -> Response:
        data = SuggestInputSerializer(data=request.query_params)
        data.is_valid(raise_exception=True)
        v = data.validated_data
        team = _team_param(request, v.get("team", ""))
        item = _item(request, v["item_type"], v["item_id"]) if "item_type" in v else None
        suggestion = services.allocation_suggest(skill=v["skill"], team=team, weight=v["weight"], item=item)
        return Response(SuggestionOutputSerializer(suggestion).data)


class AllocationAssignApi(APIView):
    """Allocate a work item: no assignee accepts the suggestion; a named one must be eligible unless a
    sergeant gives a reason. 400 when the item already has an open allocation."""

    permission_classes = [roles_allowed(*Role.SUPERVISORS)]

    @extend_schema(request=AssignInputSerializer, responses={201: AllocationOutputSerializer})
    @idempotent("staffing.allocations.assign")
    def post(self, request: Request) -> Response:
        data = AssignInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        v = data.validated_data
        allocation = services.allocation_assign(
            item=_item(request, v["item_type"], v["item_id"]),
            skill=v["skill"],
            weight=v["weight"],
            assignee=v["assignee"],
            actor=request.user,  # type: ignore[arg-type]
            reason=v["reason"],
            team=_team_param(request, v.get("team", "")),
        )
        return Response(AllocationOutputSerializer(allocation).data, status=status.HTTP_201_CREATED)


class AllocationReassignApi(APIView):
    """Move an item's open allocation to someone else (no assignee: the suggestion)."""

    permission_classes = [roles_allowed(*Role.SUPERVISORS)]

    @extend_schema(request=ReassignInputSerializer, responses={201: AllocationOutputSerializer})
    @idempotent("staffing.allocations.reassign")
    def post(self, request: Request) -> Response:
        data = ReassignInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        v = data.validated_data
        allocation = services.allocation_reassign(
            item=_item(request, v["item_type"], v["item_id"]),
            assignee=v["assignee"],
            actor=request.user,  # type: ignore[arg-type]
            reason=v["reason"],
        )
        return Response(AllocationOutputSerializer(allocation).data, status=status.HTTP_201_CREATED)


class AllocationCompleteApi(APIView):
    """Mark an item's open allocation done (its assignee, or a supervisor)."""

    permission_classes = [roles_allowed(*Role.ALL)]

    @extend_schema(request=ItemInputSerializer, responses=AllocationOutputSerializer)
    def post(self, request: Request) -> Response:
        data = ItemInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        item = _item(request, data.validated_data["item_type"], data.validated_data["item_id"])
        allocation = services.allocation_complete(item=item, actor=request.user)  # type: ignore[arg-type]
        return Response(AllocationOutputSerializer(allocation).data)


class WorkloadApi(APIView):
    """Open work per person in a team (?team=CODE, default your own; managers without a team: all)."""

    permission_classes = [roles_allowed(*Role.SUPERVISORS)]

    @extend_schema(parameters=[OpenApiParameter("team", str)], responses=WorkloadOutputSerializer(many=True))
    def get(self, request: Request) -> Response:
        rows = selectors.workload_by_person(_team_param(request))
        return Response(WorkloadOutputSerializer(rows, many=True).data)


class AccessLogApi(ListAPIView):
    """The auditor's report of the access log (views of restricted records: who, when, what, purpose),
    newest first; filter by record type/id, user and date range (Europe/London days). Managers and
    admins."""

    permission_classes = [roles_allowed(Role.MANAGER, Role.ADMIN)]
    serializer_class = AccessLogOutputSerializer

    @extend_schema(parameters=[AccessLogQuerySerializer])
    def get(self, request: Request, *args: object, **kwargs: object) -> Response:
        return super().get(request, *args, **kwargs)

    def get_queryset(self) -> QuerySet[AccessLog]:
        query = AccessLogQuerySerializer(data=self.request.query_params)
        query.is_valid(raise_exception=True)
        d = query.validated_data
        return access_log_search(
            AccessLogFilter(
                record_type=d.get("record_type", ""),
                record_id=d.get("record_id", ""),
                username=d.get("user", ""),
                date_from=d.get("date_from"),
                date_to=d.get("date_to"),
            )
        )


class MopiReviewApi(APIView):
    """Records across Resolve (crimes, complaint cases) whose MoPI retention review date has come."""

    permission_classes = [roles_allowed(Role.MANAGER, Role.ADMIN)]

    @extend_schema(responses=ReviewItemOutputSerializer(many=True))
    def get(self, request: Request) -> Response:
        items = mopi_review_items_for(request.user, timezone.localdate())
        return Response(ReviewItemOutputSerializer(items, many=True).data)


class SubjectAccessApi(APIView):
    """Everything held about a named person across crimes and complaint cases (subject access);
    each export is logged in the access log with the purpose given."""

    permission_classes = [roles_allowed(Role.MANAGER, Role.ADMIN)]

    @extend_schema(parameters=[SubjectAccessQuerySerializer], responses=SubjectAccessOutputSerializer)
    def get(self, request: Request) -> Response:
        query = SubjectAccessQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        name = query.validated_data["name"]
        records = subject_access_for(name, request.user)
        services.access_log_record(
            user=request.user,
            record_type="subject_access",
            record_id=name[:60],
            label=name,
            action="export",
            purpose=query.validated_data["purpose"] or "Subject access request (API)",
            path=request.path,
        )
        return Response({"name": name, "records": records})


# ---------------------------------------------------------------- the rule catalogue (issue 16 part 5)


class RuleListApi(ListAPIView):
    """Every rule Resolve cites (R-… crime recording, C-… complaints) with its words, sources and
    verification, in catalogue order, paginated. Filter with `?domain=crime|complaints`,
    `?verified=true|false`, `?q=` (ID or words). Any signed-in role."""

    permission_classes = [roles_allowed(*Role.ALL)]
    serializer_class = RuleOutputSerializer
    filterset_class = RuleFilter

    def get_queryset(self) -> QuerySet[Rule]:
        return selectors.rule_list()


class RuleDetailApi(APIView):
    """One rule by its ID (`/api/v1/rules/R-NCRS-24H/`); 404 when the catalogue has no such rule."""

    permission_classes = [roles_allowed(*Role.ALL)]

    @extend_schema(responses=RuleOutputSerializer)
    def get(self, request: Request, code: str) -> Response:
        try:
            rule = selectors.rule_get(code=code)
        except Rule.DoesNotExist as exc:
            raise NotFound(f"No rule {code} in the catalogue.") from exc
        return Response(RuleOutputSerializer(rule).data)


# ---------------------------------------------------------------- files on records (issue 22 part 6)
def record_files_api(key: str, roles: tuple[str, ...]) -> tuple[Any, Any]:
    """The two views of a record kind's files (contract: Files on crimes and complaint cases), routed by
    the app that owns the kind: `.../{id}/files/` (GET lists, POST uploads) and `.../{id}/files/{file_id}/`
    (GET downloads). Every call opens the record through staffing.records: a record the caller may not
    see is a 404 for its files too, and the access is logged (a download always)."""

    def _open(request: Request, pk: int, action: str) -> tuple[RecordKind, Any]:
        kind = record_kind(key)
        record = kind.open(
            user=request.user,
            pk=pk,
            purpose=purpose_from(request, f"{kind.label} files (API)"),
            path=request.path,
            action=action,
        )
        return kind, record

    class RecordFilesApi(APIView):
        __doc__ = f"The files on a {key.replace('_', ' ')}: list them (GET), or upload one (POST, multipart)."
        permission_classes = [roles_allowed(*roles)]
        parser_classes = [MultiPartParser, FormParser]

        @extend_schema(responses=RecordFileListSerializer(many=True))
        def get(self, request: Request, pk: int) -> Response:
            kind, record = _open(request, pk, "view")
            rows = selectors.record_files(key=kind.key, record_id=kind.record_id(record))
            context = {"review_on": kind.review_on(record)}
            return Response(RecordFileListSerializer(rows, many=True, context=context).data)

        @extend_schema(
            request={"multipart/form-data": RecordFileInputSerializer},
            responses={201: RecordFileOutputSerializer},
        )
        @idempotent(f"{key}.file")
        def post(self, request: Request, pk: int) -> Response:
            body = RecordFileInputSerializer(data=request.data)
            body.is_valid(raise_exception=True)
            kind, record = _open(request, pk, "upload")
            row = files.record_file_upload(
                kind=kind,
                record=record,
                actor=request.user,  # type: ignore[arg-type]
                upload=body.validated_data.get("file"),
                description=body.validated_data["description"],
            )
            return Response(RecordFileOutputSerializer(row).data, status=status.HTTP_201_CREATED)

    class RecordFileDownloadApi(APIView):
        __doc__ = (
            f"One file of a {key.replace('_', ' ')}, as stored (the download is written to the access log)."
        )
        permission_classes = [roles_allowed(*roles)]

        @extend_schema(responses={(200, "application/octet-stream"): OpenApiTypes.BINARY})
        def get(self, request: Request, pk: int, file_id: int) -> StreamingHttpResponse:
            kind, record = _open(request, pk, "download")
            row = selectors.record_file_get(key=kind.key, record_id=kind.record_id(record), file_id=file_id)
            return record_file_response(row)

    RecordFilesApi.__name__ = RecordFilesApi.__qualname__ = f"{key.title().replace('_', '')}FilesApi"
    RecordFileDownloadApi.__name__ = RecordFileDownloadApi.__qualname__ = (
        f"{key.title().replace('_', '')}FileDownloadApi"
    )
    return RecordFilesApi, RecordFileDownloadApi


def record_file_response(row: RecordFile) -> StreamingHttpResponse:
    """A stored file as a download: streamed, never shown inline (the browser never runs it)."""
    response = StreamingHttpResponse(files.record_file_chunks(row), content_type=row.content_type)
    response["Content-Length"] = str(row.size)
    response["Content-Disposition"] = content_disposition_header(as_attachment=True, filename=row.name)
    return response
