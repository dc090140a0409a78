"""`make demo` on a fresh machine: no DATABASE_URL, so SQLite and in-process tasks. Every migration,
the reference load and the demo seed must work there too, not only on PostgreSQL."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
STRIP = {
    "DATABASE_URL",
    "REDIS_URL",
    "CELERY_BROKER_URL",
    "CELERY_RESULT_BACKEND",
    "DJANGO_ALLOW_ASYNC_UNSAFE",
}


@pytest.mark.slow
def test_the_demo_builds_on_sqlite_with_in_process_tasks(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in STRIP}
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.local", DATABASE_URL=f"sqlite:///{tmp_path / 'demo.sqlite3'}"
    )
    for command in (["migrate", "--noinput"], ["load_reference"], ["seed_demo"]):
        proc = subprocess.run(
            [sys.executable, "manage.py", *command],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            check=False,
            timeout=600,
        )
        assert proc.returncode == 0, f"{command}: {proc.stdout[-2000:]}\n{proc.stderr[-4000:]}"
    assert "demo.sergeant" in proc.stdout and "resolve-demo-2026" in proc.stdout
    assert "Public form: 2 submissions to triage" in proc.stdout


def test_make_demo_serves_on_the_port_given() -> None:
    proc = subprocess.run(
        ["make", "-n", "demo", "PORT=8100"], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert "runserver 127.0.0.1:8100" in proc.stdout
