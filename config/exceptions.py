"""The one domain error type and the API exception handler that maps it (and Django's
ValidationError) to a 400 in DRF's own shape: {field: [message]}, or non_field_errors."""

from __future__ import annotations

import logging
from typing import Any

import psycopg2
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import DatabaseError, InterfaceError, OperationalError
from rest_framework import status
from rest_framework.response import Response
from rest_framework.views import exception_handler

logger = logging.getLogger(__name__)

NON_FIELD = "non_field_errors"


class DomainError(Exception):
    """A rule of the domain refused the operation. `field` names the input to blame, if any."""

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field

    def as_dict(self) -> dict[str, list[str]]:
        return {self.field or NON_FIELD: [self.message]}


def django_validation_error_as_dict(exc: DjangoValidationError) -> dict[str, list[str]]:
    if hasattr(exc, "error_dict"):
        return {
            (NON_FIELD if key == "__all__" else key): [str(m) for m in messages]
            for key, messages in exc.message_dict.items()
        }
    return {NON_FIELD: [str(m) for m in exc.messages]}


def is_database_unavailable(exc: BaseException) -> bool:
    """True when `exc` means PostgreSQL could not be reached or dropped the connection (a restart, a
    failover), as opposed to a bug or bad data: the request can simply be retried shortly."""
    # Raw driver errors count too: COPY runs on the driver's own cursor, which Django does not wrap.
    unavailable = (OperationalError, InterfaceError, psycopg2.OperationalError, psycopg2.InterfaceError)
    return isinstance(exc, unavailable) or type(exc) is DatabaseError


DATABASE_RETRY_AFTER_SECONDS = 5
DATABASE_UNAVAILABLE_API_MESSAGE = "The database is temporarily unavailable. Please retry shortly."


def api_exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    if isinstance(exc, DomainError):
        return Response(exc.as_dict(), status=status.HTTP_400_BAD_REQUEST)
    if isinstance(exc, DjangoValidationError):
        return Response(django_validation_error_as_dict(exc), status=status.HTTP_400_BAD_REQUEST)
    if is_database_unavailable(exc):
        # The database is away (restart, failover): fail cleanly and let the client retry.
        logger.warning("database unavailable: %s", exc)
        return Response(
            {"detail": DATABASE_UNAVAILABLE_API_MESSAGE},
            status=status.HTTP_503_SERVICE_UNAVAILABLE,
            headers={"Retry-After": str(DATABASE_RETRY_AFTER_SECONDS)},
        )
    return exception_handler(exc, context)
