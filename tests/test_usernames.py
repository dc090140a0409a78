"""Usernames are unique whatever their case (issue 20 part 6): "Alice" and "alice" would be two people
the access log, the sign-in lock and a reader could not tell apart."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

import pytest
from django.apps import apps
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import IntegrityError, connection, transaction
from django.test import Client

from staffing.models import User

pytestmark = pytest.mark.django_db


def _admin(make_user: Callable[..., Any]) -> Client:
    client = Client()
    client.force_login(make_user("admin", is_staff=True, is_superuser=True))
    return client


def test_the_database_refuses_a_username_differing_only_in_case(make_user: Callable[..., Any]) -> None:
    make_user(username="alice")
    with pytest.raises(IntegrityError), transaction.atomic():
        User.objects.create(username="ALICE")


def test_create_user_refuses_a_username_differing_only_in_case(make_user: Callable[..., Any]) -> None:
    make_user("recorder", username="alice")
    with pytest.raises(CommandError, match="already a user 'alice'"):
        call_command("create_user", "Alice", "--role", "sergeant")
    assert list(User.objects.values_list("username", "role")) == [("alice", "recorder")]


def test_the_admin_refuses_a_new_or_renamed_user_differing_only_in_case(
    make_user: Callable[..., Any],
) -> None:
    make_user(username="alice")
    client = _admin(make_user)
    added = client.post(
        "/admin/staffing/user/add/",
        {
            "username": "ALICE",
            "password1": "a-long-enough-passphrase",
            "password2": "a-long-enough-passphrase",
        },
    )
    assert added.status_code == 200
    assert "already" in str(added.context["adminform"].form.errors["username"])
    assert not User.objects.filter(username="ALICE").exists()
    bob = make_user(username="bob")
    form = client.get(f"/admin/staffing/user/{bob.pk}/change/").context["adminform"].form
    data = {
        k: v for k, v in form.initial.items() if v is not None and k not in ("groups", "user_permissions")
    }
    data.update(username="Alice", team="", date_joined_0="01/01/2026", date_joined_1="09:00:00")
    data.pop("date_joined", None)
    data.pop("last_login", None)
    renamed = client.post(f"/admin/staffing/user/{bob.pk}/change/", data)
    assert renamed.status_code == 200
    assert "already a user" in str(renamed.context["adminform"].form.errors["username"])
    assert sorted(User.objects.values_list("username", flat=True))[:2] == ["alice", "bob"]


def test_signing_in_finds_the_account_whatever_the_case_typed(make_user: Callable[..., Any]) -> None:
    user = make_user(username="alice")
    user.set_password("a-long-enough-passphrase")
    user.save()
    client = Client()
    response = client.post("/accounts/login/", {"username": "ALICE", "password": "a-long-enough-passphrase"})
    assert response.status_code == 302
    assert int(client.session["_auth_user_id"]) == user.pk


def test_the_migration_stops_and_names_accounts_that_clash(make_user: Callable[..., Any]) -> None:
    """Nothing is merged or renamed silently: the migration names each clashing group and stops."""
    migration = importlib.import_module("staffing.migrations.0011_username_unique_any_case")
    constraint = next(c for c in User._meta.constraints if c.name == "user_username_unique_any_case")
    with transaction.atomic():
        with connection.schema_editor() as editor:
            editor.remove_constraint(User, constraint)
        make_user(username="carol")
        make_user(username="Carol")
        make_user(username="dave")
        with pytest.raises(RuntimeError, match="Carol, carol") as refused:
            migration.refuse_usernames_differing_only_in_case(apps, None)
        assert "dave" not in str(refused.value)
        transaction.set_rollback(True)


def test_the_migration_passes_when_nothing_clashes(make_user: Callable[..., Any]) -> None:
    migration = importlib.import_module("staffing.migrations.0011_username_unique_any_case")
    make_user(username="erin")
    migration.refuse_usernames_differing_only_in_case(apps, None)
