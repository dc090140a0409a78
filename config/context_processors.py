from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest

from config.registry import nav_for


def resolve(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    return {
        "nav_items": nav_for(user) if user is not None and user.is_authenticated else [],
        "force_name": settings.RESOLVE_FORCE_NAME,
        "force_code": settings.RESOLVE_FORCE_CODE,
    }
