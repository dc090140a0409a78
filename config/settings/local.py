"""Developer and demo settings: DEBUG on, a throwaway key, SQLite unless DATABASE_URL is set."""

from __future__ import annotations

from .base import *  # noqa: F403
from .base import DATABASES, STORAGES, env

DEBUG = env.bool("DEBUG", default=True)
SECRET_KEY = env("SECRET_KEY", default="local-demo-key-not-for-production-7f3a9c2e1b8d4f6a0e5c")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"])

# The development server starts a thread per request and never reuses one: a persistent connection
# would stay open in each finished thread until it is collected (config/connections.py).
DATABASES["default"]["CONN_MAX_AGE"] = 0
if "replica" in DATABASES:
    DATABASES["replica"]["CONN_MAX_AGE"] = 0

# The demo prints e-mail (letters, password resets) to the console instead of sending it.
EMAIL_BACKEND = env("EMAIL_BACKEND", default="django.core.mail.backends.console.EmailBackend")

# Static files are copied as they are: WhiteNoise's compressed storage spends about 30 s of CPU on every
# `make demo` writing gzip and Brotli copies of Django's admin files that a page on loopback never needs.
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
