"""Faults survived (issue 10 part 5, the foundation's share): PostgreSQL unreachable -> a clean 503 with
Retry-After for pages and the API, then recovery; the Celery broker unreachable -> pages still served,
with a "background work is delayed" banner."""

from __future__ import annotations

import socket
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from django.db import OperationalError, connection
from django.test import Client, RequestFactory

from config import faults
from config.middleware import DatabaseUnavailableMiddleware

BANNER = "Background work is delayed"


def _closed_port() -> int:
    """A local TCP port with nothing listening on it."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def database_away() -> Iterator[Callable[[bool], None]]:
    """Call with True to point Django's connection at a closed port (as if PostgreSQL were down or
    restarting), False to bring it back. Always restored at the end."""
    original = connection.settings_dict["PORT"]
    port = _closed_port()

    def away(down: bool) -> None:
        connection.close()
        connection.settings_dict["PORT"] = port if down else original

    yield away
    away(False)


# ---------------------------------------------------------------- PostgreSQL away
@pytest.mark.django_db(transaction=True)
def test_a_page_answers_503_while_the_database_is_away_then_recovers(
    make_user: Callable[..., Any], database_away: Callable[[bool], None]
) -> None:
    client = Client(raise_request_exception=False)
    client.force_login(make_user("recorder"))
    database_away(True)
    response = client.get("/")
    database_away(False)
    html = response.content.decode()
    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    assert "Resolve is briefly unavailable" in html
    assert "Traceback" not in html
    assert client.get("/").status_code == 200


@pytest.mark.django_db(transaction=True)
def test_the_api_answers_503_json_while_the_database_is_away(
    api_as: Callable[..., Any], database_away: Callable[[bool], None]
) -> None:
    client = api_as("recorder")
    database_away(True)
    response = client.get("/api/v1/me/")
    database_away(False)
    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    assert "temporarily unavailable" in response.json()["detail"]
    assert client.get("/api/v1/me/").status_code == 200


def test_a_view_that_loses_the_database_gets_the_503_page_not_a_500() -> None:
    middleware = DatabaseUnavailableMiddleware(lambda request: None)  # type: ignore[arg-type,return-value]
    request = RequestFactory().get("/recording/reference/offences/")
    response = middleware.process_exception(request, OperationalError("server closed the connection"))
    assert response is not None and response.status_code == 503
    assert "Resolve is briefly unavailable" in response.content.decode()
    # Other faults are not disguised as outages.
    assert middleware.process_exception(request, ValueError("a bug")) is None


def test_other_faults_get_a_plain_500_page() -> None:
    from config.views import server_error

    request = RequestFactory().get("/")
    try:
        raise ValueError("a bug")
    except ValueError:
        response = server_error(request)
    assert response.status_code == 500
    assert "Something went wrong" in response.content.decode()


# ---------------------------------------------------------------- the broker away
@pytest.fixture
def live_broker_check(settings: Any) -> Iterator[Any]:
    settings.CELERY_TASK_ALWAYS_EAGER = False
    faults.broker_check_reset()
    yield settings
    faults.broker_check_reset()


@pytest.mark.django_db
def test_with_the_broker_down_pages_still_render_with_the_delayed_banner(
    client: Client, make_user: Callable[..., Any], live_broker_check: Any
) -> None:
    live_broker_check.CELERY_BROKER_URL = f"redis://127.0.0.1:{_closed_port()}/0"
    client.force_login(make_user("sergeant"))
    for path in ("/", "/staffing/teams/", "/recording/reference/offences/"):
        response = client.get(path)
        assert response.status_code == 200, path
        assert BANNER in response.content.decode(), path


@pytest.mark.django_db
def test_with_the_broker_up_there_is_no_banner(
    client: Client, make_user: Callable[..., Any], live_broker_check: Any
) -> None:
    client.force_login(make_user("recorder"))
    assert BANNER not in client.get("/").content.decode()


@pytest.mark.django_db
def test_the_banner_goes_when_the_broker_comes_back(
    client: Client, make_user: Callable[..., Any], live_broker_check: Any
) -> None:
    real = live_broker_check.CELERY_BROKER_URL
    live_broker_check.RESOLVE_BROKER_CHECK_SECONDS = 0
    live_broker_check.CELERY_BROKER_URL = f"redis://127.0.0.1:{_closed_port()}/0"
    client.force_login(make_user("recorder"))
    assert BANNER in client.get("/").content.decode()
    live_broker_check.CELERY_BROKER_URL = real
    assert BANNER not in client.get("/").content.decode()


@pytest.mark.django_db
def test_the_broker_is_asked_at_most_once_a_minute(
    client: Client, make_user: Callable[..., Any], live_broker_check: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[str] = []

    def ping(url: str) -> bool:
        calls.append(url)
        return False

    monkeypatch.setattr(faults, "_ping_broker", ping)
    client.force_login(make_user("recorder"))
    for _ in range(3):
        assert BANNER in client.get("/").content.decode()
    assert len(calls) == 1


@pytest.mark.django_db
def test_with_in_process_tasks_the_broker_is_never_asked(
    client: Client, make_user: Callable[..., Any], settings: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings.CELERY_TASK_ALWAYS_EAGER = True
    faults.broker_check_reset()
    monkeypatch.setattr(faults, "_ping_broker", lambda url: pytest.fail("pinged the broker"))
    client.force_login(make_user("recorder"))
    assert BANNER not in client.get("/").content.decode()


@pytest.mark.django_db
def test_the_sign_in_page_never_waits_on_the_broker(
    client: Client, live_broker_check: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(faults, "_ping_broker", lambda url: pytest.fail("pinged the broker"))
    assert client.get("/accounts/login/").status_code == 200
