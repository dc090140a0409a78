"""Settings for the benchmark: the test settings (real PostgreSQL, fast password hashing, no HTTPS
redirect on loopback) with production's persistent database connections, pointed at the bench database
by DATABASE_URL (set by `python -m bench`), and the bench's URLconf (bench/urls.py)."""

from __future__ import annotations

import warnings

from config.settings.test import *  # noqa: F403
from config.settings.test import BASE_DIR, DATABASES, TEMPLATES

# The product's routes and the bench's two bare endpoints, the framework floor of each page and API
# figure (bench/urls.py); the product's own URLconf has no bench endpoint.
ROOT_URLCONF = "bench.urls"
TEMPLATES = [{**TEMPLATES[0], "DIRS": [BASE_DIR / "templates", BASE_DIR / "bench" / "templates"]}]

DEBUG = False
DATABASES["default"]["CONN_MAX_AGE"] = 60
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"level": "WARNING", "handlers": ["console"]},
    "loggers": {"bench": {"level": "INFO"}},
}

# The benchmark serves pages, not static files: no collectstatic needed.
warnings.filterwarnings("ignore", message="No directory at")
