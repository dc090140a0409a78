"""Files on records (issue 22 part 6): the views each record kind's app routes, and the
download response the pages share."""

from __future__ import annotations

from typing import Any

from django.http import StreamingHttpResponse
from django.utils.http import content_disposition_header
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from config.permissions import roles_allowed
from staffing import selectors
from staffing.access_audit import purpose_from
from staffing.api.idempotent import idempotent
from staffing.models import RecordFile
from staffing.records import RecordKind, record_kind
from staffing.serializers.records import (
    RecordFileInputSerializer,
    RecordFileListSerializer,
    RecordFileOutputSerializer,
)
from staffing.services import files


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
