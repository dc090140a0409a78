"""What the staffing API views share: the team a request names and the work item it names."""

from __future__ import annotations

from django.db.models import Model
from rest_framework.request import Request

from config.exceptions import DomainError
from staffing import selectors
from staffing.models import Team


def team_param(request: Request, code: str | None = None) -> Team | None:
    """The team asked for (?team=CODE), else the caller's own team, else None (every team)."""
    code = code if code is not None else request.query_params.get("team")
    user = request.user
    if code:
        team = Team.objects.select_related("sergeant").filter(code=code).first()
        if team is None:
            raise DomainError(f"Unknown team {code!r}.", field="team")
        return team
    return Team.objects.select_related("sergeant").get(pk=user.team_id) if user.team_id else None  # type: ignore[union-attr]


def team_required(request: Request) -> Team:
    team = team_param(request)
    if team is None:
        raise DomainError("Say which team (?team=CODE).", field="team")
    return team


def work_item(request: Request, item_type: str, item_id: int) -> Model:
    """A registered kind of work (else 400 on item_type) that the caller may see (else 404, the same
    answer as for a missing item)."""
    return selectors.work_item_get(user=request.user, item_type=item_type, pk=item_id).item  # type: ignore[arg-type]
