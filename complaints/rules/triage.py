"""The triage engine: eligibility, recording, referral, handling route, first update and review body,
each decision explained beside the rules it rests on."""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from complaints.rules.clocks import first_update_due, local_date, more_than_months_ago
from complaints.rules.eligibility import allegation_eligibility, eligible_reason, ineligible_reason
from complaints.rules.facts import (
    ADULT_AGE,
    DEFAULT_TIME_LIMITS,
    INJURY_PROMPT_CATEGORIES,
    NOT_A_COMPLAINT_ADVICE,
    SERIOUS_INJURY_DETAILS,
    AllegationFacts,
    Authority,
    Citation,
    NotAComplaint,
    ReviewBody,
    Route,
    TimeLimits,
    TriageError,
    TriageInput,
    TriageResult,
)
from complaints.rules.reviews import review_body_with_reason
from complaints.rules.triggers import (
    RECORD_TRIGGER_WORDS,
    REFERRAL_CRITERIA_WORDS,
    allegation_is_serious,
    criminal_or_disciplinary,
    is_serious_injury,
    needs_investigation,
    record_triggers,
    referral_criteria,
)


@dataclass
class _Trace:
    """The rules relied on, each explanation line with the rule IDs it rests on beside it."""

    rules: list[str] = field(default_factory=list)
    explanation: list[str] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)

    def say(self, text: str, *rule_ids: str) -> None:
        """One line of plain words and the rules it rests on (every cited rule has its words)."""
        for rule_id in rule_ids:
            if rule_id not in self.rules:
                self.rules.append(rule_id)
        self.explanation.append(text)
        self.citations.append(Citation(text=text, rules=tuple(rule_ids)))

    def result(self, **kwargs: Any) -> TriageResult:
        return TriageResult(
            rules=tuple(self.rules),
            explanation=tuple(self.explanation),
            citations=tuple(self.citations),
            **kwargs,
        )


def _validate(inp: TriageInput, categories: Collection[str]) -> date:
    received_on = local_date(inp.received_at)
    if not inp.allegations:
        raise TriageError("Add at least one allegation.", "allegations")
    for index, allegation in enumerate(inp.allegations):
        if allegation.category not in categories:
            raise TriageError(
                f"Unknown complaint category {allegation.category!r}.", f"allegations.{index}.category"
            )
        unknown = set(allegation.injury_details) - SERIOUS_INJURY_DETAILS
        if unknown:
            raise TriageError(
                f"Unknown injury detail {sorted(unknown)[0]!r}.", f"allegations.{index}.injury_details"
            )
    if inp.incident_date is not None and inp.incident_date > received_on:
        raise TriageError("The incident date cannot be after the complaint was received.", "incident_date")
    if inp.not_a_complaint is not None and inp.not_a_complaint not in NOT_A_COMPLAINT_ADVICE:
        raise TriageError(f"Unknown reason {inp.not_a_complaint!r}.", "not_a_complaint")
    return received_on


def _words(ids: Iterable[str], words: dict[str, str]) -> str:
    return "; ".join(words.get(rule_id, rule_id) for rule_id in ids)


def triage(
    inp: TriageInput,
    categories: Collection[str],
    limits: TimeLimits = DEFAULT_TIME_LIMITS,
) -> TriageResult:
    """Decide eligibility, handling route, IOPC referral, AA, review body and first update date.

    Route precedence: referred_to_iopc > schedule_3_investigation > reasonable_and_proportionate >
    outside_schedule_3. Raises TriageError for an unknown category, an incident after receipt or a
    naive `received_at`."""
    received_on = _validate(inp, categories)
    trace = _Trace()

    # C-CHIEF-OFFICER: the LPB is the AA for complaints about the chief officer; for anyone else,
    # senior officers included, the chief officer is (AA-CHIEF-OFFICER).
    if inp.about_chief_officer:
        authority = Authority.LOCAL_POLICING_BODY
        trace.say(
            "The complaint is about the chief officer: the local policing body is the appropriate authority.",
            "C-CHIEF-OFFICER",
        )
    else:
        authority = Authority.CHIEF_OFFICER

    # C-YOUNG-PEOPLE: care and an adult alongside, whatever the route (it changes no answer).
    if inp.complainant.age is not None and inp.complainant.age < ADULT_AGE:
        trace.say(
            f"The complainant is {inp.complainant.age}, under {ADULT_AGE}: take extra care and involve a "
            "parent, guardian or advocate as appropriate.",
            "C-YOUNG-PEOPLE",
        )

    # C-NOT-A-COMPLAINT / C-COMPLIMENT
    if inp.not_a_complaint is not None:
        rule = "C-COMPLIMENT" if inp.not_a_complaint == NotAComplaint.COMPLIMENT else "C-NOT-A-COMPLAINT"
        trace.say(
            "This is not a complaint under the Police Reform Act: "
            f"{NOT_A_COMPLAINT_ADVICE[inp.not_a_complaint]}.",
            rule,
        )
        return trace.result(
            eligible=False,
            route=None,
            must_refer_to_iopc=False,
            appropriate_authority=authority,
            first_update_due=None,
            received_on=received_on,
            is_complaint=False,
        )
    trace.say(
        "An expression of dissatisfaction with the police by or for a member of the public is a complaint.",
        "C-DEFINITION",
    )

    # Eligibility, allegation by allegation (C-ELIG-*).
    eligible_allegations: list[AllegationFacts] = []
    ineligible: list[int] = []
    several = len(inp.allegations) > 1
    for index, allegation in enumerate(inp.allegations):
        ok, basis = allegation_eligibility(inp.complainant, allegation)
        label = f"Allegation {index + 1} ({allegation.category})" if several else "The person may complain"
        if ok:
            eligible_allegations.append(allegation)
            trace.say(
                f"{label}: " + eligible_reason(basis) + "."
                if several
                else f"The person may complain: {eligible_reason(basis)}.",
                *basis,
            )
        else:
            ineligible.append(index)
            trace.say(f"Allegation {index + 1} ({allegation.category}): {ineligible_reason(basis)}", *basis)
            if allegation_is_serious(allegation):
                trace.say(
                    f"Allegation {index + 1} is serious: pass it to DSE as a possible conduct matter.",
                    "C-CONDUCT-MATTER",
                )

    if not eligible_allegations:
        trace.say(
            "The person may not complain about this: tell them in writing, with reasons, and do not record "
            "it as a complaint; there is no right of review.",
            "C-ELIG-NO",
            "C-NONRECORD-NOTICE",
        )
        return trace.result(
            eligible=False,
            route=None,
            must_refer_to_iopc=False,
            appropriate_authority=authority,
            first_update_due=None,
            received_on=received_on,
            ineligible_allegations=tuple(ineligible),
        )
    if ineligible:
        kept = ", ".join(str(i + 1) for i in range(len(inp.allegations)) if i not in ineligible)
        trace.say(
            "Each allegation is decided on its own: the route below is for allegation(s) " + kept + " only.",
            "C-ALLEGATION-SPLIT",
        )

    # C-SERIOUS-INJURY-DEF: prompt for injury details on use-of-force / custody allegations.
    injury_prompts = tuple(
        index
        for index, allegation in enumerate(inp.allegations)
        if allegation.category in INJURY_PROMPT_CATEGORIES and index not in ineligible
    )
    if injury_prompts:
        trace.say(
            "Ask about any injury: a fracture, a deep cut or laceration, damage to an internal organ or an "
            "impaired bodily function is a serious injury.",
            "C-SERIOUS-INJURY-DEF",
        )
    if any(is_serious_injury(a.injury_details) for a in eligible_allegations):
        trace.say("The injury described is a serious injury (PRA s29).", "C-SERIOUS-INJURY-DEF")

    # C-MANDATORY-REFERRAL
    criteria = referral_criteria(
        eligible_allegations,
        about_chief_officer=inp.about_chief_officer,
        same_incident_as_referrable=inp.same_incident_as_referrable,
        iopc_requires_referral=inp.iopc_requires_referral,
    )
    must_refer = bool(criteria)
    if must_refer:
        trace.say(
            "It must be referred to the IOPC: " + _words(criteria, REFERRAL_CRITERIA_WORDS) + ".",
            "C-MANDATORY-REFERRAL",
        )
        trace.say(
            "Refer it promptly: by the end of the day after the need to refer is clear.", "C-REFERRAL-PROMPT"
        )

    # Recording (C-RECORD-*): not agreeing to informal handling counts as wanting it recorded.
    triggers = record_triggers(eligible_allegations, criteria)
    wants_recording = inp.complainant_wants_recording or not inp.complainant_agrees_outside_schedule_3
    reasons: list[str] = []
    if wants_recording:
        reasons.append("RR-COMPLAINANT-WISH")
        if inp.complainant_wants_recording and inp.complainant_agrees_outside_schedule_3:
            trace.say(
                "The complainant agreed to informal handling but wants it recorded: asking for recording "
                "always wins.",
                "C-RECORD-WHEN-WANTED",
                "C-OUTSIDE-S3-ESCALATE",
            )
        elif inp.complainant_wants_recording:
            trace.say(
                "The complainant wants the complaint recorded, so it must be recorded under Schedule 3.",
                "C-RECORD-WHEN-WANTED",
            )
        else:
            trace.say(
                "The complainant has not agreed to informal handling, so they are taken to want it recorded "
                "under Schedule 3.",
                "C-RECORD-WHEN-WANTED",
            )
    if triggers:
        reasons.append("RR-MANDATORY")
        trace.say(
            "It must be recorded under Schedule 3: " + _words(triggers, RECORD_TRIGGER_WORDS) + ".", *triggers
        )
    if inp.aa_decides_to_record:
        reasons.append("RR-AA-DECIDES")
        trace.say("The appropriate authority has chosen to record it.", "C-RECORD-DISCRETION")
    must_record = bool(reasons)

    # C-OUTSIDE-S3-CONDITIONS: when informal handling is refused, say which condition failed.
    if must_record or must_refer:
        failed: list[str] = []
        if wants_recording:
            failed.append("(a) the complainant has asked for it to be recorded")
        if triggers:
            failed.append("(b) a must-record trigger applies")
        if inp.aa_decides_to_record and not failed:
            failed.append("the appropriate authority has chosen to record it")
        trace.say(
            "It cannot be handled informally outside Schedule 3: " + " and ".join(failed) + ".",
            "C-OUTSIDE-S3-CONDITIONS",
        )

    # Route, in precedence order.
    if must_refer:
        route = Route.IOPC
    elif must_record and needs_investigation(eligible_allegations):
        route = Route.S3_INVESTIGATION
        trace.say(
            "There is an indication of a criminal offence, disciplinary-level behaviour or an Article 2/3 "
            "issue: it must be investigated.",
            "C-INVESTIGATE-WHEN",
        )
    elif must_record:
        route = Route.S3_RP
        trace.say(
            "Nothing indicates it needs investigating: handle it in a reasonable and proportionate way.",
            "C-INVESTIGATE-WHEN",
            "C-RP-HANDLING",
        )
    else:
        route = Route.OUTSIDE_S3
        trace.say(
            "The complainant agreed to informal handling and no must-record trigger applies: it may be "
            "handled outside Schedule 3.",
            "C-OUTSIDE-S3",
            "C-OUTSIDE-S3-CONDITIONS",
        )
        trace.say("If they later ask for it to be recorded, it must be recorded.", "C-OUTSIDE-S3-ESCALATE")

    # C-DELAY-12M: never a ground for ineligibility.
    nfa = False
    if inp.incident_date is not None and more_than_months_ago(
        inp.incident_date, received_on, limits.time_since_incident_limit_months
    ):
        months = limits.time_since_incident_limit_months
        if inp.delay_good_reason:
            trace.say(
                f"More than {months} months passed since the incident, with a good reason for the delay.",
                "C-DELAY-12M",
            )
        else:
            nfa = True
            trace.say(
                f"More than {months} months passed since the incident: ask why. Without a good reason, no "
                "further action may be considered; lateness alone never makes it ineligible.",
                "C-DELAY-12M",
                "C-NFA",
            )

    # C-UPDATE-28D
    start = inp.handling_started_on or received_on
    update_due = first_update_due(start, limits)
    trace.say(
        f"Tell the complainant how it is going by {update_due.isoformat()} "
        f"({limits.update_interval_days} days from {start.isoformat()}).",
        "C-UPDATE-28D",
    )

    # C-REVIEW-RIGHT / C-REVIEW-BODY
    body, why = review_body_with_reason(
        route=route,
        appropriate_authority=authority,
        about_senior_officer=any(a.about_senior_officer for a in eligible_allegations),
        serious=any(criminal_or_disciplinary(a) or a.article_2_or_3 for a in eligible_allegations),
        referred=must_refer,
        same_incident=inp.same_incident_as_referrable,
    )
    if body is None:
        trace.say(f"No review: {why}.", "C-REVIEW-RIGHT")
    else:
        who = "the IOPC" if body == ReviewBody.IOPC else "the local policing body"
        trace.say(
            f"After the outcome the complainant may ask {who} for a review within 28 days: {why}.",
            "C-REVIEW-RIGHT",
            "C-REVIEW-BODY",
            "C-REVIEW-28D",
        )

    return trace.result(
        eligible=True,
        route=route,
        must_refer_to_iopc=must_refer,
        appropriate_authority=authority,
        first_update_due=update_due,
        must_record=must_record or must_refer,
        review_body=body,
        received_on=received_on,
        referral_criteria=criteria,
        recording_reasons=tuple(reasons),
        ineligible_allegations=tuple(ineligible),
        injury_details_needed=injury_prompts,
        nfa_may_be_considered=nfa,
    )
