"""Letter templates (issue 22 part 1; contract: Letter templates): list, create, new
versions and previews."""

from __future__ import annotations

from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.generics import ListAPIView
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from config.permissions import roles_allowed
from staffing.api.idempotent import idempotent
from staffing.api.letters import request_user
from staffing.models import LetterTemplate
from staffing.permissions import LETTER_WRITERS, TEMPLATE_READERS, TEMPLATE_WRITERS
from staffing.selectors import letters as selectors
from staffing.serializers.letters import (
    PreviewIn,
    PreviewOut,
    TemplateDetailOut,
    TemplateIn,
    TemplateOut,
    TemplateVersionIn,
)
from staffing.services import letters as services


class TemplateListApi(ListAPIView):
    """GET: letter and e-mail templates with their current version (advisor, manager, admin).
    POST: a new template (manager, admin); a placeholder that does not exist is a 400 naming `body`."""

    permission_classes = [roles_allowed(*TEMPLATE_READERS, write=TEMPLATE_WRITERS)]
    serializer_class = TemplateOut

    def get_queryset(self) -> QuerySet[LetterTemplate]:
        return selectors.letter_template_list(record_type=self.request.query_params.get("record_type", ""))

    @extend_schema(request=TemplateIn, responses={201: TemplateOut})
    @idempotent("letters.template.create")
    def post(self, request: Request) -> Response:
        data = TemplateIn(data=request.data)
        data.is_valid(raise_exception=True)
        template = services.letter_template_create(actor=request_user(request), **data.validated_data)
        out = selectors.letter_template_list().get(pk=template.pk)
        return Response(TemplateOut(out).data, status=status.HTTP_201_CREATED)


class TemplateDetailApi(APIView):
    """GET: one template with every version. POST: save a new version (manager, admin)."""

    permission_classes = [roles_allowed(*TEMPLATE_READERS, write=TEMPLATE_WRITERS)]

    def _get(self, template_id: int) -> LetterTemplate:
        from django.http import Http404

        template = selectors.letter_template_get(template_id=template_id)
        if template is None:
            raise Http404("No such template.")
        return template

    @extend_schema(responses=TemplateDetailOut)
    def get(self, request: Request, template_id: int) -> Response:
        return Response(TemplateDetailOut(self._get(template_id)).data)

    @extend_schema(
        request=TemplateVersionIn,
        responses={201: TemplateDetailOut},
        operation_id="letters_templates_version_create",
    )
    @idempotent("letters.template.version")
    def post(self, request: Request, template_id: int) -> Response:
        self._get(template_id)
        data = TemplateVersionIn(data=request.data)
        data.is_valid(raise_exception=True)
        services.letter_template_update(
            template_id=template_id, actor=request_user(request), **data.validated_data
        )
        return Response(TemplateDetailOut(self._get(template_id)).data, status=status.HTTP_201_CREATED)


class TemplatePreviewApi(APIView):
    """POST: a template's text rendered against a real record (stores nothing; the record's view is
    logged). Problems (unknown placeholders, template code) are listed, not raised."""

    permission_classes = [roles_allowed(*LETTER_WRITERS)]

    @extend_schema(request=PreviewIn, responses=PreviewOut)
    def post(self, request: Request) -> Response:
        data = PreviewIn(data=request.data)
        data.is_valid(raise_exception=True)
        preview = services.letter_template_preview(
            user=request_user(request), path=request.path, **data.validated_data
        )
        return Response(PreviewOut(preview).data)
