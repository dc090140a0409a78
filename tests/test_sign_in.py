"""Sign-in hardening (issue 10 part 3): lockout after repeated failures (django-axes), password
validators, idle sign-out for shared terminals, CSRF, a Content-Security-Policy with no inline script,
and the production cookie / HSTS / framing settings."""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.test import Client

from config.middleware import LAST_ACTIVITY_KEY
from tests.test_settings import _run

ROOT = Path(__file__).resolve().parent.parent
LOGIN = "/accounts/login/"
PASSWORD = "correct-horse-battery"


def _sign_in(client: Client, username: str, password: str, address: str = "127.0.0.1") -> Any:
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address)


# ---------------------------------------------------------------- lockout
@pytest.mark.django_db
def test_five_wrong_passwords_lock_that_username_from_that_address(
    client: Client, make_user: Callable[..., Any], settings: Any
) -> None:
    make_user("recorder", username="rec", password=PASSWORD)
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert _sign_in(client, "rec", "wrong-password").status_code == 200
    locked = _sign_in(client, "rec", "wrong-password")
    assert locked.status_code == 429
    assert "Sign-in is locked for now" in locked.content.decode()
    # Even the right password is refused while the lock lasts, and no session is started.
    again = _sign_in(client, "rec", PASSWORD)
    assert again.status_code == 429
    assert client.get("/").status_code == 302


@pytest.mark.django_db
def test_the_lock_is_per_username_and_address(
    client: Client, make_user: Callable[..., Any], settings: Any
) -> None:
    make_user("recorder", username="rec", password=PASSWORD)
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _sign_in(client, "rec", "wrong-password")
    # The same person at another terminal can still sign in.
    response = _sign_in(Client(), "rec", PASSWORD, address="10.1.2.3")
    assert response.status_code == 302 and response["Location"] == "/"


@pytest.mark.django_db
def test_a_successful_sign_in_clears_earlier_failures(
    client: Client, make_user: Callable[..., Any], settings: Any
) -> None:
    make_user("recorder", username="rec", password=PASSWORD)
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        _sign_in(client, "rec", "wrong-password")
    assert _sign_in(client, "rec", PASSWORD).status_code == 302
    client.post("/accounts/logout/")
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        _sign_in(client, "rec", "wrong-password")
    assert _sign_in(client, "rec", PASSWORD).status_code == 302


def test_lockout_defaults_are_five_failures_and_fifteen_minutes() -> None:
    proc = _run(
        [
            "-c",
            "import django;django.setup();from django.conf import settings as s;"
            "print(s.AXES_FAILURE_LIMIT, int(s.AXES_COOLOFF_TIME.total_seconds()),"
            " s.AXES_LOCKOUT_PARAMETERS)",
        ],
        {},
        "config.settings.local",
    )
    assert proc.stdout.strip() == "5 900 [['username', 'ip_address']]", proc.stderr


# ---------------------------------------------------------------- passwords
@pytest.mark.parametrize("password", ["short-pw", "password1234", "12345678901234"])
def test_weak_passwords_are_refused(password: str) -> None:
    with pytest.raises(ValidationError):
        validate_password(password)


def test_a_long_uncommon_password_is_accepted() -> None:
    validate_password("amber-kestrel-lantern-42")


# ---------------------------------------------------------------- idle sign-out
def _idle_for(client: Client, seconds: int) -> None:
    session = client.session
    session[LAST_ACTIVITY_KEY] = int(time.time()) - seconds
    session.save()


@pytest.mark.django_db
def test_an_idle_session_is_signed_out_with_a_message(
    client: Client, make_user: Callable[..., Any], settings: Any
) -> None:
    settings.RESOLVE_IDLE_TIMEOUT_MINUTES = 30
    client.force_login(make_user("recorder"))
    assert client.get("/").status_code == 200
    _idle_for(client, 31 * 60)
    response = client.get("/", follow=True)
    assert response.redirect_chain[0][0].startswith(LOGIN)
    assert "signed out after 30 minutes without activity" in response.content.decode()
    assert not response.context["user"].is_authenticated


@pytest.mark.django_db
def test_activity_within_the_timeout_keeps_the_session(
    client: Client, make_user: Callable[..., Any], settings: Any
) -> None:
    settings.RESOLVE_IDLE_TIMEOUT_MINUTES = 30
    client.force_login(make_user("recorder"))
    client.get("/")
    _idle_for(client, 29 * 60)
    assert client.get("/").status_code == 200
    # ...and that request counted as activity: the clock starts again.
    assert int(time.time()) - client.session[LAST_ACTIVITY_KEY] < 5


@pytest.mark.django_db
def test_the_idle_timeout_is_configurable(
    client: Client, make_user: Callable[..., Any], settings: Any
) -> None:
    settings.RESOLVE_IDLE_TIMEOUT_MINUTES = 5
    client.force_login(make_user("recorder"))
    client.get("/")
    _idle_for(client, 6 * 60)
    assert client.get("/").status_code == 302


@pytest.mark.django_db
def test_token_api_clients_are_not_affected_by_idle_sign_out(
    api_as: Callable[..., Any], settings: Any
) -> None:
    settings.RESOLVE_IDLE_TIMEOUT_MINUTES = 0
    client = api_as("recorder")
    assert client.get("/api/v1/me/").status_code == 200
    assert client.get("/api/v1/me/").status_code == 200


# ---------------------------------------------------------------- CSRF and CSP
@pytest.mark.django_db
def test_a_form_post_without_the_csrf_token_is_refused(make_user: Callable[..., Any]) -> None:
    make_user("recorder", username="rec", password=PASSWORD)
    client = Client(enforce_csrf_checks=True)
    assert client.post(LOGIN, {"username": "rec", "password": PASSWORD}).status_code == 403


@pytest.mark.django_db
def test_pages_carry_the_csrf_token_for_htmx(client: Client, make_user: Callable[..., Any]) -> None:
    client.force_login(make_user("recorder"))
    html = client.get("/").content.decode()
    assert re.search(r"""<body hx-headers='\{"X-CSRFToken": "[A-Za-z0-9]{32,}"\}'>""", html)


@pytest.mark.django_db
def test_every_page_sends_a_strict_content_security_policy(client: Client) -> None:
    policy = client.get(LOGIN)["Content-Security-Policy"]
    directives = dict(d.strip().split(" ", 1) for d in policy.split(";"))
    assert directives["default-src"] == "'self'"
    assert directives["script-src"] == "'self'"
    assert directives["style-src"] == "'self'"
    assert directives["img-src"] == "'self' data:"
    assert directives["frame-ancestors"] == "'none'"
    assert directives["form-action"] == "'self'"
    assert "unsafe" not in policy


@pytest.mark.django_db
def test_pages_may_not_be_framed(client: Client) -> None:
    assert client.get(LOGIN)["X-Frame-Options"] == "DENY"


def _template_files() -> list[Path]:
    dirs = [
        ROOT / "templates",
        *(ROOT / app / "templates" for app in ("staffing", "recording", "complaints", "qa")),
    ]
    return sorted(p for d in dirs if d.exists() for p in d.rglob("*.html"))


def test_no_template_has_inline_script_or_event_handlers() -> None:
    offenders = []
    for path in _template_files():
        text = path.read_text()
        for match in re.finditer(r"<script\b[^>]*>", text):
            if "src=" not in match.group(0):
                offenders.append(f"{path.relative_to(ROOT)}: inline <script>")
        if re.search(r"\son[a-z]+\s*=", text):
            offenders.append(f"{path.relative_to(ROOT)}: inline event handler (onclick=...)")
        # Letters are documents rendered to PDF too, so their stylesheet travels inside them; their HTML
        # view is served with config.csp.INLINE_STYLE_CSP (inline styles, never scripts).
        letter = path.as_posix().endswith("staffing/letters/document.html")
        if not letter and (re.search(r"<style\b", text) or re.search(r"\sstyle\s*=", text)):
            offenders.append(f"{path.relative_to(ROOT)}: inline style")
    assert _template_files() and not offenders, "\n".join(offenders)


def test_production_uses_secure_cookies_hsts_and_frame_denial() -> None:
    proc = _run(
        [
            "-c",
            "import django;django.setup();from django.conf import settings as s;"
            "print(s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SESSION_COOKIE_HTTPONLY, "
            "s.SECURE_HSTS_SECONDS >= 31536000, s.SECURE_SSL_REDIRECT, s.X_FRAME_OPTIONS)",
        ],
        {
            "SECRET_KEY": "x" * 20 + "-a-long-random-production-secret-value-0123456789",
            "ALLOWED_HOSTS": "resolve.example.police.uk",
            "DATABASE_URL": "postgres://u@127.0.0.1:5432/resolve",
        },
        "config.settings.production",
    )
    assert proc.stdout.split() == ["True", "True", "True", "True", "True", "DENY"], proc.stderr


@pytest.mark.django_db
def test_background_polls_do_not_keep_an_idle_session_alive(
    client: Client, make_user: Callable[..., Any], settings: Any
) -> None:
    settings.RESOLVE_IDLE_TIMEOUT_MINUTES = 30
    client.force_login(make_user("recorder"))
    client.get("/")
    _idle_for(client, 20 * 60)
    poll = {"HTTP_HX_REQUEST": "true", "HTTP_X_RESOLVE_BACKGROUND": "1"}
    assert client.get("/", **poll).status_code == 200  # still within the timeout: served...
    assert int(time.time()) - client.session[LAST_ACTIVITY_KEY] >= 20 * 60  # ...but not counted
    _idle_for(client, 31 * 60)
    expired = client.get("/", HTTP_HX_CURRENT_URL="http://testserver/", **poll)
    # htmx is told to load the sign-in page as a whole page, not to swap it into the queue panel.
    assert expired.status_code == 401
    assert expired["HX-Redirect"] == "/accounts/login/?next=/"


def test_the_home_page_poll_is_marked_as_background() -> None:
    html = (ROOT / "templates" / "home.html").read_text()
    assert 'hx-trigger="every 60s"' in html and """hx-headers='{"X-Resolve-Background": "1"}'""" in html
