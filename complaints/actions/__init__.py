"""Every complaint case action, specified once (issue 22 House).

One `ActionSpec` per action says its stable name (the page's URL slug, the API's `action`, the
dispatch key), the label people read, who may take it, when it may be taken (a pure precondition of
complaints.rules.actions giving the reason in words), the clock it moves, the letter it offers, the
page's form, the API endpoint that takes it, the CaseAction kind it writes in the case log, and the
handler that maps the form's or serializer's keys onto its service. The dispatch
(complaints.services.case_action), the case page (complaints.views.handling), the API
(complaints.serializers.handling.ActionIn) and the case log all read SPECS: adding an action is adding
one entry to its stage module here (and its service and form)."""

from __future__ import annotations

from complaints.actions import handling, outcomes, review, running, triage
from complaints.actions.spec import ActionSpec, Clock, case_state, refusal

# The actions in the page's order: each stage module holds its own.
_SPECS: tuple[ActionSpec, ...] = (
    *triage.SPECS,
    *handling.SPECS,
    *outcomes.SPECS,
    *review.SPECS,
    *running.SPECS,
)
SPECS: dict[str, ActionSpec] = {spec.name: spec for spec in _SPECS}
# The actions POST /api/v1/complaints/cases/{id}/actions/ takes by `action`; the rest have their own
# endpoints (spec.api names them).
API_ACTIONS: tuple[str, ...] = tuple(s.name for s in _SPECS if s.api == "actions")


__all__ = ["API_ACTIONS", "SPECS", "ActionSpec", "Clock", "case_state", "refusal"]
