"""What people trip on at the sign-in page (issue 20 part 8): a warning before the last try, a password
reset by e-mail (Django's own views, sent through a real SMTP server: aiosmtpd in-process), and /rules/
opening the rule catalogue."""

from __future__ import annotations

import re
import socket
from collections.abc import Callable, Iterator
from email import message_from_bytes
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.handlers import Message
from django.test import Client

from staffing.services import user_token

LOGIN = "/accounts/login/"
PASSWORD = "correct-horse-battery"
NEW_PASSWORD = "a-brand-new-passphrase-7"
pytestmark = pytest.mark.django_db


def _sign_in(client: Client, username: str, password: str) -> Any:
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR="127.0.0.1")


# ---------------------------------------------------------------- the last try
def test_the_sign_in_page_warns_before_the_last_try(
    client: Client, make_user: Callable[..., Any], settings: Any
) -> None:
    make_user("recorder", username="rec", password=PASSWORD)
    for _ in range(settings.AXES_FAILURE_LIMIT - 2):
        page = _sign_in(client, "rec", "wrong-password").content.decode()
        assert "One try left" not in page
    warned = _sign_in(client, "rec", "wrong-password")
    assert warned.status_code == 200
    text = warned.content.decode()
    assert "One try left" in text
    assert "for 15 minutes" in text
    assert 'href="/accounts/password-reset/"' in text
    assert _sign_in(client, "rec", "wrong-password").status_code == 429


def test_changing_the_case_of_the_username_gives_no_extra_tries(
    client: Client, make_user: Callable[..., Any], settings: Any
) -> None:
    """Sign-in finds "REC" as rec, so the lock counts them as one username."""
    make_user("recorder", username="rec", password=PASSWORD)
    spellings = ["rec", "REC", "Rec", "rEc", "reC", "REc"]
    answers = [_sign_in(client, name, "wrong-password").status_code for name in spellings]
    assert answers[: settings.AXES_FAILURE_LIMIT - 1] == [200] * (settings.AXES_FAILURE_LIMIT - 1)
    assert answers[settings.AXES_FAILURE_LIMIT - 1] == 429
    assert _sign_in(client, "rec", PASSWORD).status_code == 429


# ---------------------------------------------------------------- password reset by e-mail
@pytest.fixture
def smtp(settings: Any) -> Iterator[list[Any]]:
    """A real SMTP server in this process; Django's SMTP backend sends to it."""
    received: list[Any] = []

    class Keep(Message):
        def handle_message(self, message: Any) -> None:
            received.append(message)

        def prepare_message(self, session: Any, envelope: Any) -> Any:
            return message_from_bytes(envelope.content)

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    controller = Controller(Keep(), hostname="127.0.0.1", port=port)
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
    try:
        yield received
    finally:
        controller.stop()


def test_a_password_is_reset_by_e_mail_and_the_old_key_stops(
    client: Client, make_user: Callable[..., Any], smtp: list[Any]
) -> None:
    user = make_user("investigator", username="ivy", email="ivy@force.example", password=PASSWORD)
    key = user_token(user=user)
    assert 'href="/accounts/password-reset/"' in client.get(LOGIN).content.decode()
    sent = client.post("/accounts/password-reset/", {"email": "IVY@force.example"})
    assert sent.status_code == 302 and sent["Location"] == "/accounts/password-reset/sent/"
    assert len(smtp) == 1
    mail = smtp[0]
    assert mail["To"] == "ivy@force.example"
    assert mail["Subject"] == "Resolve: reset your password"
    link = re.search(r"http://testserver(/accounts/reset/\S+/)", mail.get_payload()).group(1)
    form = client.get(link, follow=True)
    assert form.status_code == 200 and "Set a new password" in form.content.decode()
    done = client.post(
        form.redirect_chain[-1][0], {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}
    )
    assert done.status_code == 302 and done["Location"] == "/accounts/reset/done/"
    assert _sign_in(Client(), "ivy", NEW_PASSWORD).status_code == 302
    assert _sign_in(Client(), "ivy", PASSWORD).status_code == 200
    api = Client().get("/api/v1/me/", HTTP_AUTHORIZATION=f"Token {key}")
    assert api.status_code == 401
    # The link works once.
    assert "has been used already" in client.get(link, follow=True).content.decode()


def test_an_unknown_address_answers_the_same_and_sends_nothing(client: Client, smtp: list[Any]) -> None:
    sent = client.post("/accounts/password-reset/", {"email": "nobody@force.example"})
    assert sent.status_code == 302 and sent["Location"] == "/accounts/password-reset/sent/"
    assert smtp == []


# ---------------------------------------------------------------- /rules/
def test_rules_opens_the_rule_catalogue(client: Client, make_user: Callable[..., Any]) -> None:
    assert client.get("/rules/")["Location"].startswith(LOGIN)
    client.force_login(make_user("recorder"))
    assert client.get("/rules/")["Location"] == "/staffing/rules/"
    assert client.get("/rules/", {"q": "victim"})["Location"] == "/staffing/rules/?q=victim"
    assert client.get("/rules/R-NCRS-24H/")["Location"] == "/staffing/rules/R-NCRS-24H/"
