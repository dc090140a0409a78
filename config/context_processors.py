from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest

from config.faults import broker_available
from config.registry import nav_for


def resolve(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    signed_in = user is not None and user.is_authenticated
    return {
        "nav_items": nav_for(user) if signed_in else [],
        # Only signed-in people see the banner; the sign-in page never waits on the broker.
        "background_delayed": signed_in and not broker_available(),
        "force_name": settings.RESOLVE_FORCE_NAME,
        "force_code": settings.RESOLVE_FORCE_CODE,
    }
