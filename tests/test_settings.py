"""Settings from the environment: the embedded default, and production passing check --deploy."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The first two tests read settings only, so their subprocess imports the settings module and not every
# app: django.setup() imports every app (about 2 CPU seconds each time), and nothing asserted needs it.


def _run(args: list[str], env_extra: dict[str, str], settings: str) -> subprocess.CompletedProcess[str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DATABASE_URL", "REDIS_URL", "CELERY_BROKER_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    env.update(env_extra, DJANGO_SETTINGS_MODULE=settings)
    return subprocess.run(
        [sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )


def test_without_database_url_the_app_uses_sqlite_and_eager_tasks() -> None:
    proc = _run(
        [
            "-c",
            "from django.conf import settings as s;"
            "print(s.DATABASES['default']['ENGINE'],s.CELERY_TASK_ALWAYS_EAGER,s.TIME_ZONE,s.USE_TZ)",
        ],
        {},
        "config.settings.local",
    )
    assert proc.stdout.split() == ["django.db.backends.sqlite3", "True", "Europe/London", "True"], proc.stderr


def test_with_urls_the_app_uses_postgres_and_a_real_broker() -> None:
    proc = _run(
        [
            "-c",
            "from django.conf import settings as s;"
            "print(s.DATABASES['default']['ENGINE'],s.CELERY_TASK_ALWAYS_EAGER,s.CELERY_BROKER_URL)",
        ],
        {"DATABASE_URL": "postgres://u@db:5432/r", "REDIS_URL": "redis://cache:6379/1"},
        "config.settings.local",
    )
    assert proc.stdout.split() == ["django.db.backends.postgresql", "False", "redis://cache:6379/1"], (
        proc.stderr
    )


def test_production_settings_pass_check_deploy_with_no_warnings() -> None:
    proc = _run(
        ["manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        {
            "SECRET_KEY": "x" * 20 + "-a-long-random-production-secret-value-0123456789",
            "ALLOWED_HOSTS": "resolve.example.police.uk",
            "DATABASE_URL": "postgres://u@127.0.0.1:5432/resolve",
            "REDIS_URL": "redis://127.0.0.1:6379/0",
        },
        "config.settings.production",
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "no issues" in proc.stdout
