"""Test settings: real PostgreSQL and Redis (see `make test`), fast hashing, eager tasks unless a test
starts a real worker."""

from __future__ import annotations

from .base import *  # noqa: F403
from .base import BASE_DIR, env

SECRET_KEY = env("SECRET_KEY", default="test-key-not-for-production-2c9e6f1a7b3d5e8f0a4c")
DEBUG = False
ALLOWED_HOSTS = ["*"]
DATABASES = {"default": env.db("DATABASE_URL", default="postgres://postgres@127.0.0.1:5432/resolve")}
DATABASES["default"]["CONN_MAX_AGE"] = 0
DATABASES["default"]["TEST"] = {"NAME": env("TEST_DATABASE_NAME", default=None)}
if env("DATABASE_REPLICA_URL", default=""):  # the read-replica alias mirrors default in tests
    DATABASES["replica"] = {
        **env.db("DATABASE_REPLICA_URL"),
        "CONN_MAX_AGE": 0,
        "TEST": {"MIRROR": "default"},
    }
USING_POSTGRES = True
REDIS_URL = env("REDIS_URL", default="redis://127.0.0.1:6379/0")
CELERY_BROKER_URL = env("CELERY_BROKER_URL", default=REDIS_URL)
CELERY_RESULT_BACKEND = env("CELERY_RESULT_BACKEND", default=REDIS_URL)
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=True)
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
TEST_ARTIFACTS_DIR = BASE_DIR / "test-artifacts"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    # The default filesystem store, in a folder of its own per test run.
    "evidence": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": str(TEST_ARTIFACTS_DIR / "evidence"), "base_url": None},
    },
}
