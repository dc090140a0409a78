from __future__ import annotations

import sys

from django.conf import settings
from django.db import connection
from django.http import Http404, HttpRequest, HttpResponse, HttpResponsePermanentRedirect, JsonResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.utils import timezone
from django.views.decorators.http import require_GET

from config.access import public, roles_required
from config.exceptions import is_database_unavailable
from config.faults import database_unavailable_response
from config.permissions import Role
from config.queues import queue_page
from config.registry import queues_for, waiting_for, work_queue_for


@roles_required(*Role.ALL)
def home(request: HttpRequest) -> HttpResponse:
    """The user's home for their role: every queue their apps contribute, with its count and the age
    of its oldest item. htmx asks for the queue partial every 60 seconds to refresh the counts."""
    now = timezone.now()
    queues = queues_for(request.user)
    rows = [{"queue": q, "age": q.age(now)} for q in queues]
    context = {
        "queues": queues,
        "rows": rows,
        "waiting": waiting_for(request.user),
        "refreshed_at": now,
    }
    template = "partials/_queues.html" if getattr(request, "htmx", False) else "home.html"
    return render(request, template, context)


@roles_required(*Role.ALL)
@require_GET
def queue_list(request: HttpRequest, key: str) -> HttpResponse:
    """The list a home-page count opens when its app has no list page of its own: the rows of the same
    selector the count comes from (config.queues), paginated, sortable, riskiest first for crimes."""
    queue = work_queue_for(request.user, key)
    if queue is None:
        raise Http404("No such work queue for your role.")
    return queue_page(request, queue)


@public
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    """Liveness for the load balancer and docker compose: the database answers."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception:  # noqa: BLE001 - any failure means "not healthy"
        return JsonResponse({"status": "unavailable"}, status=503)
    return JsonResponse({"status": "ok"})


def server_error(request: HttpRequest) -> HttpResponse:
    """handler500: a database outage found before the view ran (loading the session, say) is a 503
    "briefly unavailable", like one found inside it; any other fault is a plain 500 page. Rendered
    without context processors, which could fail the same way."""
    exc = sys.exc_info()[1]
    if exc is not None and is_database_unavailable(exc):
        return database_unavailable_response(request)
    html = render_to_string("500.html", {"force_name": settings.RESOLVE_FORCE_NAME})
    return HttpResponse(html, status=500)


@public
def favicon(request: HttpRequest) -> HttpResponse:
    """Clients that ignore the pages' <link rel="icon"> ask for /favicon.ico on every page."""
    return HttpResponsePermanentRedirect(static("favicon.svg"))
