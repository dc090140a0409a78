"""Fixtures shared by every app's tests: users by role, API clients, a real Celery worker and a
headless Chromium (Playwright driving Debian's /usr/bin/chromium-headless-shell)."""

from __future__ import annotations

import functools
import hashlib
import inspect
import io
import os
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import django
import hypothesis
import pytest
from django.conf import settings
from django.db.models.signals import post_migrate
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


# ---------------------------------------------------------------- hypothesis
# Properties hold however busy the machine is: the suite shares two cores with xdist workers (and often
# with other builds), so Hypothesis's timing checks (a 200 ms deadline per example, "input generation
# is slow") would fail tests for the machine's load, not for the code. The examples drawn are the same.
hypothesis.settings.register_profile(
    "resolve", deadline=None, suppress_health_check=[hypothesis.HealthCheck.too_slow]
)
hypothesis.settings.load_profile("resolve")


# ---------------------------------------------------------------- tiers
BROWSER_FIXTURES = {"page", "browser"}


@pytest.hookimpl(tryfirst=True)  # before -m deselects by marker
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """A test that drives Chromium is a browser journey wherever it lives: it runs in `make test`'s
    second tier (its own xdist workers), never among the workers of the first. The tests on the seeded
    demo force share one xdist worker, and so do the tests of a real Celery worker. The slow tests go
    first, so that xdist starts them while the other worker takes the short ones rather than leaving one
    of them to run alone at the end."""
    items.sort(key=lambda item: item.get_closest_marker("slow") is None)  # stable: otherwise as collected
    for item in items:
        fixtures = set(getattr(item, "fixturenames", ()))
        if BROWSER_FIXTURES & fixtures and not item.get_closest_marker("e2e"):
            item.add_marker(pytest.mark.e2e)
        if "seeded_force" in fixtures:  # one worker seeds the demo force once (--dist loadgroup)
            item.add_marker(pytest.mark.xdist_group("seeded_force"))
        elif "celery_worker_process" in fixtures:  # and one starts the Celery worker they share
            item.add_marker(pytest.mark.xdist_group("celery_worker"))


# ---------------------------------------------------------------- reference data, once per database
def _reference_after_migrate(sender: Any, using: str = "default", **kwargs: Any) -> None:
    """Load the reference code tables into a test database once, when it is built (`migrate` sends
    post_migrate), so every test starts with the same tables, however the tests are ordered or split
    across workers. Loading them test by test cost about a second each in a hundred tests. After a
    transactional test the flush puts the rows back as they were (_delete_flush); only a test that
    resets its sequences has them loaded here again (`flush` sends post_migrate)."""
    from django.apps import apps

    last = [config for config in apps.get_app_configs() if config.models_module is not None][-1]
    if sender is not last or using != "default":  # post_migrate is sent once per app: act on the last
        return
    from staffing.reference import reference_load
    from staffing.services.letters import letter_templates_ship

    reference_load()
    letter_templates_ship()  # a transactional test before this one emptied the migration's rows


post_migrate.connect(_reference_after_migrate, dispatch_uid="resolve-tests-reference-data")


# ---------------------------------------------------------------- emptying it after a transactional test
# Per database alias: the SQL that puts back every row the test database held when it was set up (the
# reference tables, their history rows, content types, permissions, the shipped letter templates), read
# by _baseline_capture once per test process, and whether the last flush built from it put them back.
_BASELINE: dict[str, dict[str, str]] = {}
_RESTORED: dict[str, bool] = {}


def _baseline_capture(alias: str) -> None:
    """Keep the rows of every table the new test database holds, as one INSERT a table of its rows in
    PostgreSQL's own text form (an array of the table's row type, so each value reads back exactly as it
    was written, ids included). About 1,700 rows in 27 tables, read in a few milliseconds."""
    from django.db import connections

    connection = connections[alias]
    quote = connection.ops.quote_name
    tables = connection.introspection.django_table_names(only_existing=True, include_views=False)
    statements: dict[str, str] = {}
    with connection.cursor() as cursor:
        cursor.execute(  # the columns an INSERT may name: not dropped, not generated
            "SELECT c.relname, string_agg(quote_ident(a.attname), ', ' ORDER BY a.attnum) "
            "FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid "
            "WHERE c.relname = ANY(%s) AND pg_table_is_visible(c.oid) AND a.attnum > 0 "
            "AND NOT a.attisdropped AND a.attgenerated = '' GROUP BY c.relname",
            [list(tables)],
        )
        columns = dict(cursor.fetchall())
        for table in sorted(tables):
            cursor.execute(f"SELECT quote_literal(array_agg(t)::text) FROM {quote(table)} t")  # noqa: S608
            rows = cursor.fetchone()[0]
            if rows is not None:
                names, name = columns[table], quote(table)
                statements[table] = (
                    f"INSERT INTO {name} ({names}) SELECT {names} FROM unnest({rows}::{name}[])"  # noqa: S608 (PostgreSQL's own quoting)
                )
    _BASELINE[alias] = statements


def _delete_flush(self: Any, style: Any, tables: list[str], *, reset_sequences: bool = False,
                  allow_cascade: bool = False) -> list[str]:  # fmt: skip
    """After each transactional test (every browser journey, every real Celery worker) Django empties
    the database with one TRUNCATE of all ~160 tables; PostgreSQL makes new files for each truncated
    table, which took 2-8 s a test here. Almost all of them are empty, and a DELETE of an empty or
    small table costs a fraction of a millisecond: the same tables emptied in about 0.1 s. Foreign
    keys are PostgreSQL triggers, so the replica role lets the tables go in any order; SET LOCAL ends
    with the flush's own transaction.

    Then the rows the database held when it was set up go back in, as they were (_baseline_capture), in
    the same transaction: the next test finds exactly what the first one found, and `flush` need not send
    post_migrate, whose receivers reloaded the reference tables from their files through the ORM and
    looked for missing content types and permissions app by app (about 0.45 s of CPU a test, Python and
    PostgreSQL, against a few milliseconds). A test that asks for its sequences reset gets Django's
    TRUNCATE and post_migrate's reload: ids from 1 would collide with the rows put back."""
    alias = self.connection.alias
    restore = not reset_sequences and bool(tables) and alias in _BASELINE
    _RESTORED[alias] = restore
    if not restore:
        return _truncate_flush(
            self, style, tables, reset_sequences=reset_sequences, allow_cascade=allow_cascade
        )
    # One round trip: the statements go as one string (nothing in them is a parameter).
    deletes = [f"DELETE FROM {self.quote_name(table)}" for table in tables]  # noqa: S608 (Django's names)
    inserts = [_BASELINE[alias][table] for table in tables if table in _BASELINE[alias]]
    return ["SET LOCAL session_replication_role = replica", ";\n".join(deletes + inserts)]


def as_never_analysed(*models: Any) -> None:
    """Empty the tables of `models` with TRUNCATE, which also resets what the planner believes of them
    (pg_class.reltuples back to -1, "never analysed"), as in a new install. The flush between tests
    deletes rows instead (above), which leaves an earlier test's statistics: a test of what the product
    does for a table the planner believes empty states that premise with this."""
    from django.db import connection

    tables = ", ".join(connection.ops.quote_name(model._meta.db_table) for model in models)
    with connection.cursor() as cursor:
        cursor.execute(f"TRUNCATE {tables} CASCADE")  # what references them is emptied too


def pytest_configure(config: pytest.Config) -> None:
    from django.core.management.commands import flush
    from django.db.backends.postgresql.operations import DatabaseOperations

    global _truncate_flush, _emit_post_migrate
    _truncate_flush = DatabaseOperations.sql_flush
    DatabaseOperations.sql_flush = _delete_flush  # type: ignore[method-assign,assignment]
    _emit_post_migrate = flush.emit_post_migrate_signal
    flush.emit_post_migrate_signal = _post_migrate_unless_restored


def _post_migrate_unless_restored(verbosity: int, interactive: bool, db: str, **kwargs: Any) -> None:
    """`flush` sends post_migrate unless the flush put back the rows the database was set up with: those
    rows are what migrate's post_migrate made (the template), so its receivers would find nothing to do."""
    if not _RESTORED.pop(db, False):
        _emit_post_migrate(verbosity, interactive, db, **kwargs)


_truncate_flush: Callable[..., list[str]]
_emit_post_migrate: Callable[..., None]


# ---------------------------------------------------------------- test databases cloned from a template
def _schema_fingerprint() -> str:
    """What a migrated test database with its reference data depends on: every app's migrations, the
    reference CSV files and the code that loads them."""
    from django.apps import apps

    from staffing import reference
    from staffing.reference import registered_tables

    digest = hashlib.sha256(django.get_version().encode())
    digest.update(inspect.getsource(_reference_after_migrate).encode())
    files = [Path(reference.__file__), *(Path(t.path) for t in registered_tables())]
    for config in apps.get_app_configs():
        files.extend(sorted(Path(config.path, "migrations").glob("*.py")))
    for path in files:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _build_template(template: str, verbosity: int) -> None:
    from django.conf import settings
    from django.db import connection

    saved = connection.settings_dict["NAME"], connection.settings_dict["TEST"].get("NAME")
    connection.settings_dict["TEST"]["NAME"] = template
    try:  # migrate sends post_migrate, which loads the reference data into the template too
        connection.creation.create_test_db(verbosity=verbosity, autoclobber=True, keepdb=False)
    finally:
        connection.close()
        connection.settings_dict["NAME"], connection.settings_dict["TEST"]["NAME"] = saved
        settings.DATABASES["default"]["NAME"] = saved[0]


@functools.cache
def template_database_name() -> str:
    """Named after the server database (resolve -> test_resolve_template), read before setup_databases
    points the connection at the test database; one template for all the xdist workers."""
    from django.db import connection

    return f"test_{connection.settings_dict['NAME']}_template"


def _clone_from_template(target: str, verbosity: int) -> None:
    """Create database `target` as a copy of a migrated template that holds the reference data
    (CREATE DATABASE ... TEMPLATE takes about a second; migrating from scratch takes half a minute and
    more). The template is rebuilt only when its fingerprint changes, so each xdist worker, the browser
    tier and the next `make test` reuse it. An advisory lock lets one process build it while the
    others wait."""
    from django.db import connection

    quote = connection.ops.quote_name
    template = template_database_name()
    fingerprint = _schema_fingerprint()
    with connection.creation._nodb_cursor() as cursor:
        cursor.execute("SELECT pg_advisory_lock(hashtext(%s))", [template])
        try:
            cursor.execute(
                "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = %s",
                [template],
            )
            row = cursor.fetchone()
            if row is None or row[0] != fingerprint:
                cursor.execute(f"DROP DATABASE IF EXISTS {quote(template)} WITH (FORCE)")
                _build_template(template, verbosity)
                cursor.execute(f"COMMENT ON DATABASE {quote(template)} IS %s", [fingerprint])
            cursor.execute(f"DROP DATABASE IF EXISTS {quote(target)} WITH (FORCE)")
            cursor.execute(f"CREATE DATABASE {quote(target)} TEMPLATE {quote(template)}")
        finally:
            cursor.execute("SELECT pg_advisory_unlock(hashtext(%s))", [template])


def _test_database_exists() -> bool:
    from django.db import connection

    with connection.creation._nodb_cursor() as cursor:
        cursor.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [connection.creation._get_test_db_name()]
        )
        return cursor.fetchone() is not None


@pytest.fixture(scope="session")
def django_db_setup(
    request: pytest.FixtureRequest,
    django_test_environment: None,
    django_db_blocker: Any,
    django_db_use_migrations: bool,
    django_db_keepdb: bool,
    django_db_createdb: bool,
    django_db_modify_db_settings: None,
) -> Iterator[None]:
    """pytest-django's django_db_setup, but on PostgreSQL the test database (one per xdist worker) is
    cloned from a template instead of migrated afresh. --reuse-db keeps an existing one as before."""
    from django.db import connection
    from django.test.utils import setup_databases, teardown_databases
    from pytest_django.fixtures import _get_databases_for_setup

    aliases, serialized_aliases = _get_databases_for_setup(request.session.items)
    verbosity = request.config.option.verbose
    template_database_name()  # while the connection still names the server database
    keepdb = django_db_keepdb and not django_db_createdb
    with django_db_blocker.unblock():
        if (
            "default" in aliases
            and connection.vendor == "postgresql"
            and django_db_use_migrations
            and not (keepdb and _test_database_exists())
        ):
            _clone_from_template(connection.creation._get_test_db_name(), verbosity)
            keepdb = True  # it exists now: setup_databases only runs migrate (nothing to apply)
        db_cfg = setup_databases(
            verbosity=verbosity,
            interactive=False,
            keepdb=keepdb,
            aliases=aliases,
            serialized_aliases=serialized_aliases,
        )
        if "default" in aliases and connection.vendor == "postgresql":
            _baseline_capture("default")  # what the flush after a transactional test puts back
    yield
    if not django_db_keepdb:
        with django_db_blocker.unblock():
            teardown_databases(db_cfg, verbosity=verbosity)


# ---------------------------------------------------------------- one seeded demo force
@pytest.fixture(scope="session")
def _demo_force_database(django_db_setup: None, django_db_blocker: Any) -> Iterator[tuple[str, str]]:
    """A database holding the demo force as `seed_demo` builds it (the slowest fixture there is, half a
    minute and more), seeded once per test process on first use. Yields its name and the seed's output."""
    from django.core.management import call_command
    from django.db import connection

    test_database = connection.settings_dict["NAME"]
    demo = f"{test_database}_demo"
    output = io.StringIO()
    with django_db_blocker.unblock():
        connection.close()
        _clone_from_template(demo, verbosity=0)
        connection.settings_dict["NAME"] = demo
        try:
            call_command("seed_demo", stdout=output)
        finally:
            connection.close()
            connection.settings_dict["NAME"] = test_database
    yield demo, output.getvalue()
    with django_db_blocker.unblock(), connection.creation._nodb_cursor() as cursor:
        cursor.execute(f"DROP DATABASE IF EXISTS {connection.ops.quote_name(demo)} WITH (FORCE)")


@pytest.fixture
def seeded_force(_demo_force_database: tuple[str, str], django_db_blocker: Any) -> Iterator[str]:
    """The seeded demo force, shared by the tests that need one instead of each seeding its own: the
    test runs on it inside a transaction that is rolled back after, so the next test finds it as
    seeded. Yields `seed_demo`'s output. The test brings no other database (no django_db marker: that
    would open its transaction on the empty test database first); pytest_collection_modifyitems puts
    every such test on one xdist worker, which seeds once."""
    from django.db import connection, transaction

    demo, output = _demo_force_database
    test_database = connection.settings_dict["NAME"]
    with django_db_blocker.unblock():
        connection.close()
        connection.settings_dict["NAME"] = demo
        try:
            with transaction.atomic():
                yield output
                transaction.set_rollback(True)
        finally:
            connection.close()
            connection.settings_dict["NAME"] = test_database


@pytest.fixture(scope="module")
def every_queue(django_db_setup: None, django_db_blocker: Any) -> Iterator[dict[str, Any]]:
    """tests/queue_seed.py's force, with something in every work queue of every role, seeded once per
    test module and shared by its tests instead of seeded by each (twenty tests seeded it, each in
    seconds of CPU). Each test runs inside it, pytest-django's transaction for the test being a
    savepoint in this one, so what a test changes is rolled back after it and the next test finds the
    seed as it was; the seed is rolled back after the module's last test. What it returns: the users
    by role and the crime that must lead the allocation queue (as seed_every_queue returns)."""
    from django.db import transaction

    from tests.queue_seed import seed_every_queue

    with django_db_blocker.unblock(), transaction.atomic():
        seeded = seed_every_queue()
        yield seeded
        transaction.set_rollback(True)


@pytest.fixture
def reference_data(db: None) -> None:
    """The reference code tables (offences, outcomes, NSIR codes, rules ...). They are in every test
    database already (see _reference_after_migrate); a test names this fixture to say it relies on them."""


@pytest.fixture
def no_reference_data(db: None) -> None:
    """Empty reference tables, for the tests of loading them: deleted inside the test's transaction, so
    the rollback brings them back for the next test (in a transactional test, the flush after it and
    _reference_after_migrate do). One DELETE a table: the ORM's delete looked in every table that names
    a reference table and wrote a history row for each of some five hundred rows, about a second a test.
    The foreign keys are checked at once, so a row elsewhere that still names a reference row fails here
    rather than being left dangling."""
    from django.apps import apps
    from django.db import connection, transaction

    from staffing.reference import registered_tables

    quote = connection.ops.quote_name
    with transaction.atomic(), connection.cursor() as cursor:
        for table in reversed(registered_tables()):  # a table that names another is registered after it
            cursor.execute(f"DELETE FROM {quote(apps.get_model(table.model)._meta.db_table)}")  # noqa: S608
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # checks the deferred foreign keys now
        cursor.execute("SET CONSTRAINTS ALL DEFERRED")  # and leaves them deferred, as Django declares them


# ---------------------------------------------------------------- a real Celery worker
class _CeleryWorker:
    """One `celery worker` subprocess per test process against the real Redis and the test database,
    shared by the tests that need one: starting it (Django, the app and its tasks imported afresh) cost
    about 5 s of CPU, and six tests each started their own. It is started again, on a new queue, when a
    test killed it or set up an environment (os.environ) other than the one it runs with, so every test
    still gets a live worker that reads what the test set; a new queue also leaves a killed worker's
    unacknowledged task behind, as a queue per test did."""

    IGNORED = frozenset({"PYTEST_CURRENT_TEST"})  # pytest names the running test here

    def __init__(self, database: str) -> None:
        self.database = database
        self.proc: subprocess.Popen[bytes] | None = None
        self.queue = ""
        self.environ: dict[str, str] = {}

    def _wanted(self) -> dict[str, str]:
        return {k: v for k, v in os.environ.items() if k not in self.IGNORED}

    def running(self) -> str:
        """The queue of a live worker started with the environment as it is now."""
        if self.proc is None or self.proc.poll() is not None or self.environ != self._wanted():
            self.stop()
            self._start()
        return self.queue

    def _start(self) -> None:
        self.environ = self._wanted()
        self.queue = f"test-{uuid.uuid4().hex[:10]}"  # unique, so no other worker on the machine takes it
        db = settings.DATABASES["default"]
        env = dict(self.environ)
        env.update(
            DJANGO_SETTINGS_MODULE="config.settings.test",
            DATABASE_URL=(
                f"postgres://{db['USER']}{':' + db['PASSWORD'] if db.get('PASSWORD') else ''}@{db['HOST']}:"
                f"{db['PORT'] or 5432}/{self.database}"
            ),
            TEST_DATABASE_NAME=self.database,
            CELERY_TASK_ALWAYS_EAGER="false",
            CELERY_BROKER_URL=settings.CELERY_BROKER_URL,
            CELERY_RESULT_BACKEND=settings.CELERY_RESULT_BACKEND,
        )
        log = ROOT / "test-artifacts" / f"worker-{self.queue}.log"
        log.parent.mkdir(exist_ok=True)
        with log.open("w") as out:
            self.proc = subprocess.Popen(
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
                    self.queue,
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
        deadline = time.monotonic() + 60
        while "ready." not in log.read_text():
            if self.proc.poll() is not None or time.monotonic() > deadline:
                self.stop()
                raise RuntimeError(f"Celery worker did not start:\n{log.read_text()}")
            time.sleep(0.2)

    def stop(self) -> None:
        if self.proc is None:
            return
        self.proc.terminate()
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self.proc = None


@pytest.fixture(scope="session")
def _celery_worker(django_db_setup: None) -> Iterator[_CeleryWorker]:
    from django.db import connection

    worker = _CeleryWorker(connection.settings_dict["NAME"])
    yield worker
    worker.stop()


@pytest.fixture
def celery_worker_process(transactional_db: None, _celery_worker: _CeleryWorker) -> str:
    """A real Celery worker (a subprocess) consuming the queue this returns, against the real Redis and
    the test database. Shared by the tests of this process (see _CeleryWorker); a test may kill it."""
    return _celery_worker.running()


@pytest.fixture
def celery_live(settings: Any) -> Iterator[None]:
    """Send tasks to the broker instead of running them in-process."""
    from config.celery import app

    settings.CELERY_TASK_ALWAYS_EAGER = False
    app.conf.task_always_eager = False
    yield
    app.conf.task_always_eager = True


# ---------------------------------------------------------------- headless Chromium
# Debian's headless shell, not the full browser: the same Blink without the browser's user interface.
# Measured on the 46 journeys here, Chromium's CPU fell from about 300 s to 165 s a run: a navigation
# costs half, a new context and page a quarter (0.07 against 0.16 s, 0.22 against 0.85 s, a static page).
# A machine that has only the full browser (apt-get install chromium) still runs them, at its cost.
CHROMIUM = os.environ.get("CHROMIUM_PATH") or next(
    (path for path in ("/usr/bin/chromium-headless-shell", "/usr/bin/chromium") if Path(path).exists()),
    "/usr/bin/chromium-headless-shell",
)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(
            f"{CHROMIUM} is missing: install Debian's headless Chromium "
            "(apt-get install chromium-headless-shell) or its full browser (chromium), or set CHROMIUM_PATH"
        )
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
    # Every wait is on a condition (an element, a navigation), so the timeout only bounds a hang. The
    # builds sharing this machine's two cores ran it at load 10-20, where a step that costs a second or two
    # of CPU (publishing the screen's patterns compiles them; the first letter sent loads WeasyPrint and
    # renders its PDF) took over 15 s and failed the journey for the machine's load, not the product's.
    page.set_default_timeout(30000)
    page.live_server_url = live_server.url  # type: ignore[attr-defined]
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
    """Sign in through the sign-in form, as a person does: for the journeys of signing in itself (the
    form, a wrong password, the lockout, the CSP of the sign-in page). Others use `sign_in`."""
    page.goto("/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.click("button[type=submit]")


def sign_in(page: Any, username: str, then: str = "/") -> None:
    """Sign `username` in without the form and open `then`: home, where the form leaves a person, unless
    the journey starts elsewhere (a page it would go to at once costs no home page first). Django's test
    client makes the session server-side as a successful sign-in does (django.contrib.auth.login, which
    sends user_logged_in and so stamps the session's activity), and its cookie goes into the browser.
    The form's three requests and two page renders cost about half a second of CPU a journey, and the
    form has journeys of its own (tests/test_e2e_login.py, tests/test_e2e_security.py)."""
    from django.contrib.auth import get_user_model
    from django.test import Client

    client = Client()
    client.force_login(
        get_user_model()._default_manager.get(username=username),
        backend="django.contrib.auth.backends.ModelBackend",  # the backend that checks passwords
    )
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    page.context.add_cookies(
        [{"name": cookie.key, "value": cookie.value, "url": page.live_server_url, "httpOnly": True}]
    )
    page.goto(then)


@pytest.fixture
def smtp_server(settings: Any) -> Iterator[list[Any]]:
    """A real SMTP server in this process (aiosmtpd) that Django's default mailer sends to; the
    messages it received, parsed (letters, issue 22)."""
    import email
    import email.policy
    import socket

    from aiosmtpd.controller import Controller

    received: list[Any] = []

    class Handler:
        async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802
            received.append(email.message_from_bytes(envelope.content, policy=email.policy.default))
            return "250 Message accepted for delivery"

    with socket.socket() as probe:  # a free port (aiosmtpd checks readiness by connecting to it)
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    controller = Controller(Handler(), hostname="127.0.0.1", port=port)
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", port, 5
    try:
        yield received
    finally:
        controller.stop()


AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"


def axe_violations(page: Any, impacts: tuple[str, ...] = ("serious", "critical")) -> list[dict[str, Any]]:
    """Run axe-core (WCAG 2.x A/AA rules) on the current page; return violations of the given impacts."""
    if not AXE.exists():
        pytest.fail("node_modules/axe-core is missing: run `npm ci` (make test does)")
    page.add_script_tag(path=str(AXE))
    # Every rule still runs; resultTypes only spares axe from gathering and returning every node of the
    # passes, incomplete and inapplicable results, which nothing here reads (a third of its CPU a page).
    result = page.evaluate(
        "() => axe.run(document, {resultTypes: ['violations'], runOnly: {type: 'tag', "
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
