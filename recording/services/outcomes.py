"""Finalising a crime with a Home Office outcome (R-OUTCOME-*)."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from config.exceptions import DomainError
from recording import lifecycle
from recording.models import (
    Crime,
    HomeOfficeOutcome,
)
from recording.services.common import lock_crime, require_crime_changer, require_reason, set_review_on
from staffing.models import User
from staffing.services import allocation_finish

# ---------------------------------------------------------------- outcomes (R-OUTCOME-*)


def outcome_problems(crime: Crime, outcome: HomeOfficeOutcome) -> dict[str, str]:
    """Preconditions from ho_outcomes.csv, by the field to blame."""
    problems: dict[str, str] = {}
    identified = any(s.identified for s in crime.suspects.all())
    if outcome.requires_suspect and not identified:
        problems["outcome"] = (
            f"Outcome {outcome.code} needs an identified suspect on the crime (R-OUTCOME-SUSPECT)."
        )
    if outcome.code in {"14", "18"} and identified:
        problems["outcome"] = (
            f"Outcome {outcome.code} is for crimes with no identified suspect (R-OUTCOME-SUSPECT)."
        )
    if outcome.requires_victim_view:
        if not crime.victim_view or not crime.victim_view_evidence.strip():
            problems["victim_view"] = (
                f"Outcome {outcome.code} needs the victim's view recorded with evidence "
                "(R-OUTCOME-VICTIM-VIEW)."
            )
        elif outcome.code in {"14", "16"} and crime.victim_view == Crime.VictimView.SUPPORTS:
            problems["victim_view"] = f"Outcome {outcome.code} rests on the victim not supporting action."
        elif outcome.code == "15" and crime.victim_view != Crime.VictimView.SUPPORTS:
            problems["victim_view"] = "Outcome 15 rests on the victim supporting action."
    return problems


@transaction.atomic
def crime_finalise(*, crime: Crime, actor: User, outcome_code: str, reason: str) -> Crime:
    """Assign the Home Office outcome (R-OUTCOME-ASSIGN). The crime stays counted (R-OUTCOME-NOT-CANCEL)."""
    crime = lock_crime(crime)
    require_crime_changer(actor, crime, "finalise it")
    reason = require_reason(reason)
    outcome = HomeOfficeOutcome.objects.filter(code=outcome_code).first()
    if outcome is None:
        raise DomainError(f"Unknown outcome code {outcome_code!r}.", field="outcome")
    if lifecycle.transition_error(crime.status, lifecycle.FINALISED):
        raise DomainError(lifecycle.transition_error(crime.status, lifecycle.FINALISED) or "", field="status")
    problems = outcome_problems(crime, outcome)
    if problems:
        field, message = next(iter(problems.items()))
        raise DomainError(message, field=field)
    crime.status = lifecycle.FINALISED
    crime.outcome = outcome
    crime.outcome_at = timezone.now()
    crime.outcome_reason = reason
    crime.next_victim_update_due = None
    set_review_on(crime, crime.outcome_at)
    crime._history_user = actor  # type: ignore[attr-defined]
    crime._change_reason = f"Finalised with outcome {outcome.code}: {reason}"  # type: ignore[attr-defined]
    crime.save(
        update_fields=[
            "status",
            "outcome",
            "outcome_at",
            "outcome_reason",
            "next_victim_update_due",
            "review_on",
            "updated_at",
        ]
    )
    allocation_finish(item=crime, actor=actor, reason=f"Crime finalised by {actor.username}")
    return crime
