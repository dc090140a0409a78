"""`make backup` / `make restore` (issue 10 part 6): a dump of a database with records in it, restored
into a fresh database, holds every record of every table; restore never overwrites a database."""

from __future__ import annotations

import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psycopg2
import pytest
from django.db import connection
from psycopg2 import sql

from config.backup import libpq_url
from staffing.models import AccessLog, Team, User
from staffing.tests.factories import TeamFactory, UserFactory

ROOT = Path(__file__).resolve().parent.parent


def _database_url(name: str) -> str:
    s = connection.settings_dict
    auth = s["USER"] + (f":{s['PASSWORD']}" if s.get("PASSWORD") else "")
    return f"postgres://{auth}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/{name}"


def _run(args: list[str], database_url: str) -> subprocess.CompletedProcess[str]:
    import os

    env = {**os.environ, "DATABASE_URL": database_url}
    return subprocess.run(
        [sys.executable, "-m", "config.backup", *args], cwd=ROOT, env=env, capture_output=True, text=True
    )


def _fingerprints(database_url: str) -> dict[str, tuple[int, str]]:
    """Every table in the public schema: its row count and an md5 of all its rows in a fixed order."""
    conn = psycopg2.connect(libpq_url(database_url))
    try:
        with conn.cursor() as cur:
            cur.execute(
                "SELECT table_name FROM information_schema.tables "
                "WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name"
            )
            tables = [row[0] for row in cur.fetchall()]
            out = {}
            for table in tables:
                cur.execute(
                    sql.SQL(
                        "SELECT count(*), md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), ''))"
                        " FROM {} t"
                    ).format(sql.Identifier(table))
                )
                count, digest = cur.fetchone()  # type: ignore[misc]
                out[table] = (count, digest)
            return out
    finally:
        conn.close()


@pytest.fixture
def scratch_database() -> Iterator[str]:
    name = f"resolve_restore_{uuid.uuid4().hex[:10]}"
    yield name
    conn = psycopg2.connect(libpq_url(_database_url("postgres")))
    conn.autocommit = True
    with conn.cursor() as cur:
        cur.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
    conn.close()


@pytest.mark.django_db(transaction=True)
def test_a_restored_backup_holds_every_record(
    reference_data: None, scratch_database: str, tmp_path: Any
) -> None:
    team = TeamFactory(code="RC-BK", name="Backup team")
    people = [UserFactory(role=role, team=team) for role in ("investigator", "sergeant", "recorder")]
    AccessLog.objects.create(user=people[0], record_type="crime", record_id="42", purpose="Review")
    source_url = _database_url(connection.settings_dict["NAME"])
    dump = tmp_path / "resolve.dump"

    made = _run(["backup", "--file", str(dump)], source_url)
    assert made.returncode == 0, made.stderr
    restored = _run(["restore", "--file", str(dump), "--database", scratch_database], source_url)
    assert restored.returncode == 0, restored.stderr

    before, after = _fingerprints(source_url), _fingerprints(_database_url(scratch_database))
    assert after == before
    # ...and the records we made are among them, with their history.
    assert before["staffing_team"][0] == Team.objects.count() >= 1
    assert before["staffing_user"][0] == User.objects.count() == 3
    assert before["staffing_historicaluser"][0] >= 3
    assert before["recording_offence"][0] > 100


@pytest.mark.django_db(transaction=True)
def test_restore_refuses_to_overwrite_an_existing_database(tmp_path: Any) -> None:
    existing = connection.settings_dict["NAME"]
    dump = tmp_path / "resolve.dump"
    url = _database_url(existing)
    assert _run(["backup", "--file", str(dump)], url).returncode == 0
    refused = _run(["restore", "--file", str(dump), "--database", existing], url)
    assert refused.returncode == 1
    assert "already exists" in refused.stderr


def test_backup_without_database_url_says_what_to_set() -> None:
    result = _run(["backup"], "")
    assert result.returncode == 1
    assert "Set DATABASE_URL" in result.stderr


@pytest.mark.django_db(transaction=True)
def test_restoring_a_truncated_backup_leaves_no_partly_filled_database(
    reference_data: None, scratch_database: str, tmp_path: Any
) -> None:
    """A dump cut short (a full disk, a copy interrupted) is refused whole: the restore says so, and no
    database by that name is left holding the tables before the cut."""
    source_url = _database_url(connection.settings_dict["NAME"])
    dump = tmp_path / "resolve.dump"
    assert _run(["backup", "--file", str(dump)], source_url).returncode == 0
    whole = dump.read_bytes()
    truncated = tmp_path / "truncated.dump"
    truncated.write_bytes(whole[: len(whole) * 3 // 4])

    refused = _run(["restore", "--file", str(truncated), "--database", scratch_database], source_url)
    assert refused.returncode == 1
    assert "nothing was restored" in refused.stderr
    conn = psycopg2.connect(libpq_url(_database_url("postgres")))
    try:
        with conn.cursor() as cur:
            cur.execute("SELECT count(*) FROM pg_database WHERE datname = %s", [scratch_database])
            assert cur.fetchone() == (0,)
    finally:
        conn.close()
