"""The read-replica router (config/db_router.py): dashboard and export reads go to "replica" when
DATABASE_REPLICA_URL is set; everything else, and every write, to "default"."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection
from django.test import override_settings

from config.db_router import ReplicaRouter, primary_reads, replica_reads
from staffing.models import User

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.filterwarnings("ignore:Overriding setting DATABASES")


def _two_aliases() -> dict[str, dict[str, object]]:
    from django.conf import settings

    default = dict(settings.DATABASES["default"])
    return {"default": default, "replica": {**default, "TEST": {"MIRROR": "default"}}}


def test_it_reads_from_default_outside_a_replica_block() -> None:
    router = ReplicaRouter()
    with override_settings(DATABASES=_two_aliases()):
        assert router.db_for_read(User) == "default"
        assert router.db_for_write(User) == "default"


def test_it_sends_reads_inside_a_replica_block_to_the_replica_and_writes_to_default() -> None:
    router = ReplicaRouter()
    with override_settings(DATABASES=_two_aliases()), replica_reads():
        assert router.db_for_read(User) == "replica"
        assert router.db_for_write(User) == "default"
        with primary_reads():
            assert router.db_for_read(User) == "default"
        assert router.db_for_read(User) == "replica"
    with override_settings(DATABASES=_two_aliases()):
        assert router.db_for_read(User) == "default"


def test_without_a_replica_alias_a_replica_block_changes_nothing() -> None:
    with replica_reads():
        assert ReplicaRouter().db_for_read(User) == "default"
        assert User.objects.all().db == "default"


def test_as_a_decorator_it_routes_only_the_decorated_call() -> None:
    @replica_reads()
    def dashboard() -> str:
        return ReplicaRouter().db_for_read(User)

    with override_settings(DATABASES=_two_aliases()):
        assert dashboard() == "replica"
        assert ReplicaRouter().db_for_read(User) == "default"


def test_it_never_migrates_the_replica() -> None:
    router = ReplicaRouter()
    assert router.allow_migrate("default", "recording")
    assert not router.allow_migrate("replica", "recording")


@pytest.mark.django_db
def test_with_database_replica_url_querysets_in_a_replica_block_run_on_the_replica() -> None:
    """Two aliases pointing at the same (migrated) test database, configured from the environment."""
    db = connection.settings_dict
    url = f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"
    code = (
        "import django; django.setup()\n"
        "from django.conf import settings\n"
        "from django.db import connections\n"
        "from config.db_router import replica_reads\n"
        "from recording.models import Offence\n"
        "with replica_reads():\n"
        "    qs = Offence.objects.all()\n"
        "    print(qs.db, qs.exists() in (True, False))\n"
        "print(Offence.objects.all().db, settings.DATABASES['replica']['TEST']['MIRROR'])\n"
        "names = {connections[a].settings_dict['NAME'] for a in ('replica', 'default')}\n"
        "print(len(names) == 1)\n"
    )
    env = {**os.environ, "DATABASE_URL": url, "DATABASE_REPLICA_URL": url}
    env["DJANGO_SETTINGS_MODULE"] = "config.settings.test"
    proc = subprocess.run(  # noqa: S603
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )
    assert proc.stdout.split() == ["replica", "True", "default", "default", "True"], proc.stderr


def test_the_daily_dashboard_figures_read_from_the_replica(monkeypatch: pytest.MonkeyPatch) -> None:
    import datetime as dt

    from qa import compliance

    seen: list[str] = []

    def spy(*args: object, **kwargs: object) -> dict[str, object]:
        seen.append(ReplicaRouter().db_for_read(User))
        return {}

    figures = (
        "timeliness_figures",
        "unrecorded_open_at",
        "dip_test_figures",
        "complaint_figures",
        "victims_code_figures",
    )
    for name in figures:
        monkeypatch.setattr(compliance, name, spy)
    with override_settings(DATABASES=_two_aliases()):
        compliance.daily_figures(dt.date(2026, 3, 1))
        assert ReplicaRouter().db_for_read(User) == "default"
    assert seen == ["replica"] * len(figures)


@pytest.mark.django_db(transaction=True)
def test_the_daily_figures_answer_from_many_threads_at_once() -> None:
    """State per call, never per instance (STYLE.md 13): `@replica_reads()` decorates daily_figures once,
    and every thread entering it must set and reset its own routing token. Sixteen threads at once, each
    several times, and not one error (before: "token was created in a different Context")."""
    import threading
    from datetime import date

    from django.db import connections

    from qa.compliance import daily_figures

    errors: list[BaseException] = []
    answers: list[str] = []
    start = threading.Barrier(16)

    def work() -> None:
        try:
            start.wait()
            for _ in range(5):
                answers.append(daily_figures(date(2026, 3, 1))["date"])
        except BaseException as exc:  # noqa: BLE001 - every failure is the finding
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=work) for _ in range(16)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert errors == []
    assert answers == ["2026-03-01"] * 80


def test_replica_blocks_in_threads_route_only_their_own_reads() -> None:
    """One thread inside the decorated call never sends another thread's reads to the replica."""
    import threading

    router = ReplicaRouter()
    inside = threading.Event()
    release = threading.Event()
    seen: dict[str, str] = {}

    @replica_reads()
    def dashboard() -> None:
        inside.set()
        release.wait(timeout=10)
        seen["inside"] = router.db_for_read(User)

    with override_settings(DATABASES=_two_aliases()):
        thread = threading.Thread(target=dashboard)
        thread.start()
        inside.wait(timeout=10)
        seen["other"] = router.db_for_read(User)
        release.set()
        thread.join(timeout=10)
    assert seen == {"inside": "replica", "other": "default"}
