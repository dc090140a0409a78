"""The authorisation matrix, generated from the URL configuration: every page and API endpoint, against
no login and every role (issue 10 part 1; contract "Conventions": 401 / 403 / 404).

Who may use an endpoint is read from the view itself, never listed here:
- API views: `config.permissions.roles_allowed(*roles)` in `permission_classes` (its `.allowed`);
- HTML views: `config.access.roles_required(*roles)` (its `allowed_roles`);
- `config.access.public`: open without sign-in (SECURITY.md lists each one);
- the Django admin (namespace "admin"): Django's own staff check.
A view with none of these fails `test_every_endpoint_declares_who_may_use_it`, so a new endpoint
cannot be left out. Path parameters are filled with ids nobody has (999999): the allowed roles may
get 404, the others must be refused before the lookup, so they learn nothing about what exists.

Expected: no login -> API 401, page 302 to the sign-in page; a role not allowed -> 403; an allowed
role -> neither (any 2xx/3xx/4xx such as 404/405/400 is fine); never a 5xx."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import pytest
from django.conf import settings
from django.shortcuts import resolve_url
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, path
from django.urls.resolvers import RegexPattern, RoutePattern
from django.utils import timezone
from django.utils.regex_helper import normalize
from rest_framework.test import APIClient
from rest_framework.views import APIView

from config.access import declared_roles, is_public
from config.permissions import Role

ANONYMOUS = "anonymous"
UNKNOWN_ID = "999999"
# Tried in order for a path parameter until the pattern accepts one.
CANDIDATES = (UNKNOWN_ID, "no-such-record", "00000000-0000-4000-8000-000000999999", "staffing", "x")
UNSAFE_METHODS = ("post", "put", "patch", "delete")


@dataclass(frozen=True)
class Endpoint:
    path: str
    name: str
    kind: str  # "api", "page", "public", "admin", "admin-public" or "undeclared"
    roles: frozenset[str]
    methods: tuple[str, ...]  # the methods probed: GET always, plus any write method the view offers
    write_roles: frozenset[str] | None = None  # API views whose writes are for fewer roles

    def allows(self, who: str, method: str) -> bool:
        roles = self.write_roles if method != "get" and self.write_roles is not None else self.roles
        return who in roles


def _sample(pattern: Any) -> str:
    """A concrete string the pattern accepts, with every parameter an id/slug nobody has."""
    regex = pattern.regex
    converters = pattern.converters if isinstance(pattern, RoutePattern) else {}
    for fmt, params in normalize(regex.pattern):
        for candidate in CANDIDATES:
            values = {p: _first_accepted(converters[p]) if p in converters else candidate for p in params}
            text = fmt % values
            if regex.match(text):
                return text
    raise AssertionError(f"cannot build a sample path for {pattern!r}")


def _first_accepted(converter: Any) -> str:
    return next(c for c in CANDIDATES if re.fullmatch(converter.regex, c))


def _write_roles(callback: Callable[..., Any]) -> frozenset[str] | None:
    view_class = getattr(callback, "cls", None)
    if not (isinstance(view_class, type) and issubclass(view_class, APIView)):
        return None
    permissions = getattr(callback, "initkwargs", {}).get("permission_classes", view_class.permission_classes)
    declared = [frozenset(p.allowed_write) for p in permissions if hasattr(p, "allowed_write")]
    return frozenset.intersection(*declared) if declared else None


def _classify(callback: Callable[..., Any], namespaces: list[str], name: str) -> tuple[str, frozenset[str]]:
    if is_public(callback):
        return "public", frozenset(Role.ALL)
    roles = declared_roles(callback)
    if roles is not None:
        return "page", roles
    view_class = getattr(callback, "cls", None)
    if isinstance(view_class, type) and issubclass(view_class, APIView):
        initkwargs = getattr(callback, "initkwargs", {})
        permissions = initkwargs.get("permission_classes", view_class.permission_classes)
        declared = [frozenset(p.allowed) for p in permissions if hasattr(p, "allowed")]
        if declared:
            return "api", frozenset.intersection(*declared)
        return "undeclared", frozenset()
    if "admin" in namespaces:
        return ("admin-public" if name == "login" else "admin"), frozenset({Role.ADMIN})
    return "undeclared", frozenset()


def _methods(callback: Callable[..., Any], kind: str) -> tuple[str, ...]:
    view_class = getattr(callback, "cls", None) or getattr(callback, "view_class", None)
    if kind in {"public", "admin", "admin-public"}:
        return ("get",)
    if view_class is None:  # a function view: we cannot see its methods, so probe a write as well
        return ("get", "post")
    actions = getattr(callback, "actions", None)  # a DRF ViewSet routed by a router: {"get": "list", ...}
    if actions:
        return ("get", *(m for m in UNSAFE_METHODS if m in actions))
    return ("get", *(m for m in UNSAFE_METHODS if hasattr(view_class, m)))


def collect_endpoints(resolver: URLResolver | None = None) -> list[Endpoint]:
    def walk(res: URLResolver, prefix: str, namespaces: list[str]) -> Iterator[Endpoint]:
        for entry in res.url_patterns:
            segment = _sample(entry.pattern)
            if isinstance(entry, URLResolver):
                yield from walk(
                    entry, prefix + segment, namespaces + ([entry.namespace] if entry.namespace else [])
                )
            elif isinstance(entry, URLPattern):
                name = entry.name or ""
                kind, roles = _classify(entry.callback, namespaces, name)
                full_name = ":".join([*namespaces, name]) if name else "(unnamed)"
                yield Endpoint(
                    "/" + prefix + segment,
                    full_name,
                    kind,
                    roles,
                    _methods(entry.callback, kind),
                    _write_roles(entry.callback),
                )

    return list(walk(resolver or get_resolver(), "", []))


ENDPOINTS = collect_endpoints()


# ---------------------------------------------------------------- the clients
@pytest.fixture
def clients(make_user: Callable[..., Any]) -> dict[str, dict[str, Any]]:
    """For every role and for no login: a session client (pages) and a token client (API)."""
    from staffing.services import user_token

    out: dict[str, dict[str, Any]] = {ANONYMOUS: {"page": Client(), "api": APIClient()}}
    for role in Role.ALL:
        user = make_user(role)
        page = Client()
        page.force_login(user)
        api = APIClient()
        api.credentials(HTTP_AUTHORIZATION=f"Token {user_token(user=user)}")
        out[role] = {"page": page, "api": api}
    staff = make_user(Role.ADMIN, is_staff=True, is_superuser=True)
    staff_client = Client()
    staff_client.force_login(staff)
    out["staff-admin"] = {"page": staff_client, "api": staff_client}
    return out


def _call(client: Any, method: str, path: str) -> Any:
    if method == "get":
        return client.get(path)
    return (
        getattr(client, method)(path, data={}, format="json")
        if isinstance(client, APIClient)
        else (getattr(client, method)(path, data={}))
    )


def _location(response: Any) -> str:
    return response.get("Location", "") if response.status_code in (301, 302, 303, 307, 308) else ""


def _problem(endpoint: Endpoint, who: str, method: str, response: Any) -> str | None:
    status = response.status_code
    login = resolve_url(settings.LOGIN_URL)
    admin_login = "/admin/login/"
    if status >= 500:
        return f"{status} (server error)"
    kind, allowed = endpoint.kind, endpoint.allows(who, method)
    if kind == "public" or kind == "admin-public":
        return f"{status}: a public URL refused" if status in (401, 403) else None
    if kind == "admin":
        refused = _location(response).startswith(admin_login)
        if who == "staff-admin":
            return "staff administrator sent to the admin sign-in" if refused else None
        # The admin's sign-out sends a non-staff caller to the admin index (which refuses them in turn).
        refused = refused or (endpoint.name == "admin:logout" and _location(response) == "/admin/")
        return None if refused else f"{status}: expected a redirect to {admin_login}"
    if who == ANONYMOUS:
        if kind == "api":
            return None if status == 401 else f"{status}: expected 401"
        if _location(response).startswith(login) or (status == 405 and method != "get"):
            return None
        return f"{status}: expected 302 to {login}"
    if not allowed:
        if status == 403 or (kind == "page" and status == 405 and method != "get"):
            return None
        return f"{status}: expected 403"
    if status in (401, 403) or _location(response).startswith(login):
        return f"{status}: an allowed role was refused"
    return None


def test_every_endpoint_declares_who_may_use_it() -> None:
    undeclared = [f"{e.path} ({e.name})" for e in ENDPOINTS if e.kind == "undeclared"]
    assert not undeclared, (
        "These views declare no roles. Add @roles_required(...) (config.access) to HTML views, "
        "roles_allowed(...) (config.permissions) to API permission_classes, or @public with a line in "
        "SECURITY.md:\n  " + "\n  ".join(undeclared)
    )


def test_the_matrix_covers_pages_api_and_admin() -> None:
    kinds = {e.kind for e in ENDPOINTS}
    assert {"api", "page", "public", "admin"} <= kinds
    paths = {e.path for e in ENDPOINTS}
    assert {"/", "/api/v1/me/", "/api/v1/schema/", "/api/v1/docs/", "/staffing/teams/"} <= paths


def test_the_public_urls_are_exactly_the_documented_ones() -> None:
    public = sorted(e.path for e in ENDPOINTS if e.kind in {"public", "admin-public"})
    assert public == ["/accounts/login/", "/accounts/logout/", "/admin/login/", "/favicon.ico", "/healthz/"]


def _matrix_problems(kinds: set[str], clients: dict[str, dict[str, Any]]) -> list[str]:
    endpoints = [e for e in ENDPOINTS if e.kind in kinds]
    assert endpoints, f"no {kinds} endpoints found"
    problems = []
    for endpoint in endpoints:
        for who, pair in clients.items():
            if who == "staff-admin" and not endpoint.kind.startswith("admin"):
                continue
            client = pair["api"] if endpoint.kind == "api" else pair["page"]
            for method in endpoint.methods:
                if method != "get" and endpoint.allows(who, method) and endpoint.kind != "api":
                    continue  # an allowed person's form post is the app's own tests' business
                response = _call(client, method, endpoint.path)
                problem = _problem(endpoint, who, method, response)
                if problem:
                    problems.append(f"{who} {method.upper()} {endpoint.path} ({endpoint.name}): {problem}")
    return problems


# One test per kind, each walking all of its endpoints (so the users are made once per kind); a failure
# lists every endpoint, caller and method that broke the rule.
@pytest.mark.django_db
def test_api_endpoints_answer_401_403_or_serve_by_role(clients: dict[str, dict[str, Any]]) -> None:
    problems = _matrix_problems({"api"}, clients)
    assert not problems, "\n".join(problems)


@pytest.mark.django_db
def test_pages_send_to_sign_in_refuse_403_or_serve_by_role(clients: dict[str, dict[str, Any]]) -> None:
    problems = _matrix_problems({"page"}, clients)
    assert not problems, "\n".join(problems)


@pytest.mark.django_db
def test_public_urls_refuse_nobody(clients: dict[str, dict[str, Any]]) -> None:
    problems = _matrix_problems({"public", "admin-public"}, clients)
    assert not problems, "\n".join(problems)


@pytest.mark.django_db
def test_the_admin_site_is_for_staff_administrators_only(clients: dict[str, dict[str, Any]]) -> None:
    problems = _matrix_problems({"admin"}, clients)
    assert not problems, "\n".join(problems)


# ---------------------------------------------------------------- the matrix itself can fail
def _undeclared_view(request: Any) -> Any:
    raise AssertionError("never called")


urlpatterns = [path("thing/<int:pk>/", _undeclared_view, name="thing")]


def test_a_view_without_declared_roles_is_reported() -> None:
    found = collect_endpoints(URLResolver(RegexPattern(r"^"), __name__))
    assert [(e.path, e.kind) for e in found] == [("/thing/999999/", "undeclared")]


def test_the_matrix_roles_are_the_user_model_roles() -> None:
    from staffing.models import User

    assert set(Role.ALL) == set(User.Role.values)


# ---------------------------------------------------------------- side doors (issue 17)
# The matrix above proves the front doors by role. These prove that the side doors (allocation,
# transfers, the incident log, the admin site, self-approval, team scope, training) keep to the same
# need-to-know and separation-of-duties rules as the record's own pages.
def _as(user: Any) -> APIClient:
    from staffing.services import user_token

    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {user_token(user=user)}")
    return client


def _page(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _restricted_crime(**kwargs: Any) -> Any:
    from recording.models import Offence
    from recording.tests.factories import CrimeFactory

    return CrimeFactory(
        offence=Offence.objects.get(code="19C"), summary="Rape reported by Ann Victim", **kwargs
    )


@pytest.mark.django_db
def test_allocation_takes_only_kinds_of_work_apps_registered(
    reference_data: None, make_user: Callable[..., Any]
) -> None:
    """A sergeant cannot read access-log rows, personnel notes or teams through the allocation screen
    or API: only models an app lists in its `work_kinds` are work."""
    from staffing.models import AccessLog, PersonnelNote

    sergeant = make_user(Role.SERGEANT)
    manager = make_user(Role.MANAGER)
    note = PersonnelNote.objects.create(
        subject=manager, kind="welfare", text="Signed off sick", written_by=manager
    )
    row = AccessLog.objects.create(
        user=manager, record_type="crime", record_id="1", record_label="Rape of Ann"
    )
    for app_label, model, pk in (("staffing", "personnelnote", note.pk), ("staffing", "accesslog", row.pk)):
        page = _page(sergeant).get(f"/staffing/allocate/{app_label}/{model}/{pk}/?skill=ddm")
        assert page.status_code == 404, (model, page.status_code)
        answer = _as(sergeant).post(
            "/api/v1/staffing/allocations/assign/",
            {"item_type": f"{app_label}.{model}", "item_id": pk, "skill": "ddm"},
            format="json",
        )
        assert answer.status_code == 400 and "item_type" in answer.json(), (model, answer.content)


@pytest.mark.django_db
def test_allocation_answers_not_found_alike_for_missing_and_invisible_items(
    reference_data: None, make_user: Callable[..., Any]
) -> None:
    """allocations/complete/ once told any role whether a restricted crime existed."""
    crime = _restricted_crime()
    recorder = _as(make_user(Role.RECORDER))
    answers = [
        recorder.post(
            "/api/v1/staffing/allocations/complete/",
            {"item_type": "recording.crime", "item_id": pk},
            format="json",
        )
        for pk in (crime.pk, 999999)
    ]
    assert [a.status_code for a in answers] == [404, 404]
    assert answers[0].json() == answers[1].json()


@pytest.mark.django_db
def test_incoming_transfers_of_restricted_offences_reach_only_those_entitled(
    reference_data: None, make_user: Callable[..., Any]
) -> None:
    """A pending incoming rape transfer, with the victim's name, is not listed to every recorder and
    investigator (pages, API, the to-allocate list); a sergeant sees it."""
    from recording.models import CrimeTransfer
    from recording.services.transfers import transfer_in_register
    from recording.tests.factories import ForceFactory

    ForceFactory(code="YY")
    sergeant = make_user(Role.SERGEANT)
    transfer_in_register(
        actor=sergeant,
        force_code="YY",
        their_reference="YY/RAPE/1",
        offence_code="19C",
        reported_at=timezone.now() - timedelta(days=1),
        summary="Rape at a party",
        victim_name="Ann Victim",
    )
    transfer = CrimeTransfer.objects.get()
    for role in (Role.RECORDER, Role.INVESTIGATOR):
        user = make_user(role)
        assert "Ann Victim" not in _page(user).get("/recording/transfers/").content.decode()
        assert _as(user).get("/api/v1/recording/transfers/?status=pending").json()["count"] == 0
    assert "Ann Victim" in _page(sergeant).get("/recording/transfers/").content.decode()
    assert _as(sergeant).get("/api/v1/recording/transfers/").json()["count"] == 1
    assert transfer.reason == "Ann Victim"


@pytest.mark.django_db
def test_the_incident_log_hides_restricted_crimes_and_they_cannot_be_attached(
    reference_data: None, make_user: Callable[..., Any]
) -> None:
    """The incident log search once showed a restricted crime's number and summary to anyone, and let
    anyone attach its incident to a new crime."""
    from qa.tests.factories import make_incident

    crime = _restricted_crime(owner=make_user(Role.INVESTIGATOR))
    incident = make_incident(
        nsir="CRIME-SEXUAL", crime_number=crime.crime_number, summary="Rape of Ann Victim"
    )
    crime.incidents.add(incident)
    recorder = make_user(Role.RECORDER)
    for q in (crime.crime_number, incident.reference, "Ann"):  # each search echoes only its own words
        html = _page(recorder).get("/recording/incidents/", {"q": q}).content.decode()
        shown = [
            t for t in (crime.crime_number, incident.reference, "Rape of Ann Victim") if t != q and t in html
        ]
        assert not shown, (q, shown)
    assert (
        "Ann Victim"
        in _page(make_user(Role.SERGEANT)).get("/recording/incidents/", {"q": "Ann"}).content.decode()
    )
    attach = _as(recorder).post(
        "/api/v1/recording/crimes/",
        {
            "offence": "8N",
            "reported_at": (timezone.now() - timedelta(hours=1)).isoformat(),
            "incident_references": [incident.reference],
        },
        format="json",
    )
    assert attach.status_code == 400 and "incident_reference" in attach.json()
    assert incident.crimes.count() == 1
