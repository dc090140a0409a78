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

import io
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import pytest
from django.conf import settings
from django.db import IntegrityError, transaction
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
    assert public == [
        "/accounts/login/",
        "/accounts/logout/",
        "/accounts/password-reset/",
        "/accounts/password-reset/sent/",
        "/accounts/reset/999999/999999/",
        "/accounts/reset/done/",
        "/admin/login/",
        "/complain/",
        "/favicon.ico",
        "/healthz/",
    ]


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
    # The home queue of incidents due an NCRS decision follows the same rule (a sexual-offence incident
    # not yet recorded is need-to-know: R-RESTRICTED).
    from recording import selectors

    due = make_incident(nsir="CRIME-SEXUAL", opened_at=timezone.now() - timedelta(hours=20))
    assert due not in selectors.incident_awaiting_decision(user=recorder)
    assert due in selectors.incident_awaiting_decision(user=make_user(Role.SERGEANT))


@pytest.mark.django_db
def test_a_demoted_admin_is_refused_by_the_admin_site(make_user: Callable[..., Any]) -> None:
    """`create_user NAME --role recorder` once left an admin's staff and superuser flags."""
    from django.core.management import call_command

    from staffing.models import User

    admin = make_user(Role.ADMIN, username="ex.admin", is_staff=True, is_superuser=True)
    client = _page(admin)
    assert client.get("/admin/").status_code == 200
    call_command("create_user", "ex.admin", "--role", "recorder", stdout=io.StringIO())
    admin.refresh_from_db()
    assert (admin.role, admin.is_staff, admin.is_superuser) == ("recorder", False, False)
    assert _location(client.get("/admin/")).startswith("/admin/login/")
    with pytest.raises(IntegrityError):  # nor can any other path store a non-admin with the flags
        with transaction.atomic():
            User.objects.filter(pk=admin.pk).update(is_staff=True)


@pytest.mark.django_db
def test_training_is_never_self_granted_nor_granted_across_teams(make_user: Callable[..., Any]) -> None:
    """A sergeant once recorded DDM training for themselves (then decided cancellations) and for
    another team's recorder. A grant by their own sergeant or a manager is stored with who made it."""
    from staffing.models import TrainingRecord
    from staffing.tests.factories import TeamFactory

    team, other = TeamFactory(code="RC-A"), TeamFactory(code="RC-B")
    sergeant = make_user(Role.SERGEANT, team=team)
    mine, theirs = make_user(Role.RECORDER, team=team), make_user(Role.RECORDER, team=other)
    today = timezone.localdate().isoformat()

    def grant(actor: Any, user: Any) -> Any:
        body = {"user": user.username, "skill": "ddm", "trained_on": today}
        return _as(actor).post("/api/v1/staffing/training/", body, format="json")

    for user in (sergeant, theirs):
        refused = grant(sergeant, user)
        assert refused.status_code == 400 and "user" in refused.json(), refused.content
        page = _page(sergeant).post(
            "/staffing/training/", {"user": user.pk, "skill": "ddm", "trained_on": today}
        )
        assert page.status_code == 200 and "error-summary" in page.content.decode()
    assert not TrainingRecord.objects.exists()
    # The page offers the form only where it would be accepted, and never offers oneself.
    assert 'name="skill"' not in _page(sergeant).get("/staffing/training/?team=RC-B").content.decode()
    own = _page(sergeant).get("/staffing/training/").content.decode()
    assert f'value="{mine.pk}"' in own and f'value="{sergeant.pk}"' not in own
    assert grant(sergeant, mine).status_code == 201
    assert grant(make_user(Role.MANAGER), theirs).status_code == 201
    granted = TrainingRecord.history.filter(user=mine).get()
    assert granted.history_user == sergeant and "recorded by" in granted.history_change_reason


@pytest.mark.django_db
def test_nobody_decides_what_they_proposed(reference_data: None, make_user: Callable[..., Any]) -> None:
    """A sergeant once proposed and approved their own reclassification of a restricted crime (making it
    visible to every recorder), and one sergeant asked for and approved a C3 cancellation. Refused
    through the API and the pages alike; another supervisor decides."""
    from recording.models import CancellationRequest, ClassificationChange
    from recording.tests.factories import CrimeFactory

    sergeant, other = make_user(Role.SERGEANT), make_user(Role.SERGEANT)
    crime = _restricted_crime()
    api = _as(sergeant)
    proposed = api.post(
        f"/api/v1/recording/crimes/{crime.pk}/reclassifications/",
        {"offence": "8N", "reason": "Consent given"},
        format="json",
    )
    assert proposed.status_code == 201, proposed.content
    change = ClassificationChange.objects.get(status="proposed")
    own = api.post(
        f"/api/v1/recording/reclassifications/{change.pk}/decision/", {"approve": True}, format="json"
    )
    assert own.status_code == 400 and "decided_by" in own.json(), own.content
    assert _page(sergeant).get(f"/recording/reclassifications/{change.pk}/decide/").status_code == 403
    crime.refresh_from_db()
    assert crime.restricted and crime.offence.code == "19C"

    CrimeFactory(crime_number="XX/26/000001")
    duplicate = CrimeFactory()
    asked = api.post(
        f"/api/v1/recording/crimes/{duplicate.pk}/cancellations/",
        {"criterion": "C3", "evidence": "Same burglary twice", "duplicate_of": "XX/26/000001"},
        format="json",
    )
    assert asked.status_code == 201, asked.content
    request = CancellationRequest.objects.get()
    body = {"approve": True, "note": "Duplicate", "victim_informed": True}
    own = api.post(f"/api/v1/recording/cancellations/{request.pk}/decision/", body, format="json")
    assert own.status_code == 400 and "decided_by" in own.json(), own.content
    assert _page(sergeant).get(f"/recording/cancellations/{request.pk}/decide/").status_code == 403
    decided = _as(other).post(f"/api/v1/recording/cancellations/{request.pk}/decision/", body, format="json")
    assert decided.status_code == 200, decided.content


@pytest.mark.django_db
def test_cross_team_changes_and_decisions_are_refused(
    reference_data: None, make_user: Callable[..., Any]
) -> None:
    """Investigators and recorders of other teams once finalised or moved crimes they did not own, and a
    sergeant decided another team's requests. Only the owner, their team's sergeant or a manager changes a
    crime; the refused see no button for it."""
    from recording.models import ClassificationChange
    from recording.services.reclassification import reclassification_propose
    from recording.tests.factories import CrimeFactory
    from staffing.tests.factories import TeamFactory

    team, other = TeamFactory(code="RC-A"), TeamFactory(code="RC-B")
    owner = make_user(Role.INVESTIGATOR, team=team)
    crime = CrimeFactory(owner=owner, team=team, status="allocated")
    outsiders = [make_user(Role.INVESTIGATOR, team=other), make_user(Role.RECORDER, team=other)]
    for outsider in outsiders:
        api = _as(outsider)
        finalise = api.post(
            f"/api/v1/recording/crimes/{crime.pk}/outcome/",
            {"outcome": "18", "reason": "No leads"},
            format="json",
        )
        assert finalise.status_code in (400, 403), finalise.content  # 403: a recorder never finalises
        moved = api.post(
            f"/api/v1/recording/crimes/{crime.pk}/status/",
            {"status": "under_investigation", "reason": "Mine now"},
            format="json",
        )
        assert moved.status_code in (400, 403), moved.content
        html = _page(outsider).get(f"/recording/crimes/{crime.pk}/").content.decode()
        assert "Finalise with outcome" not in html and "Allocate / status" not in html
    crime.refresh_from_db()
    assert crime.status == "allocated" and crime.outcome is None

    change = reclassification_propose(crime=crime, actor=owner, offence_code="8L", reason="Injury was minor")
    decision = f"/api/v1/recording/reclassifications/{change.pk}/decision/"
    stranger = make_user(Role.SERGEANT, team=other)
    refused = _as(stranger).post(decision, {"approve": True}, format="json")
    assert refused.status_code == 400 and "decided_by" in refused.json(), refused.content
    listed = _page(stranger).get("/recording/reclassifications/").content.decode()
    assert crime.crime_number in listed and f"/recording/reclassifications/{change.pk}/decide/" not in listed
    assert (
        _as(make_user(Role.SERGEANT, team=team)).get(f"/api/v1/recording/crimes/{crime.pk}/").status_code
        == 200
    )
    assert _as(make_user(Role.MANAGER)).post(decision, {"approve": True}, format="json").status_code == 200
    assert ClassificationChange.objects.get(pk=change.pk).status == "approved"
    assert (
        _as(owner)
        .post(
            f"/api/v1/recording/crimes/{crime.pk}/status/",
            {"status": "under_investigation", "reason": "Enquiries started"},
            format="json",
        )
        .status_code
        == 200
    )


@pytest.mark.django_db
def test_another_teams_sergeant_cannot_confirm_an_amendment(
    reference_data: None, make_user: Callable[..., Any]
) -> None:
    """An amendment was once confirmed by another team's sergeant, by its id."""
    from django.contrib.contenttypes.models import ContentType

    from qa.models import Amendment, AuditFinding, DipSample, DipTest
    from recording.tests.factories import CrimeFactory
    from staffing.tests.factories import TeamFactory

    team, other = TeamFactory(code="RC-A"), TeamFactory(code="RC-B")
    owner = make_user(Role.INVESTIGATOR, team=team)
    crime = CrimeFactory(owner=owner, team=team)
    dip = DipTest.objects.create(date=timezone.localdate(), seed="s", sizes={})
    sample = DipSample.objects.create(
        dip_test=dip,
        content_type=ContentType.objects.get_for_model(crime),
        object_id=crime.pk,
        kind="crime",
        label=crime.crime_number,
        stratum="violence",
        category="Violence",
        weight=1.0,
        owner=owner,
        team=team,
    )
    finding = AuditFinding.objects.create(
        sample=sample,
        error_type="outcome",
        found_at=timezone.now(),
        found_by=make_user(Role.SERGEANT, team=team),
    )
    amendment = Amendment.objects.create(
        finding=finding, owner=owner, due_on=timezone.localdate(), status="fixed", fix_note="Corrected"
    )
    _page(make_user(Role.SERGEANT, team=other)).post(f"/qa/amendments/{amendment.pk}/confirm/")
    amendment.refresh_from_db()
    assert amendment.status == "fixed" and amendment.confirmed_by is None
    _page(make_user(Role.SERGEANT, team=team)).post(f"/qa/amendments/{amendment.pk}/confirm/")
    amendment.refresh_from_db()
    assert amendment.status == "confirmed"


@pytest.mark.django_db
def test_admin_views_of_restricted_records_are_logged_like_the_pages(
    reference_data: None, make_user: Callable[..., Any]
) -> None:
    """The admin once showed restricted crimes and complaint cases without an access-log row."""
    from complaints.tests.factories import ComplaintCaseFactory
    from recording.tests.factories import CrimeFactory
    from staffing.models import AccessLog

    admin_user = make_user(Role.ADMIN, is_staff=True, is_superuser=True)
    client = _page(admin_user)
    restricted, ordinary, case = _restricted_crime(), CrimeFactory(), ComplaintCaseFactory()
    for url in (
        f"/admin/recording/crime/{restricted.pk}/change/",
        f"/admin/recording/crime/{restricted.pk}/history/",
        f"/admin/recording/crime/{ordinary.pk}/change/",
        f"/admin/complaints/complaintcase/{case.pk}/change/",
    ):
        assert client.get(url).status_code == 200, url
    logged = list(AccessLog.objects.order_by("pk").values_list("user", "record_type", "record_id", "purpose"))
    assert logged == [
        (admin_user.pk, "recording.crime", str(restricted.pk), "Django admin"),
        (admin_user.pk, "recording.crime", str(restricted.pk), "Django admin"),
        (admin_user.pk, "complaint_case", str(case.pk), "Django admin"),
    ]


@pytest.mark.django_db
def test_the_admin_cannot_forge_the_access_log_nor_hard_delete_audited_records(
    reference_data: None, make_user: Callable[..., Any], rf: Any
) -> None:
    """The admin once added access-log rows and hard-deleted case actions."""
    from django.contrib import admin

    from complaints.models import CaseAction
    from complaints.tests.factories import ComplaintCaseFactory
    from staffing.models import AccessLog

    admin_user = make_user(Role.ADMIN, is_staff=True, is_superuser=True)
    client = _page(admin_user)
    assert client.get("/admin/staffing/accesslog/add/").status_code == 403
    forged = {"user": admin_user.pk, "record_type": "recording.crime", "record_id": "1", "action": "view"}
    assert client.post("/admin/staffing/accesslog/add/", forged).status_code == 403
    assert not AccessLog.objects.exists()
    action = CaseAction.objects.create(
        case=ComplaintCaseFactory(), kind="contact", actor=admin_user, summary="Rang"
    )
    assert (
        client.post(f"/admin/complaints/caseaction/{action.pk}/delete/", {"post": "yes"}).status_code == 403
    )
    assert CaseAction.objects.filter(pk=action.pk).exists()
    # Every registered model that keeps history (or is itself an audit trail) refuses deletion.
    request = rf.get("/admin/")
    request.user = admin_user
    deletable = [
        model._meta.label
        for model, model_admin in admin.site._registry.items()
        if (hasattr(model, "history") or model in (AccessLog,)) and model_admin.has_delete_permission(request)
    ]
    assert deletable == []
