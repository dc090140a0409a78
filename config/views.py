from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from config.registry import queues_for


@login_required
def home(request: HttpRequest) -> HttpResponse:
    """The user's home for their role: every queue their apps contribute, with its count and the age
    of its oldest item. htmx asks for the queue partial every 60 seconds to refresh the counts."""
    now = timezone.now()
    queues = queues_for(request.user)
    rows = [{"queue": q, "age": q.age(now)} for q in queues]
    context = {
        "queues": queues,
        "rows": rows,
        "waiting": sum(q.count for q in queues),
        "refreshed_at": now,
    }
    template = "partials/_queues.html" if getattr(request, "htmx", False) else "home.html"
    return render(request, template, context)


@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    """Liveness for the load balancer and docker compose: the database answers."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception:  # noqa: BLE001 - any failure means "not healthy"
        return JsonResponse({"status": "unavailable"}, status=503)
    return JsonResponse({"status": "ok"})
