from __future__ import annotations

import os

from django.conf import settings
from django.core.wsgi import get_wsgi_application

from config.connections import BoundedRequests

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.production")
# At most RESOLVE_MAX_CONCURRENT_REQUESTS requests (and so database connections) per process
# (config/connections.py); runserver serves this same callable through WSGI_APPLICATION.
application = BoundedRequests(
    get_wsgi_application(),
    limit=settings.RESOLVE_MAX_CONCURRENT_REQUESTS,
    queue_seconds=settings.RESOLVE_REQUEST_QUEUE_SECONDS,
)
