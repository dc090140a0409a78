"""Offence search: Home Office classes and offence codes by code, title, Act or category."""

from __future__ import annotations

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from recording import selectors
from recording.api.common import CrimeStaff
from recording.serializers.reference import OffenceChoiceSerializer

MAX_RESULTS = 200  # the whole table today is ~150 rows; bounds the answer as the file grows


class OffenceSearchApi(APIView):
    """Classes and offence codes matching `q` ("assault", "burglary", "8N", "125/9"); all when blank.
    `code` is what a recording decision takes as `alleged[].offence`. The decision form's picker."""

    permission_classes = [CrimeStaff]

    @extend_schema(
        parameters=[OpenApiParameter("q", str, description="Code, title, Act or category.")],
        responses=OffenceChoiceSerializer(many=True),
    )
    def get(self, request: Request) -> Response:
        choices = selectors.offence_search(request.query_params.get("q", ""), limit=MAX_RESULTS)
        return Response(OffenceChoiceSerializer(choices, many=True).data)
