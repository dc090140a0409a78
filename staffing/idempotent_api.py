"""The Idempotency-Key header for any create endpoint (contract Conventions), over
staffing.services.idempotency: the DRF side reads the header and turns a conflict into a 409."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter
from rest_framework import status
from rest_framework.request import Request
from rest_framework.response import Response

from staffing.services.idempotency import IdempotencyConflict, idempotency_run

HEADER = "Idempotency-Key"
IDEMPOTENCY_PARAMETER = OpenApiParameter(
    HEADER,
    OpenApiTypes.STR,
    OpenApiParameter.HEADER,
    required=False,
    description=(
        "Repeat the same request with the same key within 24 hours: nothing is created and the first "
        "answer is returned. The same key with a different body: 409."
    ),
)


def idempotent_response(request: Request, *, scope: str, create: Callable[[], Response]) -> Response:
    """`create()` once per caller and key; without the header, just `create()`."""
    key = request.headers.get(HEADER)
    if key is None:
        return create()

    def run() -> tuple[int, Any]:
        response = create()
        return response.status_code, response.data

    try:
        answer = idempotency_run(user=request.user, scope=scope, key=key, body=request.data, create=run)  # type: ignore[arg-type]
    except IdempotencyConflict as exc:
        return Response(exc.as_dict(), status=status.HTTP_409_CONFLICT)
    response = Response(answer.body, status=answer.status_code)
    if answer.replayed:
        response["Idempotent-Replayed"] = "true"
    return response
