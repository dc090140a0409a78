"""Cross-cutting request handling: idle sign-out for shared terminals, and a clean 503 page when the
database is away."""

from __future__ import annotations

import logging
import sys
import time
from collections.abc import Callable

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.sessions.middleware import SessionMiddleware as DjangoSessionMiddleware
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent
from django.db import DatabaseError
from django.http import HttpRequest, HttpResponse, HttpResponseBase, JsonResponse
from django.template.loader import render_to_string

from config.exceptions import is_database_unavailable
from config.faults import database_unavailable_response

logger = logging.getLogger(__name__)

LAST_ACTIVITY_KEY = "resolve_last_activity"
# Requests a page makes by itself (htmx polling: hx-headers='{"X-Resolve-Background": "1"}') do not count
# as activity, or a terminal left on an auto-refreshing page would never be signed out.
BACKGROUND_HEADER = "X-Resolve-Background"
# Write the timestamp at most this often, so an active user does not cost a session write per request.
TOUCH_EVERY_SECONDS = 30


def stamp_activity_on_login(sender: object, request: HttpRequest, **kwargs: object) -> None:
    """Connected to `user_logged_in` (staffing.apps): a new session starts with its activity stamp, so
    the first page after sign-in costs no extra session write."""
    if hasattr(request, "session"):
        request.session[LAST_ACTIVITY_KEY] = int(time.time())


class IdleTimeoutMiddleware:
    """Sign a browser session out after RESOLVE_IDLE_TIMEOUT_MINUTES without a request. The next page
    then sends the person to the sign-in page with a message saying why. Token (API) clients have no
    session and are not affected; background polls (BACKGROUND_HEADER) do not count as activity."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if request.user.is_authenticated:
            now = int(time.time())
            timeout = settings.RESOLVE_IDLE_TIMEOUT_MINUTES * 60
            last = request.session.get(LAST_ACTIVITY_KEY)
            if isinstance(last, int) and now - last > timeout:
                logger.info("signed out user %s after %s idle minutes", request.user.pk, (now - last) // 60)
                logout(request)
                messages.info(
                    request,
                    f"You were signed out after {settings.RESOLVE_IDLE_TIMEOUT_MINUTES} minutes without "
                    "activity. Sign in again to carry on.",
                )
            elif request.headers.get(BACKGROUND_HEADER) == "1":
                pass  # a page polling by itself is not a person at the keyboard
            elif not isinstance(last, int) or now - last >= TOUCH_EVERY_SECONDS:
                request.session[LAST_ACTIVITY_KEY] = now
        return self.get_response(request)


class SessionMiddleware(DjangoSessionMiddleware):
    """Django's, except that failing to save the session cannot fail a response whose work is done.

    The session is written after the view (the idle-timeout stamp, a message that overflowed its
    cookie): if the database drops between the view's commit and that write, the record stands and the
    person must see that it does (a 503 would invite a second submission). The lost write costs at most
    an activity stamp or a message; it is logged."""

    def process_response(self, request: HttpRequest, response: HttpResponse) -> HttpResponse:
        try:
            return super().process_response(request, response)
        except DatabaseError as exc:
            logger.warning("session not saved after %s %s: %s", request.method, request.path, exc)
            return response


DATABASE_UNAVAILABLE_FLAG = "resolve_database_unavailable"


def note_database_unavailable(sender: object, request: HttpRequest | None = None, **kwargs: object) -> None:
    """Connected to `got_request_exception` (staffing.apps): Django sends it from inside
    its exception handling, so the exception is the one being handled. A database outage found anywhere
    (a middleware loading the session or the user, the view, a response hook) marks the request, and
    DatabaseOutagePageMiddleware turns its 500 into the 503 page, with DEBUG on as well as off."""
    exc = sys.exception()
    if request is not None and exc is not None and is_database_unavailable(exc):
        setattr(request, DATABASE_UNAVAILABLE_FLAG, True)


class DatabaseOutagePageMiddleware:
    """Outermost but one: a request marked by note_database_unavailable answers the 503 page instead of
    a 500 (with DEBUG on, as `make demo` runs, instead of a traceback page)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        response = self.get_response(request)
        if response.status_code == 500 and getattr(request, DATABASE_UNAVAILABLE_FLAG, False):
            return database_unavailable_response(request)
        return response


class DatabaseUnavailableMiddleware:
    """A page whose view finds PostgreSQL unreachable answers 503 "briefly unavailable" with
    Retry-After, not a 500. (API views get the same from config.exceptions.api_exception_handler;
    failures before the view, e.g. loading the session, reach config.views.server_error.)"""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not is_database_unavailable(exception):
            return None
        logger.warning("database unavailable during %s %s: %s", request.method, request.path, exception)
        return database_unavailable_response(request)


def request_too_large_response(request: HttpRequest) -> HttpResponse:
    """413 with a clear message: JSON for the API, a plain page for people (rendered without the
    request's context, which is not loaded yet)."""
    limit = int(settings.DATA_UPLOAD_MAX_MEMORY_SIZE)
    limit_mb = round(limit / (1024 * 1024), 1)
    if request.path.startswith("/api/"):
        message = f"The request body is too large: at most {limit} bytes ({limit_mb} MB). Nothing was stored."
        return JsonResponse({"detail": message}, status=413)
    return HttpResponse(render_to_string("413.html", {"limit_mb": limit_mb}), status=413)


class RequestTooLargeMiddleware:
    """An oversized request answers 413 Payload Too Large, not Django's default 400.

    First in MIDDLEWARE: a declared Content-Length above DATA_UPLOAD_MAX_MEMORY_SIZE is refused before
    anything reads the body (the session, CSRF, DRF's parsers, which stream the body and would not
    check the limit); a body without a length (chunked) is caught when Django's own check raises
    RequestDataTooBig / TooManyFieldsSent inside the view."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        if limit is not None and request.content_type == "multipart/form-data":
            # A file upload: the file part streams to disk (Django's upload handlers), and its own size is
            # checked by staffing.services.files against RESOLVE_FILE_MAX_BYTES, naming the field. The
            # form's other fields are still held to DATA_UPLOAD_MAX_MEMORY_SIZE by Django's parser.
            limit = max(limit, settings.RESOLVE_FILE_MAX_BYTES + 1024 * 1024)
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if limit is not None and length > limit:
            logger.warning(
                "refused %s %s: body of %s bytes over %s", request.method, request.path, length, limit
            )
            return request_too_large_response(request)
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if isinstance(exception, RequestDataTooBig | TooManyFieldsSent):
            return request_too_large_response(request)
        return None
