"""The Idempotency-Key header for any create endpoint (contract Conventions), over
staffing.services.idempotency: the DRF side reads the header and turns a conflict into a 409."""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Callable
from typing import Any

from django.db import transaction
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
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
    """`create()` once per caller and key; without the header, just `create()`.

    Either way the answer is built inside the transaction that stores the record: once the record has
    committed, nothing is left that reads or writes the database, so the request cannot answer an error
    (a 503 on a dropped connection, say) for work that was done, and a client retrying without a key
    does not record it twice."""
    key = request.headers.get(HEADER)
    if key is None:
        with transaction.atomic():
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


def idempotent(scope: str) -> Callable[[Callable[..., Response]], Callable[..., Response]]:
    """A create view's `post` made idempotent: a retry with the same Idempotency-Key (and the same body,
    on the same record named in the URL) within 24 hours creates nothing and returns the first answer.
    Documents the header in the schema."""

    def wrap(post: Callable[..., Response]) -> Callable[..., Response]:
        @functools.wraps(post)
        def inner(view: Any, request: Request, *args: Any, **kwargs: Any) -> Response:
            # The record in the URL is part of the scope: one key on two crimes is two requests. It is
            # kept as a digest so the scope fits its column whatever the ids (two long ids overflowed
            # it: a 500 where the caller should get the record's own answer).
            where = ",".join(f"{k}={v}" for k, v in sorted(kwargs.items()))
            digest = hashlib.sha256(where.encode()).hexdigest()[:20]
            return idempotent_response(
                request,
                scope=f"{scope}:{digest}" if where else scope,
                create=lambda: post(view, request, *args, **kwargs),
            )

        return extend_schema(parameters=[IDEMPOTENCY_PARAMETER])(inner)

    return wrap
