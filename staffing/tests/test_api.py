from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client
from rest_framework.test import APIClient

from staffing.tests.factories import TeamFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_it_answers_401_without_credentials(api_client: APIClient) -> None:
    response = api_client.get("/api/v1/me/")
    assert response.status_code == 401
    assert response["WWW-Authenticate"].startswith("Token")


def test_it_answers_401_for_a_bad_token(api_client: APIClient) -> None:
    api_client.credentials(HTTP_AUTHORIZATION="Token not-a-real-token")
    assert api_client.get("/api/v1/me/").status_code == 401


def test_it_says_who_the_caller_is(api_as: Callable[..., Any]) -> None:
    client = api_as("recorder", username="rita")
    response = client.get("/api/v1/me/")
    assert response.status_code == 200
    assert response.json()["username"] == "rita"
    assert response.json()["role"] == "recorder"


def test_it_answers_403_for_a_role_without_permission(api_as: Callable[..., Any]) -> None:
    assert api_as("recorder").get("/api/v1/staffing/teams/").status_code == 403
    assert api_as("advisor").get("/api/v1/reference/offences/").status_code == 200
    assert api_as("recorder").get("/api/v1/reference/complaint-categories/").status_code == 403


def test_team_list_counts_investigators_in_constant_queries(
    api_as: Callable[..., Any], django_assert_max_num_queries: Any
) -> None:
    client = api_as("sergeant")
    for code in ("A", "B", "C"):
        team = TeamFactory(code=code, sergeant=UserFactory(role="sergeant"))
        UserFactory.create_batch(2, role="investigator", team=team)
    with django_assert_max_num_queries(3):  # token auth, count, page
        response = client.get("/api/v1/staffing/teams/")
    results = response.json()["results"]
    assert [(t["code"], t["investigators"], t["capacity"]) for t in results] == [
        ("A", 2, 11),
        ("B", 2, 11),
        ("C", 2, 11),
    ]


def test_reference_lists_are_served(api_as: Callable[..., Any], reference_data: None) -> None:
    offences = api_as("recorder").get("/api/v1/reference/offences/").json()
    assert {"code": "8N"}.items() <= next(o for o in offences if o["code"] == "8N").items()
    assert len(offences) == 127


def test_the_schema_is_valid_openapi_3(api_as: Callable[..., Any]) -> None:
    # The schema needs a sign-in (SECURITY.md, "Public URLs"); any role may read it.
    response = api_as("recorder").get("/api/v1/schema/", HTTP_ACCEPT="application/json")
    assert response.status_code == 200
    schema = response.json()
    assert schema["openapi"].startswith("3.")
    assert "/api/v1/me/" in schema["paths"]
    from openapi_spec_validator import validate

    validate(schema)


def test_the_docs_page_is_served(client: Client, make_user: Callable[..., Any]) -> None:
    client.force_login(make_user("recorder"))
    response = client.get("/api/v1/docs/")
    assert response.status_code == 200
    assert b"swagger" in response.content.lower()
    # Swagger UI comes from Resolve's own static files (drf-spectacular-sidecar), not a CDN.
    assert b"/static/drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js" in response.content
    assert b"cdn" not in response.content.lower()


def test_a_domain_error_maps_to_400_in_drf_shape() -> None:
    from django.core.exceptions import ValidationError

    from config.exceptions import DomainError, api_exception_handler

    assert api_exception_handler(DomainError("bad", field="victims"), {}).data == {"victims": ["bad"]}
    assert api_exception_handler(DomainError("bad"), {}).data == {"non_field_errors": ["bad"]}
    response = api_exception_handler(ValidationError({"__all__": ["x"], "offence": ["y"]}), {})
    assert response.status_code == 400
    assert response.data == {"non_field_errors": ["x"], "offence": ["y"]}
