"""Fixtures shared by every app's tests: users by role, API clients, a real Celery worker and a
headless Chromium (Playwright driving Debian's /usr/bin/chromium)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from rest_framework.test import APIClient

ROOT = Path(__file__).resolve().parent


@pytest.fixture
def make_user(db: None) -> Callable[..., Any]:
    from staffing.tests.factories import UserFactory

    def make(role: str = "recorder", **kwargs: Any) -> Any:
        return UserFactory(role=role, **kwargs)

    return make


@pytest.fixture
def api_client() -> APIClient:
    return APIClient()


@pytest.fixture
def api_as(make_user: Callable[..., Any]) -> Callable[..., APIClient]:
    """An API client authenticated with a real DRF token for a new user of `role`."""
    from staffing.services import user_token

    def client_for(role: str, **kwargs: Any) -> APIClient:
        user = make_user(role, **kwargs)
        client = APIClient()
        client.credentials(HTTP_AUTHORIZATION=f"Token {user_token(user=user)}")
        client.user = user  # type: ignore[attr-defined]
        return client

    return client_for


@pytest.fixture
def reference_data(db: None) -> None:
    from staffing.reference import reference_load

    reference_load()


# ---------------------------------------------------------------- a real Celery worker
@pytest.fixture
def celery_worker_process(transactional_db: None) -> Iterator[str]:
    """Start `celery worker` as a subprocess against the real Redis and the test database. Yields the
    queue it consumes, unique per test so no other worker on the machine can take the task."""
    from django.db import connection

    queue = f"test-{uuid.uuid4().hex[:10]}"
    db = settings.DATABASES["default"]
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.test",
        DATABASE_URL=(
            f"postgres://{db['USER']}{':' + db['PASSWORD'] if db.get('PASSWORD') else ''}@{db['HOST']}:"
            f"{db['PORT'] or 5432}/{connection.settings_dict['NAME']}"
        ),
        TEST_DATABASE_NAME=connection.settings_dict["NAME"],
        CELERY_TASK_ALWAYS_EAGER="false",
        CELERY_BROKER_URL=settings.CELERY_BROKER_URL,
        CELERY_RESULT_BACKEND=settings.CELERY_RESULT_BACKEND,
    )
    log = ROOT / "test-artifacts" / f"worker-{queue}.log"
    log.parent.mkdir(exist_ok=True)
    with log.open("w") as out:
        proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "celery",
                "-A",
                "config",
                "worker",
                "--pool=solo",
                "--concurrency=1",
                "-Q",
                queue,
                "--loglevel=INFO",
                "--without-gossip",
                "--without-mingle",
                "--without-heartbeat",
            ],
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    try:
        deadline = time.monotonic() + 60
        while "ready." not in log.read_text():
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"Celery worker did not start:\n{log.read_text()}")
            time.sleep(0.2)
        yield queue
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()


@pytest.fixture
def celery_live(settings: Any) -> Iterator[None]:
    """Send tasks to the broker instead of running them in-process."""
    from config.celery import app

    settings.CELERY_TASK_ALWAYS_EAGER = False
    app.conf.task_always_eager = False
    yield
    app.conf.task_always_eager = True


# ---------------------------------------------------------------- headless Chromium
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium (apt-get install chromium)")
    # Playwright's sync API runs an event loop in this thread; Django's ORM calls made from the test
    # itself are still synchronous and safe.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser: Any, live_server: Any, request: pytest.FixtureRequest) -> Iterator[Any]:
    # bypass_csp lets the test inject axe-core; the pages themselves still send their CSP.
    context = browser.new_context(
        base_url=live_server.url, locale="en-GB", timezone_id="Europe/London", bypass_csp=True
    )
    page = context.new_page()
    page.set_default_timeout(15000)
    shots = ROOT / "test-artifacts" / "screenshots" / request.node.name
    shots.mkdir(parents=True, exist_ok=True)
    page.screenshot_dir = shots  # type: ignore[attr-defined]
    yield page
    context.close()


def screenshot(page: Any, name: str) -> Path:
    path = Path(page.screenshot_dir) / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def login(page: Any, username: str, password: str) -> None:
    page.goto("/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.click("button[type=submit]")


AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"


def axe_violations(page: Any, impacts: tuple[str, ...] = ("serious", "critical")) -> list[dict[str, Any]]:
    """Run axe-core (WCAG 2.x A/AA rules) on the current page; return violations of the given impacts."""
    if not AXE.exists():
        pytest.fail("node_modules/axe-core is missing: run `npm ci` (make test does)")
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "() => axe.run(document, {runOnly: {type: 'tag', "
        "values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']}})"
    )
    return [
        {
            "id": v["id"],
            "impact": v["impact"],
            "help": v["help"],
            "nodes": [n["target"] for n in v["nodes"]][:5],
        }
        for v in result["violations"]
        if v["impact"] in impacts
    ]
