"""Free text is bounded (issue 20 part 6): names at 200 characters, summaries and narratives at 20,000.
Beyond that the API, the pages' forms, the incident feed and import_incidents answer 400 (or a one-line
error) naming the field, and store nothing. A page whose form holds a whole document says so."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
from django.core.management import CommandError, call_command
from django.http import HttpResponse
from django.test import Client, RequestFactory

from config.inputs import MAX_TEXT, RefuseUnstorableTextMiddleware

pytestmark = pytest.mark.django_db

TOO_LONG = "x" * (MAX_TEXT + 1)
DECISION: dict[str, Any] = {
    "reported_at": "2026-03-01T14:05:00Z",
    "force": "XX",
    "summary": "Fight outside a pub",
    "victims": [{"ref": "V1", "kind": "person"}],
    "alleged": [{"ref": "A1", "victim": "V1", "offence": "8N", "incident": "I1", "believed": True}],
}


def test_a_summary_over_20000_characters_is_a_400_naming_it(
    api_as: Callable[..., Any], reference_data: None
) -> None:
    from recording.models import Crime

    api = api_as("recorder")
    response = api.post(
        "/api/v1/recording/crimes/from-decision/", {**DECISION, "summary": TOO_LONG}, format="json"
    )
    assert response.status_code == 400
    assert list(response.json()) == ["summary"]
    assert "20,000" in response.json()["summary"][0]
    assert not Crime.objects.exists()


def test_a_name_over_200_characters_is_a_400_naming_it(
    api_as: Callable[..., Any], reference_data: None
) -> None:
    from recording.models import Crime

    body = {**DECISION, "victim_details": [{"ref": "V1", "kind": "person", "name": "N" * 201}]}
    response = api_as("recorder").post("/api/v1/recording/crimes/from-decision/", body, format="json")
    assert response.status_code == 400
    assert "name" in json.dumps(response.json()["victim_details"])
    assert not Crime.objects.exists()


def test_an_incoming_transfer_s_victim_name_is_bounded(
    api_as: Callable[..., Any], reference_data: None
) -> None:
    body = {
        "force": "YY",
        "their_reference": "YY/1",
        "offence": "8N",
        "reported_at": "2026-03-01T14:05:00Z",
        "victim_name": "N" * 201,
    }
    response = api_as("sergeant").post("/api/v1/recording/transfers/incoming/", body, format="json")
    assert response.status_code == 400
    assert "victim_name" in response.json()


def test_a_form_field_over_20000_characters_is_a_400_page_naming_it(
    client: Client, make_user: Callable[..., Any], reference_data: None
) -> None:
    from recording.models import Crime

    client.force_login(make_user("recorder"))
    response = client.post("/recording/decide/", {"summary": TOO_LONG, "action": "record"})
    assert response.status_code == 400
    text = response.content.decode()
    assert "summary" in text and "20,000" in text
    assert not Crime.objects.exists()


def test_the_feed_refuses_a_summary_over_20000_characters_and_stores_nothing(
    api_as: Callable[..., Any], reference_data: None
) -> None:
    from recording.models import Incident

    incident = {
        "reference": "XX-20260301-0001",
        "opened_at": "2026-03-01T02:10:00Z",
        "nsir_code": "CRIME-VIOLENCE",
        "summary": TOO_LONG,
        "location": "High Street",
        "grade": "priority",
    }
    response = api_as("admin").post("/api/v1/incidents/bulk/", {"incidents": [incident]}, format="json")
    assert response.status_code == 400
    assert "summary" in json.dumps(response.json())
    assert not Incident.objects.exists()


def test_import_incidents_names_the_line_and_field_of_too_long_text(
    reference_data: None, tmp_path: Any
) -> None:
    from recording.models import Incident

    path = tmp_path / "incidents.csv"
    path.write_text(
        "reference,opened_at,closed_at,nsir_code,grade,summary,location,crime_number\n"
        "XX-1,2026-03-01T02:10:00Z,,CRIME-VIOLENCE,priority,Fight,High St,\n"
        f"XX-2,2026-03-01T02:10:00Z,,CRIME-VIOLENCE,priority,{TOO_LONG},High St,\n"
    )
    with pytest.raises(CommandError) as error:
        call_command("import_incidents", str(path))
    assert "line 3: summary" in str(error.value)
    assert "20,000" in str(error.value)
    assert not Incident.objects.exists()


def test_a_page_holding_a_whole_document_takes_long_text_but_never_a_nul(
    make_user: Callable[..., Any],
) -> None:
    """The hidden-crime pattern document is ~90,000 characters: its page lets that field be long."""
    seen: list[str] = []

    def view(request: Any) -> HttpResponse:
        seen.append(request.path)
        return HttpResponse("ok")

    middleware = RefuseUnstorableTextMiddleware(view)
    factory = RequestFactory()
    long_ok = middleware(factory.post("/qa/screen-patterns/", {"text": "p" * 90_000}))
    assert long_ok.status_code == 200
    assert (
        middleware(factory.post("/qa/screen-patterns/", {"text": "p" * 90_000 + "\x00"})).status_code == 400
    )
    assert middleware(factory.post("/qa/screen-patterns/", {"other": TOO_LONG})).status_code == 400
    assert middleware(factory.post("/recording/decide/", {"text": TOO_LONG})).status_code == 400
    assert seen == ["/qa/screen-patterns/"]


def _unbounded_names(classes: list[type]) -> list[str]:
    """Every writable text field of these forms and serializers whose name says it holds a name (a
    person's, a team's, a file's) and that takes more than 200 characters, or any number."""
    from django import forms
    from rest_framework import serializers

    found = []
    for cls in classes:
        if issubclass(cls, serializers.Serializer):
            try:
                fields = dict(cls().fields)
            except Exception:  # noqa: BLE001 - one that needs arguments: its declared fields
                fields = dict(cls._declared_fields)  # type: ignore[attr-defined]
        else:
            fields = dict(cls.base_fields)  # type: ignore[attr-defined]
        for name, field in fields.items():
            if "name" not in name or getattr(field, "read_only", False):
                continue
            if isinstance(field, serializers.CharField | forms.CharField):
                limit = getattr(field, "max_length", None)
                if limit is None or limit > 200:
                    found.append(f"{cls.__module__}.{cls.__qualname__}.{name}")
    return found


def test_every_name_that_comes_in_is_bounded_at_200_characters() -> None:
    """Names are bounded at 200 (issue 20 part 6) in every form and serializer of the apps, so a name over
    that is a 400 naming the field wherever it comes in (an incoming transfer's victim name was not)."""
    import importlib
    import pkgutil

    from django import forms
    from rest_framework import serializers

    apps = ("config", "staffing", "recording", "complaints", "qa")
    for app in apps:
        for module in pkgutil.walk_packages(importlib.import_module(app).__path__, f"{app}."):
            if not any(part in module.name for part in (".tests", ".migrations", "settings.production")):
                importlib.import_module(module.name)

    def every(cls: type) -> list[type]:
        found: list[type] = [cls]
        subclasses: list[type] = type.__subclasses__(cls)
        for direct in subclasses:
            found.extend(every(direct))
        return found

    # Serializers that only describe answers (a name read from the database, never taken in).
    answers_only = {
        "AwaitingVictimPersonSerializer",
        "CandidateSerializer",
        "LeftOutSerializer",
        "MaskedDetailsOut",
        "RecordFileListSerializer",
        "VictimAgreementSerializer",
    }
    ours = [
        cls
        for base in (serializers.Serializer, forms.BaseForm)
        for cls in set(every(base))
        if cls.__module__.split(".")[0] in apps
        and "Output" not in cls.__name__
        and cls.__name__ not in answers_only
    ]
    assert len(ours) > 50
    assert _unbounded_names(ours) == []

    class Careless(serializers.Serializer[dict[str, str]]):  # the check itself can fail
        victim_name = serializers.CharField()

    assert _unbounded_names([Careless]) == [f"{__name__}.{Careless.__qualname__}.victim_name"]
