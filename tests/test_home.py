"""The home page: every queue with its count and the age of its oldest item; htmx refreshes counts."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from django.apps import apps
from django.test import Client

from config.registry import Queue, age_text

NOW = dt.datetime(2026, 3, 1, 12, 0, tzinfo=dt.UTC)


@pytest.mark.parametrize(
    ("minutes", "expected"),
    [
        (0, "under a minute"),
        (1, "1 minute"),
        (45, "45 minutes"),
        (60, "1 hour"),
        (190, "3 hours 10 minutes"),
        (2 * 1440 + 4 * 60 + 5, "2 days 4 hours"),
        (23 * 1440, "3 weeks 2 days"),
    ],
)
def test_age_text(minutes: int, expected: str) -> None:
    assert age_text(NOW - dt.timedelta(minutes=minutes), NOW) == expected


def test_age_is_blank_for_an_empty_queue_or_unknown_oldest() -> None:
    assert Queue("k", "K", "/", 0, NOW - dt.timedelta(hours=1)).age(NOW) == ""
    assert age_text(None, NOW) == ""


@pytest.fixture
def fake_queues(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    from django.utils import timezone

    config = apps.get_app_config("staffing")
    oldest = timezone.now() - dt.timedelta(hours=5, minutes=3)

    def home_queues(user: Any) -> list[Queue]:
        return [
            Queue("b-flags", "Zulu test queue", "/qa/flags/", 3, oldest, order=2),
            Queue("a-empty", "Alpha test queue", "/qa/rape/", 0, None, order=1),
        ]

    monkeypatch.setattr(config, "home_queues", home_queues, raising=False)
    yield


def test_home_lists_each_queue_with_count_and_oldest_age(
    client: Client, make_user: Callable[..., Any], fake_queues: None
) -> None:
    client.force_login(make_user("recorder"))
    html = client.get("/").content.decode()
    assert html.index("Alpha test queue") < html.index("Zulu test queue")  # by order
    assert 'id="queue-b-flags"' in html and 'href="/qa/flags/"' in html
    assert "5 hours 3 minutes" in html
    assert "Nothing waiting" in html
    assert "3 items waiting" in html
    assert 'hx-get="/"' in html and 'hx-trigger="every 60s"' in html


def test_htmx_gets_only_the_queue_partial(
    client: Client, make_user: Callable[..., Any], fake_queues: None
) -> None:
    client.force_login(make_user("recorder"))
    html = client.get("/", headers={"HX-Request": "true"}).content.decode()
    assert "<html" not in html and "<table" in html and "Zulu test queue" in html


def test_home_with_no_queues_says_what_to_do(client: Client, make_user: Callable[..., Any]) -> None:
    client.force_login(make_user("recorder"))
    html = client.get("/").content.decode()
    assert "Nothing is waiting for you" in html or "<table" in html
