"""The advisor's triage decision and the answers to the facts it rests on (API.md optional facts)."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from complaints.models import (
    Allegation,
    AppropriateAuthority,
    CaseAction,
    Complainant,
    ComplaintCase,
    NotAComplaintReason,
    Route,
    TriageDecision,
)
from complaints.selectors import (
    case_assumptions,
    case_triage,
    fact_question,
)
from complaints.services.common import (
    _lock_open,
    _log,
    _save,
)
from complaints.services.intake import _allegation_facts
from config.exceptions import DomainError
from staffing.models import User


# ---------------------------------------------------------------- triage
@transaction.atomic
def complaint_triage_decide(
    *,
    case_id: int,
    actor: User,
    accept: bool,
    route: str = "",
    must_refer_to_iopc: bool | None = None,
    appropriate_authority: str = "",
    reason: str = "",
    not_a_complaint: str = "",
    version: int | None = None,
) -> ComplaintCase:
    """Accept the engine's proposal, or override it with a recorded reason; an override may find the
    matter is not a complaint at all (`not_a_complaint`, C-NOT-A-COMPLAINT): no route, not eligible,
    and the case page then offers signposting."""
    case = _lock_open(case_id, version)
    waiting = [c for c in case.complainants.all() if c.authority_awaited]
    if waiting:
        raise DomainError(
            f"Handling waits for the written authority of {waiting[0].on_behalf_of or 'the person'} "
            "(C-ELIG-ON-BEHALF): record it first.",
            field="decision",
        )
    proposal = case_triage(case)
    if accept:
        unanswered = case_assumptions(case)
        if unanswered:
            raise DomainError(
                "Ask these first; the answer could change the proposal: "
                + "; ".join(fact_question(a.field) for a in unanswered)
                + ".",
                field="decision",
            )
        chosen_route = proposal.route or ""
        chosen_refer = proposal.must_refer_to_iopc
        chosen_aa = proposal.appropriate_authority or ""
    else:
        if not reason.strip():
            raise DomainError("Say why you are overriding the triage proposal.", field="reason")
        if route and route not in Route.values:
            raise DomainError(f"Unknown route {route!r}.", field="route")
        if appropriate_authority and appropriate_authority not in AppropriateAuthority.values:
            raise DomainError(
                f"Unknown appropriate authority {appropriate_authority!r}.", field="appropriate_authority"
            )
        if route == Route.OUTSIDE_SCHEDULE_3 and proposal.must_record:
            raise DomainError(
                "This complaint must be recorded under Schedule 3, so it cannot be handled outside it "
                "(C-OUTSIDE-S3-CONDITIONS).",
                field="route",
            )
        if not_a_complaint and not_a_complaint not in NotAComplaintReason.values:
            raise DomainError(f"Unknown reason {not_a_complaint!r}.", field="not_a_complaint")
        if not_a_complaint and route:
            raise DomainError("A matter that is not a complaint has no handling route.", field="route")
        chosen_route = route
        chosen_refer = (
            bool(must_refer_to_iopc) if must_refer_to_iopc is not None else proposal.must_refer_to_iopc
        )
        chosen_aa = appropriate_authority or (proposal.appropriate_authority or "")
    decision = TriageDecision(
        case=case,
        proposed_route=proposal.route or "",
        proposed_must_refer=proposal.must_refer_to_iopc,
        proposed_authority=proposal.appropriate_authority or "",
        proposed_first_update_due=proposal.first_update_due,
        rules=list(proposal.rules),
        explanation=list(proposal.explanation),
        accepted=accept,
        route=chosen_route,
        must_refer_to_iopc=chosen_refer,
        appropriate_authority=chosen_aa,
        reason=reason,
        decided_by=actor,
    )
    decision._change_reason = "Triage accepted" if accept else "Triage overridden"  # type: ignore[attr-defined]
    decision.save()
    if not accept:
        case.not_a_complaint = not_a_complaint
    case.eligible = False if case.not_a_complaint else proposal.eligible
    case.route = chosen_route
    case.must_refer_to_iopc = chosen_refer
    case.appropriate_authority = chosen_aa
    _save(
        case,
        "Triage decision",
        ["eligible", "not_a_complaint", "route", "must_refer_to_iopc", "appropriate_authority"],
    )
    label = dict(Route.choices).get(chosen_route, "not eligible – no route")
    if case.not_a_complaint:
        label = f"not a complaint – {case.get_not_a_complaint_display().lower()}"
    _log(
        case,
        actor=actor,
        kind=CaseAction.Kind.TRIAGE,
        summary=("Accepted triage: " if accept else "Overrode triage: ") + str(label),
        reason=reason or "; ".join(proposal.explanation),
        # Found not a complaint by the advisor: the rule is theirs, not the proposal they overrode.
        rule_ids=["C-NOT-A-COMPLAINT"] if not accept and not_a_complaint else list(proposal.rules),
    )
    return case


@transaction.atomic
def complaint_facts_answer(
    *, case_id: int, actor: User, answers: dict[str, Any], version: int | None = None
) -> ComplaintCase:
    """Record the complainant's answers to the triage's optional facts (API.md), keyed by the dotted
    paths `assumed` names ("complainant.subject_of_conduct", "allegations.0.conduct"): the first
    complainant, the allegations in the order the case lists them."""
    case = _lock_open(case_id, version)
    if not answers:
        raise DomainError("Answer at least one question.", field="answers")
    complainant = case.complainants.order_by("id").first()
    allegations = list(case.allegations.order_by("id"))
    dirty: dict[int, Complainant | Allegation] = {}
    said: list[str] = []
    for path, value in answers.items():
        parts = path.split(".")
        if parts[0] == "complainant" and len(parts) == 2 and parts[1] in Complainant.OPTIONAL_FACTS:
            if complainant is None:
                raise DomainError("The case has no complainant.", field="answers")
            target: Complainant | Allegation = complainant
            name = parts[1]
        elif (
            parts[0] == "allegations"
            and len(parts) == 3
            and parts[1].isdigit()
            and int(parts[1]) < len(allegations)
            and parts[2] in Allegation.OPTIONAL_FACTS
        ):
            target, name = allegations[int(parts[1])], parts[2]
        else:
            raise DomainError(f"{path!r} is not a fact of this case that can be answered.", field="answers")
        if name == "injury_details":
            if not isinstance(value, list):
                raise DomainError("Give the injury details as a list ([] for none).", field=path)
            value = _allegation_facts({name: value}, path.rsplit(".", 1)[0])[name]
        elif not isinstance(value, bool):
            raise DomainError("Answer yes or no.", field=path)
        setattr(target, name, value)
        dirty[id(target)] = target
        said.append(f"{fact_question(path)} {_answer_words(value)}")
    for record in dirty.values():
        record._change_reason = "Triage facts answered"  # type: ignore[union-attr]
        record.save()
    _save(case, "Triage facts answered", [])
    _log(
        case,
        actor=actor,
        kind=CaseAction.Kind.EDITED,
        summary="Triage facts answered",
        reason=" ".join(said),
    )
    return case


def _answer_words(value: Any) -> str:
    if isinstance(value, list):
        return ", ".join(value) if value else "No serious injury."
    return "Yes." if value else "No."
