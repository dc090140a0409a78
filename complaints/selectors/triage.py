"""Triage of a stored case: the engine's input from what the case records, its proposal, and the facts
still to ask."""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from complaints import rules
from complaints.models import Allegation, Complainant, ComplaintCase, ComplaintCategory
from complaints.selectors.reference import time_limits
from config.exceptions import DomainError


def complaint_category_codes() -> frozenset[str]:
    """Every complaint category code in the reference table (one query). Not held in a
    config.reference_cache: asking for the table's version costs what this query does (issue 24 part 4)."""
    return frozenset(ComplaintCategory.objects.in_force(timezone.localdate()).values_list("code", flat=True))


def case_triage_input(case: ComplaintCase) -> rules.TriageInput:
    """The engine's input built from what the case records (first complainant's standing). A fact
    not asked yet (null) is taken at the contract's default; `case_given` says which were asked."""
    complainants = list(case.complainants.all())
    first = complainants[0] if complainants else None
    defaults = rules.Complainant(False, False, False, False)
    return rules.TriageInput(
        received_at=case.received_at,
        about_chief_officer=case.about_chief_officer,
        complainant=rules.Complainant(
            adversely_affected=bool(first and first.adversely_affected),
            witness=bool(first and first.witness),
            acting_for_someone=bool(first and first.acting_for_someone),
            consent_of_affected=bool(first and first.consent_of_affected),
            age=first.age if first else None,
            **{
                name: _or(getattr(first, name, None), getattr(defaults, name))
                for name in Complainant.OPTIONAL_FACTS
            },
        ),
        incident_date=case.incident_date,
        allegations=tuple(allegation_facts(a) for a in case.allegations.all()),
        complainant_wants_recording=case.complainant_wants_recording,
        complainant_agrees_outside_schedule_3=case.complainant_agrees_outside_schedule_3,
        handling_started_on=timezone.localdate(case.received_at),
        not_a_complaint=case.not_a_complaint or None,  # C-NOT-A-COMPLAINT, as triage found it
    )


def _or(value: Any, default: Any) -> Any:
    return default if value is None else value


def allegation_facts(a: Allegation) -> rules.AllegationFacts:
    defaults = rules.AllegationFacts(category=a.category.code)
    return rules.AllegationFacts(
        category=a.category.code,
        **{flag: getattr(a, flag) for flag in Allegation.FLAGS},
        conduct=_or(a.conduct, defaults.conduct),
        relevant_offence=_or(a.relevant_offence, defaults.relevant_offence),
        about_senior_officer=_or(a.about_senior_officer, defaults.about_senior_officer),
        injury_details=frozenset(a.injury_details or ()),
    )


def case_given(case: ComplaintCase) -> frozenset[str]:
    """The optional facts the case records an answer to (dotted paths, as `assumed` names them)."""
    complainants = list(case.complainants.all())
    given = {
        f"complainant.{name}"
        for name in Complainant.OPTIONAL_FACTS
        if complainants and getattr(complainants[0], name) is not None
    }
    for index, allegation in enumerate(case.allegations.all()):
        given |= {
            f"allegations.{index}.{name}"
            for name in Allegation.OPTIONAL_FACTS
            if getattr(allegation, name) is not None
        }
    return frozenset(given)


def case_triage(case: ComplaintCase) -> rules.TriageResult:
    """The triage engine's proposal for a stored case (C-* rule IDs and explanation)."""
    return case_triage_and_assumptions(case, with_assumptions=False)[0]


def case_assumptions(case: ComplaintCase) -> tuple[rules.Assumption, ...]:
    """The facts not asked yet whose answer would change the proposal: ask them before accepting it."""
    if case.kind == ComplaintCase.Kind.COMPLIMENT or not case.allegations.all():
        return ()
    return case_triage_and_assumptions(case)[1]


def case_triage_and_assumptions(
    case: ComplaintCase, *, with_assumptions: bool = True
) -> tuple[rules.TriageResult, tuple[rules.Assumption, ...]]:
    """The proposal and the facts it assumed, from one read of the category codes."""
    inp, categories, limits = case_triage_input(case), complaint_category_codes(), time_limits()
    try:
        result = rules.triage(inp, categories, limits)
        found = rules.assumptions(inp, case_given(case), categories, limits) if with_assumptions else ()
    except rules.TriageError as exc:
        raise DomainError(exc.message, field=exc.field) from exc
    return result, found


_FACT_QUESTIONS = {
    "subject_of_conduct": "Was the conduct directed at the complainant?",
    "serving_officer_same_force": (
        "Does the complainant serve with the police under the same chief officer as the person complained "
        "about?"
    ),
    "affected_only_through_media": "Did the complainant see it only on television or social media?",
    "conduct": "Is allegation {n} about someone's conduct (not only a service or policy matter)?",
    "relevant_offence": (
        "Could allegation {n} be a relevant offence (a sentence fixed by law, or 7 years or more)?"
    ),
    "about_senior_officer": (
        "Is allegation {n} about an officer above chief superintendent (other than the chief officer)?"
    ),
    "injury_details": (
        "Was anyone seriously injured in allegation {n} (a fracture, a deep cut, an internal injury or an "
        "impaired bodily function)?"
    ),
}
ANSWER_LABELS = {
    "eligible": "whether they may complain",
    "route": "the handling route",
    "must_refer_to_iopc": "referral to the IOPC",
    "appropriate_authority": "the appropriate authority",
    "review_body": "the review body",
}


def fact_question(path: str) -> str:
    """The question an advisor asks to settle an optional fact, in plain words."""
    parts = path.split(".")
    n = int(parts[1]) + 1 if parts[0] == "allegations" else 0
    return _FACT_QUESTIONS[parts[-1]].format(n=n)


def would_change_words(assumption: rules.Assumption) -> str:
    return ", ".join(ANSWER_LABELS[name] for name in assumption.would_change)
