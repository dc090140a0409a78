"""Hostile input (issue 10 part 4): oversized requests get 413 with a clear message and store nothing;
an oversized incident CSV is refused by `import_incidents` with a clear error; the incident feed's
largest batch (5,000 incidents) fits under the request limit."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.core.management import CommandError, call_command
from django.http import HttpResponse
from django.test import Client, RequestFactory

from config.middleware import RequestTooLargeMiddleware
from recording.models import ImportBatch, Incident

pytestmark = pytest.mark.django_db


def _incident(n: int) -> dict[str, Any]:
    return {
        "reference": f"XX-2026-{n:07d}",
        "opened_at": "2026-03-01T02:10:00Z",
        "closed_at": "2026-03-01T04:10:00Z",
        "nsir_code": "CRIME-VIOLENCE",
        "grade": "priority",
        "summary": "Caller reports a fight outside the pub; two men, one with a head injury. " * 4,
        "location": "High Street, outside the Red Lion, Anytown AB1 2CD",
        "crime_number": f"XX/26/{n:06d}",
    }


def test_the_feed_s_largest_batch_fits_under_the_request_limit() -> None:
    body = json.dumps({"incidents": [_incident(n) for n in range(5000)]}).encode()
    assert settings.DATA_UPLOAD_MAX_MEMORY_SIZE == 16 * 1024 * 1024
    assert len(body) < settings.DATA_UPLOAD_MAX_MEMORY_SIZE


def test_an_oversized_api_request_gets_413_json_and_stores_nothing(
    api_as: Callable[..., Any], reference_data: None, settings: Any
) -> None:
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 2000
    api = api_as("admin")
    body = json.dumps({"incidents": [_incident(n) for n in range(20)]})
    response = api.post("/api/v1/incidents/bulk/", body, content_type="application/json")
    assert response.status_code == 413
    assert "too large" in response.json()["detail"]
    assert "2000 bytes" in response.json()["detail"]
    assert not Incident.objects.exists() and not ImportBatch.objects.exists()


def test_a_request_under_the_limit_is_served(
    api_as: Callable[..., Any], reference_data: None, settings: Any
) -> None:
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 20000
    api = api_as("admin")
    body = json.dumps({"incidents": [_incident(1)]})
    assert api.post("/api/v1/incidents/bulk/", body, content_type="application/json").status_code < 400


def test_an_oversized_form_post_gets_a_413_page(
    client: Client, make_user: Callable[..., Any], settings: Any
) -> None:
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    client.force_login(make_user("manager"))
    response = client.post("/staffing/teams/", {"name": "x" * 5000})
    assert response.status_code == 413
    assert "What you sent is too large" in response.content.decode()


def test_a_body_found_too_big_while_reading_is_413_not_400() -> None:
    """A body without a declared length (chunked) trips Django's own check when read: also 413."""
    middleware = RequestTooLargeMiddleware(lambda request: HttpResponse())
    request = RequestFactory().post("/api/v1/incidents/bulk/")
    response = middleware.process_exception(request, RequestDataTooBig("too big"))
    assert response is not None and response.status_code == 413
    assert middleware.process_exception(request, ValueError("other")) is None


def test_import_incidents_refuses_an_oversized_file(
    tmp_path: Path, settings: Any, reference_data: None
) -> None:
    settings.RESOLVE_IMPORT_MAX_BYTES = 200
    path = tmp_path / "big.csv"
    rows = "".join(f"XX-{n},2026-03-01T02:10:00Z,CRIME-VIOLENCE\n" for n in range(20))
    path.write_text("reference,opened_at,nsir_code\n" + rows, encoding="utf-8")
    with pytest.raises(CommandError, match=r"over the limit of 200 bytes .*Nothing was imported"):
        call_command("import_incidents", str(path))
    assert not Incident.objects.exists()
