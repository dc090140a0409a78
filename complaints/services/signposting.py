"""Signposting a matter to another organisation (issue 23 part 2; C-NOT-A-COMPLAINT, C-ELIG-NO): which
organisation and why, recorded with the case's outcome 'Signposted to another organisation'."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone

from complaints.models import CaseAction, ComplaintCase, Signposting, SignpostOrganisation
from complaints.rules import actions as action_rules
from complaints.services.common import _lock_open
from complaints.services.outcomes import _end
from config.exceptions import DomainError
from staffing.models import User

SIGNPOSTED = "SIGNPOSTED"  # complaints/reference/complaint_outcomes.csv


@transaction.atomic
def complaint_signpost(
    *,
    case_id: int,
    actor: User,
    organisation: str = "",
    organisation_other: str = "",
    reason: str,
    signposted_on: dt.date | None = None,
    version: int | None = None,
) -> Signposting:
    """Signpost the person to the organisation that can help (a code from the force's list, or one
    named in words) and close the case with the outcome 'Signposted to another organisation'. A case
    handled under Schedule 3 is not signposted away (complaints.rules.actions.signpostable)."""
    case = _lock_open(case_id, version)
    refusal = action_rules.signpostable(
        action_rules.CaseState(
            reference=case.reference,
            kind=case.kind,
            status=case.status,
            status_label=str(case.get_status_display()),
            route=case.route,
            recorded=case.recorded_on is not None,
        )
    )
    if refusal:
        raise DomainError(refusal, field="status")
    other = organisation_other.strip()
    if bool(organisation) == bool(other):
        raise DomainError(
            "Choose the organisation from the list, or name one that is not on it (not both).",
            field="organisation",
        )
    chosen = None
    if organisation:
        chosen = SignpostOrganisation.objects.filter(code=organisation, retired_on__isnull=True).first()
        if chosen is None:
            raise DomainError(f"Unknown organisation {organisation!r}.", field="organisation")
    if not reason.strip():
        raise DomainError("Say why this organisation can help.", field="reason")
    today = timezone.localdate()
    signposted_on = signposted_on or today
    if signposted_on > today:
        raise DomainError("The date cannot be in the future.", field="signposted_on")
    signpost = Signposting(
        case=case,
        organisation=chosen,
        organisation_other=other,
        reason=reason.strip(),
        signposted_on=signposted_on,
        signposted_by=actor,
    )
    signpost._change_reason = "Signposted"  # type: ignore[attr-defined]
    signpost.full_clean()
    signpost.save()
    name = signpost.organisation_name
    rule_ids = ["C-NOT-A-COMPLAINT"] if case.not_a_complaint else []
    rule_ids += ["C-ELIG-NO"] if case.eligible is False and not case.not_a_complaint else []
    _end(
        case,
        actor=actor,
        status=ComplaintCase.Status.CLOSED,
        outcome_code=SIGNPOSTED,
        reason=f"Signposted to {name}: {signpost.reason}",
        kind=CaseAction.Kind.SIGNPOSTED,
        rule_ids=[*rule_ids, "C-LOG-ALL"],
        summary=f"Signposted to {name}",
    )
    return signpost
