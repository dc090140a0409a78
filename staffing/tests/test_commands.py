"""The create_user / create_team contract (contracts/API.md, "Command: create a user")."""

from __future__ import annotations

import subprocess
import sys
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from rest_framework.test import APIClient

from staffing.authentication import key_digest
from staffing.models import ApiKey, Team, User
from staffing.tests.factories import TeamFactory, UserFactory

pytestmark = pytest.mark.django_db


def run(*args: str, env: dict[str, str] | None = None) -> str:
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_it_creates_a_team_with_default_capacity_11() -> None:
    run("create_team", "RC-A", "--name", "Resolution Centre A")
    team = Team.objects.get(code="RC-A")
    assert team.name == "Resolution Centre A"
    assert team.capacity == 11


def test_it_creates_a_team_with_a_given_capacity() -> None:
    run("create_team", "RC-B", "--name", "B", "--capacity", "3")
    assert Team.objects.get(code="RC-B").capacity == 3


def test_it_refuses_a_duplicate_team_code() -> None:
    TeamFactory(code="RC-A")
    with pytest.raises(CommandError, match="already exists"):
        run("create_team", "RC-A", "--name", "Again")
    assert Team.objects.count() == 1


def test_it_refuses_a_zero_capacity() -> None:
    with pytest.raises(CommandError, match="Capacity"):
        run("create_team", "RC-Z", "--name", "Z", "--capacity", "0")
    assert not Team.objects.exists()


def test_it_creates_a_user_with_role_team_and_token_on_the_last_line() -> None:
    TeamFactory(code="RC-A")
    out = run("create_user", "alice", "--role", "investigator", "--team", "RC-A", "--token")
    user = User.objects.get(username="alice")
    assert user.role == "investigator"
    assert user.team.code == "RC-A"
    assert ApiKey.objects.get(user=user).digest == key_digest(out.strip().splitlines()[-1])
    assert not user.has_usable_password()


def test_it_takes_the_password_from_resolve_password(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RESOLVE_PASSWORD", "a-long-enough-passphrase")
    run("create_user", "bob", "--role", "sergeant")
    assert User.objects.get(username="bob").check_password("a-long-enough-passphrase")


def test_it_refuses_a_weak_resolve_password(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RESOLVE_PASSWORD", "123")
    with pytest.raises(CommandError, match="too weak"):
        run("create_user", "bob", "--role", "sergeant")
    assert not User.objects.filter(username="bob").exists()


def test_it_updates_the_role_and_team_of_an_existing_user() -> None:
    TeamFactory(code="RC-B")
    UserFactory(username="carol", role="recorder")
    out = run("create_user", "carol", "--role", "sergeant", "--team", "RC-B")
    carol = User.objects.get(username="carol")
    assert (carol.role, carol.team.code) == ("sergeant", "RC-B")
    assert "Updated" in out
    assert carol.history.first().history_change_reason == "create_user command"


def _works(key: str) -> bool:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    return client.get("/api/v1/me/").status_code == 200


def test_token_again_for_an_existing_user_prints_a_new_key_and_the_old_one_stops() -> None:
    """Keys are kept only as digests (SECURITY.md), so one cannot be printed twice: asking again makes
    a new key."""
    first = run("create_user", "dave", "--role", "admin", "--token").strip().splitlines()[-1]
    second = run("create_user", "dave", "--role", "admin", "--token").strip().splitlines()[-1]
    assert first != second
    assert not _works(first)
    assert _works(second)


def test_it_refuses_a_bad_role_and_changes_nothing() -> None:
    UserFactory(username="erin", role="recorder")
    with pytest.raises(CommandError, match="Unknown role 'constable'"):
        run("create_user", "erin", "--role", "constable")
    with pytest.raises(CommandError):
        run("create_user", "newbie", "--role", "constable")
    assert User.objects.get(username="erin").role == "recorder"
    assert not User.objects.filter(username="newbie").exists()


def test_it_refuses_an_unknown_team_and_changes_nothing() -> None:
    with pytest.raises(CommandError, match="Unknown team 'NOPE'"):
        run("create_user", "frank", "--role", "investigator", "--team", "NOPE", "--token")
    assert not User.objects.filter(username="frank").exists()
    assert not ApiKey.objects.exists()


def test_it_refuses_an_investigator_for_a_full_team_and_changes_nothing() -> None:
    team = TeamFactory(code="RC-S", capacity=2)
    UserFactory.create_batch(2, role="investigator", team=team)
    UserFactory(username="gina", role="recorder")
    with pytest.raises(CommandError, match="full"):
        run("create_user", "gina", "--role", "investigator", "--team", "RC-S")
    with pytest.raises(CommandError, match="full"):
        run("create_user", "harry", "--role", "investigator", "--team", "RC-S")
    assert User.objects.get(username="gina").role == "recorder"
    assert not User.objects.filter(username="harry").exists()


def test_a_full_team_still_takes_its_sergeant_and_recorders() -> None:
    team = TeamFactory(code="RC-S", capacity=1)
    UserFactory(role="investigator", team=team)
    run("create_user", "sgt", "--role", "sergeant", "--team", "RC-S")
    run("create_user", "rec", "--role", "recorder", "--team", "RC-S")
    team.refresh_from_db()
    assert team.sergeant.username == "sgt"


def test_an_investigator_already_in_a_full_team_can_be_updated() -> None:
    team = TeamFactory(code="RC-S", capacity=1)
    UserFactory(username="ivan", role="investigator", team=team)
    run("create_user", "ivan", "--role", "investigator", "--team", "RC-S")
    assert User.objects.get(username="ivan").team == team


@pytest.mark.django_db(transaction=True)
def test_the_command_line_prints_one_line_on_stderr_and_exits_1() -> None:
    """Through a real process: the exit status and stderr an outside script sees."""
    from django.db import connection

    env_db = connection.settings_dict
    import os

    env = dict(os.environ)
    env["DATABASE_URL"] = (
        f"postgres://{env_db['USER']}@{env_db['HOST']}:{env_db['PORT'] or 5432}/{env_db['NAME']}"
    )
    env["TEST_DATABASE_NAME"] = env_db["NAME"]
    env["DJANGO_SETTINGS_MODULE"] = "config.settings.test"
    proc = subprocess.run(
        [sys.executable, "manage.py", "create_user", "zed", "--role", "wizard"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert proc.returncode == 1
    assert len(proc.stderr.strip().splitlines()) == 1
    assert "Unknown role 'wizard'" in proc.stderr
    ok = subprocess.run(
        [sys.executable, "manage.py", "create_user", "zed", "--role", "manager", "--token"],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    key = ok.stdout.strip().splitlines()[-1]
    assert ApiKey.objects.get(user__username="zed").digest == key_digest(key)
