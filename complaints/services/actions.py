"""Every case action by its one name, for the case page and the API alike (STYLE 12): the dispatch
reads the actions' specification (complaints.actions.SPECS) for who may, when, and which service."""

from __future__ import annotations

from typing import Any

from complaints.models import ComplaintCase
from config.exceptions import DomainError
from staffing.models import User


def case_action(name: str, *, case_id: int, actor: User, data: dict[str, Any]) -> Any:
    """Do the case action `name` with `data`: the one dispatch the case page and the API both use, so
    every action has one name and one mapping onto its service. Users come in as User objects. Who may
    and the precondition are asked here, in the specification's words, before the service (which
    keeps its own checks under the case lock)."""
    from complaints.actions import SPECS, case_state, refusal

    spec = SPECS.get(name)
    if spec is None:
        raise DomainError(f"Unknown action {name!r}.", field="action")
    case = (
        ComplaintCase.objects.prefetch_related(
            "reviews", "suspensions", "recommendations", "subjects__candidates"
        )
        .filter(pk=case_id)
        .first()
    )
    if case is None:
        raise DomainError("No such complaint case.", field="case")
    problem = refusal(spec, user=actor, state=case_state(case))
    if problem:
        field = "action" if not spec.who(actor) else getattr(problem, "field", "status")
        raise DomainError(str(problem), field=field)
    spec.check(data)
    return spec.handler(case_id, actor, data)
