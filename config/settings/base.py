"""Settings shared by every environment. Everything that differs between machines comes from the
environment (django-environ), so one image runs on a laptop, in CI and in production."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

import environ
from celery.schedules import crontab
from django.utils.csp import CSP

BASE_DIR = Path(__file__).resolve().parent.parent.parent
env = environ.Env()
if env.bool("DJANGO_READ_DOT_ENV_FILE", default=False):
    env.read_env(str(BASE_DIR / ".env"))

# ---------------------------------------------------------------- core
DEBUG = env.bool("DEBUG", default=False)
SECRET_KEY = env("SECRET_KEY", default="")
ALLOWED_HOSTS: list[str] = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])
TIME_ZONE = "Europe/London"
USE_TZ = True
LANGUAGE_CODE = "en-gb"
# ISO first in DATE_INPUT_FORMATS so <input type="date"> shows its value (config/formats/en_GB).
FORMAT_MODULE_PATH = ["config.formats"]
USE_I18N = False
ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "staffing.User"
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

# The force this installation serves (crime numbers, transfers). Data, not code.
RESOLVE_FORCE_CODE = env("RESOLVE_FORCE_CODE", default="XX")
RESOLVE_FORCE_NAME = env("RESOLVE_FORCE_NAME", default="Demo Constabulary")
# Indexes with INCLUDE columns give PostgreSQL index-only scans (complaints' daily figures); SQLite, the
# demo's embedded default, builds them without those columns, which is harmless there.
SILENCED_SYSTEM_CHECKS = ["models.W040"]
RESOLVE_SWEEP_GRACE_HOURS = env.int("RESOLVE_SWEEP_GRACE_HOURS", default=24)
# Resolving an unrecorded-incident flag with a crime reported more than this many days from the incident's
# opening needs a reason (contract: the resolve endpoint).
RESOLVE_FLAG_MATCH_DAYS = env.int("RESOLVE_FLAG_MATCH_DAYS", default=7)
# NSIR codes whose incidents are need-to-know like restricted crimes (R-RESTRICTED). nsir_codes.csv has
# no such column, and force-level crime types differ between forces, so each force lists its own.
RESOLVE_RESTRICTED_NSIR_CODES = env.list("RESOLVE_RESTRICTED_NSIR_CODES", default=["CRIME-SEXUAL"])
# Shared terminals: a session idle this long is signed out (config.middleware.IdleTimeoutMiddleware).
RESOLVE_IDLE_TIMEOUT_MINUTES = env.int("RESOLVE_IDLE_TIMEOUT_MINUTES", default=30)
# How often (seconds) a web process asks the broker whether it is up, for the "delayed" banner.
RESOLVE_BROKER_CHECK_SECONDS = env.int("RESOLVE_BROKER_CHECK_SECONDS", default=60)
# Largest request body (bytes). The incident feed posts up to 5,000 incidents at once (about 1-2 KB
# each as JSON): 16 MB leaves room. Bigger requests get 413 (config.middleware.RequestTooLargeMiddleware).
DATA_UPLOAD_MAX_MEMORY_SIZE = env.int("RESOLVE_MAX_REQUEST_BYTES", default=16 * 1024 * 1024)
# Largest incident CSV `manage.py import_incidents` reads (bytes); larger files are refused.
RESOLVE_IMPORT_MAX_BYTES = env.int("RESOLVE_IMPORT_MAX_BYTES", default=64 * 1024 * 1024)
# MoPI review of crime records (local policy; recording.mopi): years after finalisation/cancellation.
# Keys: default, restricted, serious (rank <= serious_rank), or "category:<Home Office category>".
RESOLVE_MOPI_REVIEW_YEARS = {"default": 6, "restricted": 10, "serious": 10, "serious_rank": 10}
# The unrecorded-incident sweep commits this many incidents per transaction (qa.services.sweep).
RESOLVE_SWEEP_CHUNK_SIZE = env.int("RESOLVE_SWEEP_CHUNK_SIZE", default=20_000)
# Between full runs the sweep reads only what changed (qa.models.SweepRun). A full run comes at least this
# often, and the incremental window reaches this far behind the clock of whoever writes incidents (clock
# skew between web/worker machines and the database).
RESOLVE_SWEEP_FULL_EVERY_HOURS = env.int("RESOLVE_SWEEP_FULL_EVERY_HOURS", default=24)
RESOLVE_SWEEP_OVERLAP_MINUTES = env.int("RESOLVE_SWEEP_OVERLAP_MINUTES", default=5)
# The nightly dip-test catches up at most this many missed days (broker or beat down), oldest first.
RESOLVE_DIPTEST_CATCHUP_DAYS = env.int("RESOLVE_DIPTEST_CATCHUP_DAYS", default=7)
# Nightly dip-test sample sizes (R-DIP-TEST); cancellations and outcomes 14/16 are always taken whole.
RESOLVE_DIPTEST_SEED = env("RESOLVE_DIPTEST_SEED", default="resolve")
RESOLVE_DIPTEST_CRIMES_PER_CATEGORY = env.int("RESOLVE_DIPTEST_CRIMES_PER_CATEGORY", default=5)
RESOLVE_DIPTEST_INCIDENTS_PER_CODE = env.int("RESOLVE_DIPTEST_INCIDENTS_PER_CODE", default=3)
RESOLVE_DIPTEST_HIDDEN_RISK = env.int("RESOLVE_DIPTEST_HIDDEN_RISK", default=20)
RESOLVE_AMENDMENT_DAYS = env.int("RESOLVE_AMENDMENT_DAYS", default=7)

# ---------------------------------------------------------------- apps
DJANGO_APPS = [
    "config.admin_site.ResolveAdminConfig",  # django.contrib.admin with UK dates (config/admin_site.py)
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
]
THIRD_PARTY_APPS = [
    "rest_framework",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "simple_history",
    "django_htmx",
    "rules.apps.AutodiscoverRulesConfig",
    "axes",
]
LOCAL_APPS = [
    "staffing",
    "recording",
    "complaints",
    "qa",
]
INSTALLED_APPS = DJANGO_APPS + THIRD_PARTY_APPS + LOCAL_APPS

MIDDLEWARE = [
    # First: an oversized request is refused with 413 before anything reads its body.
    "config.middleware.RequestTooLargeMiddleware",
    # A database outage found anywhere below answers the 503 page, never a 500 or a traceback.
    "config.middleware.DatabaseOutagePageMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Django's, but a session write failing after the view's commit cannot fail the response.
    "config.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Before any view filters or saves: a NUL byte in a query string or form answers 400.
    "config.inputs.RefuseUnstorableTextMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "config.middleware.IdleTimeoutMiddleware",
    "config.middleware.DatabaseUnavailableMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes asks: turns a locked-out sign-in into the lockout page.
    "axes.middleware.AxesMiddleware",
]

# Audit history: a change's reason is kept whole. simple-history's default column holds 100
# characters, and a longer reason (a sergeant's justification, pasted text) was a database error, a 500.
SIMPLE_HISTORY_HISTORY_CHANGE_REASON_USE_TEXT_FIELD = True

AUTHENTICATION_BACKENDS = [
    # First: refuses a locked-out username+address before any password is checked.
    "axes.backends.AxesStandaloneBackend",
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
]

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "config.context_processors.resolve",
            ],
            # One way to write dates and rates on every page (|day, |when, |percent), no {% load %}.
            "builtins": ["staffing.templatetags.resolve_format"],
        },
    }
]

# ---------------------------------------------------------------- database
# No DATABASE_URL: an embedded SQLite file, so `make demo` needs nothing installed.
DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
# Persistent connections suit servers that reuse their threads (gunicorn sync or gthread workers);
# local settings turn them off for the thread-per-request development server (config/connections.py).
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DATABASES["default"]["ATOMIC_REQUESTS"] = False
USING_POSTGRES = DATABASES["default"]["ENGINE"].endswith("postgresql")
# A read replica for dashboards and exports (config/db_router.py, docs/scaling.md); tests mirror default.
if env("DATABASE_REPLICA_URL", default=""):
    DATABASES["replica"] = env.db("DATABASE_REPLICA_URL")
    DATABASES["replica"]["CONN_MAX_AGE"] = DATABASES["default"]["CONN_MAX_AGE"]
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
DATABASE_ROUTERS = ["config.db_router.ReplicaRouter"]
# Requests one process runs at once, and so its database connections per alias (config/connections.py,
# docs/scaling.md); more wait up to RESOLVE_REQUEST_QUEUE_SECONDS, then get a 503.
RESOLVE_MAX_CONCURRENT_REQUESTS = env.int("RESOLVE_MAX_CONCURRENT_REQUESTS", default=8)
RESOLVE_REQUEST_QUEUE_SECONDS = env.float("RESOLVE_REQUEST_QUEUE_SECONDS", default=30.0)

# ---------------------------------------------------------------- auth
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Lockout (django-axes): AXES_FAILURE_LIMIT failed sign-ins for one username from one address within
# AXES_COOLOFF_MINUTES lock that pair out for that long. A success clears the count.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("AXES_COOLOFF_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
# One username whatever its case (sign-in finds "ALICE" as alice), so one count of failures too.
AXES_USERNAME_CALLABLE = "config.sign_in.axes_username"
# The public complaint form (/complain/): at most PUBLIC_FORM_LIMIT submissions per address per window.
PUBLIC_FORM_LIMIT = env.int("PUBLIC_FORM_LIMIT", default=5)
PUBLIC_FORM_WINDOW_SECONDS = env.int("PUBLIC_FORM_WINDOW_SECONDS", default=600)
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_HTTP_RESPONSE_CODE = 429

# ---------------------------------------------------------------- e-mail (password resets)
# Django's SMTP backend by default; EMAIL_URL-style settings from the environment. A reset link is valid
# for PASSWORD_RESET_TIMEOUT seconds (one hour).
EMAIL_BACKEND = env("EMAIL_BACKEND", default="django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = env("EMAIL_HOST", default="localhost")
EMAIL_PORT = env.int("EMAIL_PORT", default=25)
EMAIL_HOST_USER = env("EMAIL_HOST_USER", default="")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", default="")
EMAIL_USE_TLS = env.bool("EMAIL_USE_TLS", default=False)
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=10)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="resolve@localhost")
PASSWORD_RESET_TIMEOUT = env.int("PASSWORD_RESET_TIMEOUT", default=60 * 60)

# ---------------------------------------------------------------- sessions, CSRF, browser policy
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_AGE = env.int("SESSION_COOKIE_AGE", default=10 * 60 * 60)
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True  # htmx takes the token from <body hx-headers>, never from the cookie
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
# Content-Security-Policy (Django's own middleware): nothing inline, nothing from another site.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "form-action": [CSP.SELF],
}

# ---------------------------------------------------------------- static
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES: dict[str, dict[str, Any]] = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}

# ---------------------------------------------------------------- evidence files (staffing.RecordFile)
# Files on crimes and complaint cases: on the filesystem under RESOLVE_FILES_ROOT (never served by the web
# server: every download goes through the record's need-to-know and the access log), or in an
# S3-compatible store (django-storages) when RESOLVE_FILES_S3_BUCKET is set.
RESOLVE_FILES_ROOT = env("RESOLVE_FILES_ROOT", default=str(BASE_DIR / "media" / "evidence"))


def evidence_storage_from(environment: environ.Env, files_root: str) -> dict[str, Any]:
    """STORAGES["evidence"] from the environment: an S3-compatible bucket (django-storages, boto3) when
    RESOLVE_FILES_S3_BUCKET is set, else the filesystem under `files_root`. A function so the S3 test
    (recording/tests/test_files_s3.py) builds the store from the same variables a deployment sets."""
    if environment("RESOLVE_FILES_S3_BUCKET", default=""):
        return {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": environment("RESOLVE_FILES_S3_BUCKET"),
                "endpoint_url": environment("RESOLVE_FILES_S3_ENDPOINT_URL", default=None),
                "region_name": environment("RESOLVE_FILES_S3_REGION", default=None),
                "access_key": environment("RESOLVE_FILES_S3_ACCESS_KEY", default=None),
                "secret_key": environment("RESOLVE_FILES_S3_SECRET_KEY", default=None),
                "default_acl": "private",
                "querystring_auth": True,
                "file_overwrite": False,
            },
        }
    return {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": files_root, "base_url": None},
    }


STORAGES["evidence"] = evidence_storage_from(env, RESOLVE_FILES_ROOT)
# Largest file that may be attached (bytes). The types allowed are reference data:
# staffing/reference/file_types.csv, checked against the file's content, never its name.
RESOLVE_FILE_MAX_BYTES = env.int("RESOLVE_FILE_MAX_BYTES", default=50 * 1024 * 1024)

# ---------------------------------------------------------------- API
REST_FRAMEWORK = {
    # Token first: an API client with no credentials gets 401 with WWW-Authenticate, as the contract says.
    "DEFAULT_AUTHENTICATION_CLASSES": [
        # DRF's token scheme over keys stored as digests (staffing.authentication); DRF's own token
        # app is not installed, so no admin page can show or make a key.
        "staffing.authentication.ApiKeyAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "EXCEPTION_HANDLER": "config.exceptions.api_exception_handler",
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    # JSON objects only, bounded nesting, no NUL or lone surrogate; forms and multipart as DRF's
    # defaults allow, without NUL (config/inputs.py).
    "DEFAULT_PARSER_CLASSES": [
        "config.inputs.StrictJSONParser",
        "config.inputs.StrictFormParser",
        "config.inputs.StrictMultiPartParser",
    ],
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Resolve API",
    "DESCRIPTION": "Crime-recording quality assurance and police complaints handling.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": "/api/v1/",
    "COMPONENT_SPLIT_REQUEST": True,
    # Swagger UI from the drf-spectacular-sidecar package: served by Resolve, nothing from a CDN.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # One name per choice set where two apps' fields share a name ("channel", "method") or one set is
    # used by fields of different names: the schema stays stable for clients and check --deploy clean.
    "ENUM_NAME_OVERRIDES": {
        "ComplaintContactMethodEnum": ["phone", "email", "letter", "in_person"],
        "VictimContactMethodEnum": "recording.models.ContactMethod",
        "ComplaintChannelEnum": "complaints.models.ComplaintCase.Channel",
        "LetterTemplateChannelEnum": "staffing.models.LetterTemplate.Channel",
        "LetterSendChannelEnum": "staffing.models.LetterSend.Channel",
        "HiddenCrimeDismissReasonEnum": "qa.models.HiddenCrimeFlag.DismissReason",
    },
}

# ---------------------------------------------------------------- Celery
REDIS_URL = env("REDIS_URL", default="")
CELERY_BROKER_URL = env("CELERY_BROKER_URL", default=REDIS_URL or "memory://")
CELERY_RESULT_BACKEND = env("CELERY_RESULT_BACKEND", default=REDIS_URL or "cache+memory://")
# With no broker configured, tasks run in-process so a newcomer needs nothing but Python.
CELERY_TASK_ALWAYS_EAGER = env.bool(
    "CELERY_TASK_ALWAYS_EAGER", default=not (REDIS_URL or env("CELERY_BROKER_URL", default=""))
)
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TIMEZONE = TIME_ZONE
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# Every task is bounded, and the broker redelivers a task whose worker died once its visibility timeout
# passes: the timeout must exceed the longest task (or a live task would be delivered twice) and be short
# enough that lost work comes back within minutes (Redis's default is an hour). Long work (a sweep over
# millions of incidents, a rescreen) runs in chunks of a few seconds each, far inside these limits.
CELERY_TASK_TIME_LIMIT = 10 * 60
CELERY_TASK_SOFT_TIME_LIMIT = 9 * 60
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": CELERY_TASK_TIME_LIMIT + 2 * 60,
    # A request that enqueues work answers within about a second even when Redis drops connections.
    "socket_connect_timeout": 0.3,
}
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# django-celery-beat does not support Django 6.1, so the schedule lives here, in code.
CELERY_BEAT_SCHEDULE: dict[str, dict[str, object]] = {
    "reference-data-refresh": {
        "task": "staffing.tasks.reference_load_task",
        "schedule": crontab(hour=3, minute=30),
    },
    "qa-sweep-unrecorded": {
        "task": "qa.tasks.sweep_unrecorded_task",
        "schedule": crontab(minute="*/15"),
    },
    "qa-hidden-crime-screen-nightly": {  # before the dip-test, which stratifies on its scores
        "task": "qa.tasks.hidden_crime_screen_task",
        "schedule": crontab(hour=0, minute=45),
    },
    "qa-dip-test-nightly": {
        "task": "qa.tasks.dip_test_draw_task",
        "schedule": crontab(hour=1, minute=15),
    },
    "staffing-idempotency-forget": {
        "task": "staffing.tasks.idempotency_forget_expired_task",
        "schedule": crontab(hour=2, minute=45),
    },
    "staffing-delayed-tasks-send": {
        "task": "staffing.tasks.delayed_tasks_send_task",
        "schedule": crontab(minute="*"),
    },
    "qa-rape-review-daily": {
        "task": "qa.tasks.rape_review_queue_task",
        "schedule": crontab(hour=0, minute=30),
    },
    "letters-notify-status": {
        "task": "staffing.tasks.letter_send_status_poll_task",
        "schedule": crontab(minute="*/15"),
    },
    "letters-reclaim-stalled-sends": {
        "task": "staffing.tasks.letter_send_reclaim_stale_task",
        "schedule": crontab(minute="*/10"),
    },
}

# ---------------------------------------------------------------- cache
CACHES = {
    "default": (
        {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
        if REDIS_URL
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    )
}

# ---------------------------------------------------------------- letters: e-mail and GOV.UK Notify
# Letters go out through the e-mail settings above (EMAIL_*; the console backend in the demo).
LETTER_MESSAGE_ID_DOMAIN = env("LETTER_MESSAGE_ID_DOMAIN", default="resolve.invalid")
# GOV.UK Notify, when a force configures a key: e-mails through a Notify template whose body is
# ((body)) and subject ((subject)); posted letters as precompiled PDFs.
NOTIFY_API_KEY = env("NOTIFY_API_KEY", default="")
NOTIFY_BASE_URL = env("NOTIFY_BASE_URL", default="https://api.notifications.service.gov.uk")
NOTIFY_EMAIL_TEMPLATE_ID = env("NOTIFY_EMAIL_TEMPLATE_ID", default="")

# ---------------------------------------------------------------- logging
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    # django-axes records every attempt in its tables; keep its warnings (lockouts), not its chatter.
    "loggers": {"axes": {"level": env("AXES_LOG_LEVEL", default="WARNING")}},
}
