"""What the staffing pages share: who asks, the team a page is about, errors on forms and the
breadcrumbs."""

from __future__ import annotations

from django.forms import Form
from django.http import Http404, HttpRequest
from django.urls import reverse

from config.access import roles_required
from config.exceptions import DomainError
from config.permissions import Role
from staffing import selectors
from staffing.models import Team, User

# The team, rota, coverage, training, workload and allocation pages are for supervisors (sergeant,
# manager, admin); the others say who may use them.
supervisors_only = roles_required(*Role.SUPERVISORS)


def user_of(request: HttpRequest) -> User:
    user = request.user
    assert isinstance(user, User)
    return user


def team_of(request: HttpRequest) -> Team:
    team = selectors.team_for(user_of(request), request.GET.get("team") or request.POST.get("team"))
    if team is None:
        raise Http404("No team")
    return team


def form_error(form: Form, exc: DomainError) -> None:
    form.add_error(exc.field if exc.field in form.fields else None, exc.message)


def crumbs(*items: tuple[str, str | None]) -> list[dict[str, str | None]]:
    return [
        {"label": "Home", "url": reverse("home")},
        *({"label": label, "url": url} for label, url in items),
    ]


def team_choices() -> list[Team]:
    return list(Team.objects.order_by("code").only("code", "name"))
