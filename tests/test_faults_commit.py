"""A request whose record committed never answers an error afterwards (issue 20 part 10): the database
cut between the commit and the response leaves one crime and a 201, so a client retrying on an error
without an Idempotency-Key cannot record the crime twice; a session that cannot be saved after the
view's work does not fail the response; with DEBUG on (as `make demo` runs) an outage is the 503 page."""

from __future__ import annotations

import socket
from collections.abc import Callable, Iterator
from datetime import timedelta
from typing import Any

import pytest
from django.contrib.sessions.backends.db import SessionStore
from django.db import connection, transaction
from django.http import HttpResponse
from django.test import Client, RequestFactory
from django.utils import timezone

from config.middleware import SessionMiddleware
from recording.models import Crime
from recording.services import decisions

FROM_DECISION = "/api/v1/recording/crimes/from-decision/"


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def database_away() -> Iterator[Callable[[bool], None]]:
    original = connection.settings_dict["PORT"]
    port = _closed_port()

    def away(down: bool) -> None:
        connection.close()
        connection.settings_dict["PORT"] = port if down else original

    yield away
    away(False)


@pytest.mark.django_db(transaction=True)
def test_a_crime_committed_before_the_database_drops_answers_201_and_is_recorded_once(
    api_as: Callable[..., Any],
    reference_data: None,
    database_away: Callable[[bool], None],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    recorder = api_as("recorder")
    record = decisions.decision_record

    def record_then_cut_after_commit(**kwargs: Any) -> Any:
        done = record(**kwargs)
        transaction.on_commit(lambda: database_away(True))  # the moment the record has committed
        return done

    monkeypatch.setattr(decisions, "decision_record", record_then_cut_after_commit)
    body = {
        "reported_at": (timezone.now() - timedelta(hours=2)).replace(microsecond=0).isoformat(),
        "force": "XX",
        "victims": [{"ref": "V1", "kind": "person"}],
        "alleged": [{"ref": "A1", "victim": "V1", "offence": "8N", "incident": "I1"}],
        "victim_details": [{"ref": "V1", "name": "Ann Smith"}],
    }
    response = recorder.post(FROM_DECISION, body, format="json")
    database_away(False)
    assert response.status_code == 201, response.content
    assert [c["crime_number"] for c in response.json()["crimes"]] == list(
        Crime.objects.values_list("crime_number", flat=True)
    )
    assert Crime.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_a_session_that_cannot_be_saved_after_the_view_does_not_fail_the_response(
    database_away: Callable[[bool], None],
) -> None:
    request = RequestFactory().post("/recording/decide/")
    request.session = SessionStore()
    request.session["resolve_last_activity"] = 1  # modified: the middleware will save it
    database_away(True)
    response = SessionMiddleware(lambda r: HttpResponse("recorded")).process_response(
        request, HttpResponse("recorded", status=302)
    )
    database_away(False)
    assert response.status_code == 302


@pytest.mark.django_db(transaction=True)
def test_with_debug_on_a_database_outage_is_the_503_page_not_a_traceback(
    make_user: Callable[..., Any], database_away: Callable[[bool], None], settings: Any
) -> None:
    settings.DEBUG = True
    client = Client(raise_request_exception=False)
    client.force_login(make_user("recorder"))
    database_away(True)
    page = client.get("/")
    api = client.get("/api/v1/me/")
    database_away(False)
    assert page.status_code == 503
    assert "Resolve is briefly unavailable" in page.content.decode()
    assert "Traceback" not in page.content.decode()
    assert api.status_code == 503
    assert client.get("/").status_code == 200


@pytest.mark.django_db(transaction=True)
def test_a_crime_recorded_on_the_page_before_the_database_drops_still_redirects_and_is_recorded_once(
    make_user: Callable[..., Any],
    reference_data: None,
    database_away: Callable[[bool], None],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The browser's path: after the record commits, the middleware still saves the session (signing-in
    activity, the 'Recorded' message) with the database gone. The answer is the redirect, not a 503, and
    the same form sent again replays it rather than recording twice."""
    from recording.tests.factories import IncidentFactory
    from recording.tests.test_decisions import INCIDENT, form_data

    IncidentFactory(reference=INCIDENT, opened_at=timezone.now() - timedelta(hours=2))
    client = Client(raise_request_exception=False)
    client.force_login(make_user("recorder"))
    record = decisions.decision_record

    def record_then_cut_after_commit(**kwargs: Any) -> Any:
        done = record(**kwargs)
        transaction.on_commit(lambda: database_away(True))
        return done

    monkeypatch.setattr(decisions, "decision_record", record_then_cut_after_commit)
    body = form_data(**{"alleged-0-offence": "8N"})
    response = client.post("/recording/decide/", body)
    database_away(False)
    assert response.status_code == 302, response.content.decode()[:500]
    assert Crime.objects.count() == 1
    monkeypatch.setattr(decisions, "decision_record", record)
    again = client.post("/recording/decide/", body)
    assert again.status_code == 302 and Crime.objects.count() == 1
