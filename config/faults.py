"""Surviving faults in the services Resolve leans on: PostgreSQL away (a clean 503, never a 500) and
the Celery broker away (the web app keeps serving and says background work is delayed)."""

from __future__ import annotations

import logging
import threading
import time
from urllib.parse import urlparse

import redis
from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template.loader import render_to_string

from config.exceptions import DATABASE_RETRY_AFTER_SECONDS, DATABASE_UNAVAILABLE_API_MESSAGE

logger = logging.getLogger(__name__)


def database_unavailable_response(request: HttpRequest) -> HttpResponse:
    """503 with Retry-After: JSON for the API, a plain page for people. Rendered without the request's
    context processors, which would need the database (the session, the user) to work."""
    headers = {"Retry-After": str(DATABASE_RETRY_AFTER_SECONDS)}
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": DATABASE_UNAVAILABLE_API_MESSAGE}, status=503, headers=headers)
    html = render_to_string("503.html", {"force_name": settings.RESOLVE_FORCE_NAME})
    return HttpResponse(html, status=503, headers=headers)


# ---------------------------------------------------------------- broker health, cached per process
_broker_lock = threading.Lock()
_broker_state: dict[str, float | bool] = {"checked_at": float("-inf"), "ok": True}


def _ping_broker(url: str) -> bool:
    scheme = urlparse(url).scheme
    if scheme in {"redis", "rediss"}:
        try:
            client = redis.Redis.from_url(url, socket_connect_timeout=0.5, socket_timeout=0.5)
            try:
                return bool(client.ping())
            finally:
                client.close()
        except (redis.RedisError, OSError) as exc:
            logger.warning("Celery broker unreachable at %s: %s", url, exc)
            return False
    # memory:// (development) and other transports Resolve does not deploy with: nothing to reach.
    return True


def broker_available() -> bool:
    """Whether background work can be queued. Asks the broker at most once per
    RESOLVE_BROKER_CHECK_SECONDS per process, with a half-second timeout; always True when tasks run
    in-process (CELERY_TASK_ALWAYS_EAGER)."""
    if settings.CELERY_TASK_ALWAYS_EAGER:
        return True
    now = time.monotonic()
    with _broker_lock:
        if now - float(_broker_state["checked_at"]) < settings.RESOLVE_BROKER_CHECK_SECONDS:
            return bool(_broker_state["ok"])
        _broker_state["checked_at"] = now
    ok = _ping_broker(settings.CELERY_BROKER_URL)
    with _broker_lock:
        _broker_state["ok"] = ok
    return ok


def broker_check_reset() -> None:
    """Forget the cached answer (tests, and after an operator fixes the broker)."""
    with _broker_lock:
        _broker_state["checked_at"] = float("-inf")
        _broker_state["ok"] = True
