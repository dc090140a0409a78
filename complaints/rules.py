"""Complaint triage and complaint deadlines: PURE rules (stdlib only, no Django, no DB, no I/O).

Every decision cites rule IDs of the rule catalogue (staffing/reference/rules.csv, from the domain
notes). Time limits come in as a `TimeLimits` value: `complaints.rules_data.time_limits()` reads them
from reference/complaint_rules.json (so a correction is a data change); `DEFAULT_TIME_LIMITS` mirrors
that file for callers that pass none (a test keeps the two equal).

Scope notes:
- C-COMPLIMENT: compliments are not complaints and are never triaged. `triage` answers a compliment
  passed in as `not_a_complaint=NotAComplaint.COMPLIMENT` with `eligible=False`, `route=None` and the
  advice to record it separately (C-COMPLIMENT).
- C-CONDUCT-MATTER / C-DSI are not complaints either; when the person may not complain about an
  allegation that would otherwise need recording, the explanation suggests passing it to DSE.
- Eligibility is decided per allegation: the complaint is eligible when the person may complain about
  at least one allegation; the others are listed in `ineligible_allegations` and take no part in the
  route (e.g. a witness's service complaint, C-ELIG-WITNESS / C-ELIG-NONCONDUCT).
- Dates are Europe/London calendar dates; "within N days" counts day 1 as the day after the event.
"""

from __future__ import annotations

import calendar
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import Any
from zoneinfo import ZoneInfo

from config.working_days import add_working_days

LONDON = ZoneInfo("Europe/London")


# ---------------------------------------------------------------- data


@dataclass(frozen=True)
class TimeLimits:
    """The time limits of reference/complaint_rules.json `time_limits`."""

    update_interval_days: int = 28  # C-UPDATE-28D
    outcome_notification_working_days: int = 5  # C-OUTCOME-5WD
    review_application_days: int = 28  # C-REVIEW-28D
    time_since_incident_limit_months: int = 12  # C-DELAY-12M
    initial_contact_working_days: int | None = None  # C-INITIAL-CONTACT: local policy, no statutory count
    report_to_body_after_months: int = 12  # C-INV-12M-REPORT
    report_to_body_repeat_months: int = 6  # C-INV-12M-REPORT


DEFAULT_TIME_LIMITS = TimeLimits()


class Route(StrEnum):
    OUTSIDE_S3 = "outside_schedule_3"
    S3_RP = "schedule_3_reasonable_and_proportionate"
    S3_INVESTIGATION = "schedule_3_investigation"
    IOPC = "referred_to_iopc"


class Authority(StrEnum):
    CHIEF_OFFICER = "chief_officer"  # AA-CHIEF-OFFICER (in practice the force's DSE/PSD)
    LOCAL_POLICING_BODY = "local_policing_body"  # AA-LPB-FOR-CHIEF, C-CHIEF-OFFICER


class ReviewBody(StrEnum):
    IOPC = "iopc"
    LOCAL_POLICING_BODY = "local_policing_body"


class NotAComplaint(StrEnum):
    """C-NOT-A-COMPLAINT (and C-COMPLIMENT): things that are not complaints under PRA Part 2."""

    SERVICE_REQUEST = "service_request"
    CRIME_REPORT = "crime_report"
    INFORMATION_REQUEST = "information_request"  # FOI / subject access
    ABOUT_PCC = "about_pcc"  # goes to the Police and Crime Panel
    INTERNAL_GRIEVANCE = "internal_grievance"
    COMPLIMENT = "compliment"


NOT_A_COMPLAINT_ADVICE: dict[str, str] = {
    NotAComplaint.SERVICE_REQUEST: "a request for service: pass it to the force to action",
    NotAComplaint.CRIME_REPORT: "a crime report: pass it to the force to record and investigate",
    NotAComplaint.INFORMATION_REQUEST: "an FOI or subject access request: pass it to the information team",
    NotAComplaint.ABOUT_PCC: "a complaint about the PCC: it goes to the Police and Crime Panel",
    NotAComplaint.INTERNAL_GRIEVANCE: "an internal grievance: it goes through the force grievance procedure",
    NotAComplaint.COMPLIMENT: "a compliment: record it separately (who, what, when, officer or team)",
}


class InjuryDetail(StrEnum):
    """C-SERIOUS-INJURY-DEF: what makes an injury 'serious' (PRA s29)."""

    FRACTURE = "fracture"
    DEEP_CUT = "deep_cut"  # a deep cut or deep laceration
    INTERNAL_ORGAN = "internal_organ"  # damages an internal organ
    IMPAIRED_FUNCTION = "impaired_function"  # impairs a bodily function


SERIOUS_INJURY_DETAILS = frozenset(InjuryDetail)
# C-SERIOUS-INJURY-DEF: categories for which Resolve prompts for injury details.
INJURY_PROMPT_CATEGORIES = frozenset({"B5", "B6"})


class TriageError(ValueError):
    """Input the rules cannot decide on; `field` names the input to blame (dotted path)."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


ADULT_AGE = 18  # C-YOUNG-PEOPLE
MAX_AGE = 130  # an age past this is a typing slip, refused at the input


@dataclass(frozen=True)
class Complainant:
    adversely_affected: bool
    witness: bool
    acting_for_someone: bool
    consent_of_affected: bool
    subject_of_conduct: bool = False
    serving_officer_same_force: bool = False
    # C-ELIG-AFFECTED: someone who only saw it on TV or social media is not adversely affected.
    affected_only_through_media: bool = False
    # C-YOUNG-PEOPLE: whole years, of the person whose complaint it is (the person represented when
    # acting for someone with consent). None = not asked: it changes no answer, so it is never assumed.
    age: int | None = None


@dataclass(frozen=True)
class AllegationFacts:
    category: str
    death_or_serious_injury: bool = False
    serious_assault: bool = False
    serious_sexual_offence: bool = False
    serious_corruption: bool = False
    discriminatory_criminal_or_misconduct: bool = False
    could_justify_criminal_or_disciplinary: bool = False
    article_2_or_3: bool = False
    relevant_offence: bool = False
    conduct: bool = True
    # C-SERIOUS-INJURY-DEF: any of these makes the injury serious even if the flag above is unset.
    injury_details: frozenset[str] = frozenset()
    about_senior_officer: bool = False  # RRB-IOPC-SENIOR-OFFICER (above chief superintendent)


@dataclass(frozen=True)
class TriageInput:
    received_at: datetime
    about_chief_officer: bool
    complainant: Complainant
    incident_date: date | None
    allegations: tuple[AllegationFacts, ...]
    complainant_wants_recording: bool
    complainant_agrees_outside_schedule_3: bool
    handling_started_on: date | None = None
    not_a_complaint: str | None = None  # a NotAComplaint value (C-NOT-A-COMPLAINT / C-COMPLIMENT)
    same_incident_as_referrable: bool = False  # MR-SAME-INCIDENT / RRB-IOPC-SAME-INCIDENT
    iopc_requires_referral: bool = False  # MR-IOPC-REQUIRES
    aa_decides_to_record: bool = False  # C-RECORD-DISCRETION
    delay_good_reason: bool = False  # C-DELAY-12M: a good reason was given for a late complaint


@dataclass(frozen=True)
class Citation:
    """One line of the explanation and the rule IDs it rests on."""

    text: str
    rules: tuple[str, ...]


@dataclass(frozen=True)
class TriageResult:
    eligible: bool
    route: str | None
    must_refer_to_iopc: bool
    appropriate_authority: str
    first_update_due: date | None
    rules: tuple[str, ...]
    explanation: tuple[str, ...]
    must_record: bool = False
    review_body: str | None = None
    received_on: date | None = None  # the Europe/London date the complaint was received
    referral_criteria: tuple[str, ...] = ()  # MR-* ids of complaint_rules.json that apply
    recording_reasons: tuple[str, ...] = ()  # RR-* ids of complaint_rules.json
    ineligible_allegations: tuple[int, ...] = ()  # indexes the person may not complain about
    injury_details_needed: tuple[int, ...] = ()  # indexes (B5/B6) to prompt for injury details
    nfa_may_be_considered: bool = False  # C-DELAY-12M
    is_complaint: bool = True  # False for C-NOT-A-COMPLAINT / C-COMPLIMENT
    citations: tuple[Citation, ...] = ()  # each explanation line beside the rules it rests on


# ---------------------------------------------------------------- dates


def local_date(moment: datetime) -> date:
    """The Europe/London calendar date of an aware datetime."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise TriageError("The time must include a time zone.", "received_at")
    return moment.astimezone(LONDON).date()


def add_months(start: date, months: int) -> date:
    """Calendar months later, clamping to the month's last day (31 Jan + 1 month = 28/29 Feb)."""
    index = start.month - 1 + months
    year, month = start.year + index // 12, index % 12 + 1
    return date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


def first_update_due(start: date, limits: TimeLimits = DEFAULT_TIME_LIMITS) -> date:
    """C-UPDATE-28D: first progress update within four weeks (28 days) of the start of handling."""
    return start + timedelta(days=limits.update_interval_days)


def next_update_due(last_update: date, limits: TimeLimits = DEFAULT_TIME_LIMITS) -> date:
    """C-UPDATE-28D: each later update within 28 days of the previous one."""
    return last_update + timedelta(days=limits.update_interval_days)


def review_deadline(outcome_letter_date: date, limits: TimeLimits = DEFAULT_TIME_LIMITS) -> date:
    """C-REVIEW-28D: 28 days starting the day after the outcome letter (1 April -> 29 April)."""
    return outcome_letter_date + timedelta(days=limits.review_application_days)


def review_application_in_time(
    outcome_letter_date: date, received_on: date, limits: TimeLimits = DEFAULT_TIME_LIMITS
) -> bool:
    """C-REVIEW-28D: did the application reach the review body in time? (Late ones may still be
    accepted in special circumstances: the review body decides.)"""
    return received_on <= review_deadline(outcome_letter_date, limits)


def investigation_report_due(
    complaint_made_on: date, reports_already_sent: int = 0, limits: TimeLimits = DEFAULT_TIME_LIMITS
) -> date:
    """C-INV-12M-REPORT: an unfinished AA investigation is reported 12 months after the complaint was
    made, then every further 6 months (Regs2020 reg 13)."""
    months = limits.report_to_body_after_months + limits.report_to_body_repeat_months * reports_already_sent
    return add_months(complaint_made_on, months)


def outcome_notice_in_writing(*, route: str | None, made_orally: bool) -> bool:
    """C-OUTCOME-5WD: the outcome is notified in writing unless the complaint was made orally and
    handled outside Schedule 3 (reg 34(3))."""
    return not (made_orally and route == Route.OUTSIDE_S3)


# Working days (C-OUTCOME-5WD, C-INITIAL-CONTACT) are counted by config.working_days, the one helper
# every app uses; the bank holidays come in from the caller (config.working_days.bank_holidays).


def outcome_notice_due(
    outcome_date: date, holidays: Collection[date], limits: TimeLimits = DEFAULT_TIME_LIMITS
) -> date:
    """C-OUTCOME-5WD: the outcome must be notified within 5 working days of the outcome."""
    return add_working_days(outcome_date, limits.outcome_notification_working_days, holidays)


def initial_contact_due(received: date, working_days: int, holidays: Collection[date]) -> date:
    """C-INITIAL-CONTACT: no statutory count; `working_days` is the local policy target."""
    if working_days < 0:
        raise TriageError("The number of working days cannot be negative.", "working_days")
    return add_working_days(received, working_days, holidays)


# ---------------------------------------------------------------- eligibility


def allegation_eligibility(
    complainant: Complainant, allegation: AllegationFacts
) -> tuple[bool, tuple[str, ...]]:
    """May this person complain about this allegation? Returns (eligible, rule IDs relied on)."""
    if complainant.serving_officer_same_force:
        return False, ("C-ELIG-SERVING",)
    if complainant.acting_for_someone:
        if not complainant.consent_of_affected:
            return False, ("C-ELIG-ON-BEHALF",)
        # C-ELIG-ON-BEHALF: with written consent the complaint is the represented person's own, and that
        # person is by definition the subject of the matter or adversely affected by it: the
        # representative's own `adversely_affected` / `witness` play no part (API.md, consent_of_affected).
        if not allegation.conduct:
            return True, ("C-ELIG-ON-BEHALF", "C-ELIG-NONCONDUCT", "C-ELIG-AFFECTED")
        standing = "C-ELIG-SUBJECT" if complainant.subject_of_conduct else "C-ELIG-AFFECTED"
        return True, ("C-ELIG-ON-BEHALF", standing)
    affected = complainant.adversely_affected and not complainant.affected_only_through_media
    if not allegation.conduct:
        # C-ELIG-NONCONDUCT: service, policy, direction and control: adversely affected only.
        if affected:
            return True, ("C-ELIG-NONCONDUCT", "C-ELIG-AFFECTED")
        if complainant.witness:
            return False, ("C-ELIG-WITNESS", "C-ELIG-NONCONDUCT")
        return False, ("C-ELIG-NONCONDUCT",)
    if complainant.subject_of_conduct:
        return True, ("C-ELIG-SUBJECT",)
    if affected:
        return True, ("C-ELIG-AFFECTED",)
    if complainant.witness:
        return True, ("C-ELIG-WITNESS",)
    return False, ("C-ELIG-SUBJECT", "C-ELIG-AFFECTED", "C-ELIG-WITNESS")


_ELIGIBLE_BECAUSE = {
    "C-ELIG-ON-BEHALF": "the representative holds the written consent of the person they act for, so it "
    "stands as that person's own complaint",
    "C-ELIG-SUBJECT": "the conduct was directed at the person complaining",
    "C-ELIG-AFFECTED": "the person complaining was adversely affected",
    "C-ELIG-WITNESS": "the person complaining witnessed the conduct",
}


def _eligible_reason(basis: tuple[str, ...]) -> str:
    return "; ".join(_ELIGIBLE_BECAUSE[rule] for rule in basis if rule in _ELIGIBLE_BECAUSE)


# ---------------------------------------------------------------- triggers


def is_serious_injury(details: Iterable[str]) -> bool:
    """C-SERIOUS-INJURY-DEF: a fracture, a deep cut/laceration, internal organ damage or impaired function."""
    return any(detail in SERIOUS_INJURY_DETAILS for detail in details)


def death_or_serious_injury(allegation: AllegationFacts) -> bool:
    return allegation.death_or_serious_injury or is_serious_injury(allegation.injury_details)


def criminal_or_disciplinary(allegation: AllegationFacts) -> bool:
    """Might the conduct, if proved, be a criminal offence or justify disciplinary proceedings? A
    relevant offence (MR-RELEVANT-OFFENCE) is a criminal offence by definition."""
    return allegation.could_justify_criminal_or_disciplinary or allegation.relevant_offence


# Plain words for the C-MANDATORY-REFERRAL criteria (their IDs are those of complaint_rules.json).
REFERRAL_CRITERIA_WORDS = {
    "MR-DEATH-SERIOUS-INJURY": "death or serious injury",
    "MR-SERIOUS-ASSAULT": "a serious assault",
    "MR-SERIOUS-SEXUAL-OFFENCE": "a serious sexual offence",
    "MR-SERIOUS-CORRUPTION": "serious corruption",
    "MR-DISCRIMINATION-AGGRAVATED": "a crime or misconduct aggravated by discrimination",
    "MR-RELEVANT-OFFENCE": "a relevant offence (a sentence fixed by law, or 7 years or more)",
    "MR-SAME-INCIDENT": "the same incident as a complaint that must be referred",
    "MR-CHIEF-OFFICER-SERIOUS": "a complaint about the chief officer that could justify criminal or "
    "disciplinary proceedings",
    "MR-IOPC-REQUIRES": "the IOPC requires the referral",
}


def referral_criteria(
    allegations: Iterable[AllegationFacts],
    *,
    about_chief_officer: bool,
    same_incident_as_referrable: bool = False,
    iopc_requires_referral: bool = False,
) -> tuple[str, ...]:
    """C-MANDATORY-REFERRAL: the MR-* criteria (complaint_rules.json) met by these allegations."""
    allegations = tuple(allegations)
    found: list[str] = []
    checks = (
        ("MR-DEATH-SERIOUS-INJURY", death_or_serious_injury),
        ("MR-SERIOUS-ASSAULT", lambda a: a.serious_assault),
        ("MR-SERIOUS-SEXUAL-OFFENCE", lambda a: a.serious_sexual_offence),
        ("MR-SERIOUS-CORRUPTION", lambda a: a.serious_corruption),
        ("MR-DISCRIMINATION-AGGRAVATED", lambda a: a.discriminatory_criminal_or_misconduct),
        ("MR-RELEVANT-OFFENCE", lambda a: a.relevant_offence),
    )
    for criterion, test in checks:
        if any(test(a) for a in allegations):
            found.append(criterion)
    if same_incident_as_referrable:
        found.append("MR-SAME-INCIDENT")
    if about_chief_officer and any(criminal_or_disciplinary(a) for a in allegations):
        found.append("MR-CHIEF-OFFICER-SERIOUS")
    if iopc_requires_referral:
        found.append("MR-IOPC-REQUIRES")
    return tuple(found)


# Plain words for the must-record triggers of Sch3 para 2(6B).
RECORD_TRIGGER_WORDS = {
    "C-RECORD-DSI": "it alleges death or serious injury",
    "C-RECORD-CRIM-DISC": "the conduct, if proved, might be a crime or justify disciplinary proceedings",
    "C-RECORD-ART2-3": "it might involve a breach of Article 2 or 3",
    "C-RECORD-MR": "it must be referred to the IOPC",
}


def record_triggers(allegations: Iterable[AllegationFacts], referral: Collection[str]) -> tuple[str, ...]:
    """C-RECORD-DSI / -CRIM-DISC / -ART2-3 / -MR: the must-record triggers of Sch3 para 2(6B)."""
    allegations = tuple(allegations)
    found: list[str] = []
    if any(death_or_serious_injury(a) for a in allegations):
        found.append("C-RECORD-DSI")
    if any(criminal_or_disciplinary(a) for a in allegations):
        found.append("C-RECORD-CRIM-DISC")
    if any(a.article_2_or_3 for a in allegations):
        found.append("C-RECORD-ART2-3")
    if referral:
        found.append("C-RECORD-MR")
    return tuple(found)


def _is_serious(allegation: AllegationFacts) -> bool:
    """Would this allegation trigger recording or referral if it came from an eligible person?"""
    return bool(record_triggers((allegation,), referral_criteria((allegation,), about_chief_officer=False)))


def needs_investigation(allegations: Iterable[AllegationFacts]) -> bool:
    """C-INVESTIGATE-WHEN: an indication of a crime / disciplinary-level behaviour, or an Art 2/3 issue."""
    return any(criminal_or_disciplinary(a) or a.article_2_or_3 for a in allegations)


def review_body(
    *,
    route: str | None,
    appropriate_authority: str = Authority.CHIEF_OFFICER,
    about_senior_officer: bool = False,
    serious: bool = False,
    referred: bool = False,
    same_incident: bool = False,
    iopc_investigation: bool = False,
) -> str | None:
    """C-REVIEW-RIGHT / C-REVIEW-BODY: who reviews the outcome, or None when there is no review right.

    No review (RRB-NONE-OUTSIDE-S3): not eligible / no route, outside Schedule 3, or an investigation
    run or directed by the IOPC. The IOPC reviews when the AA is the LPB, the subject is a senior
    officer, crime/discipline or Art 2/3 cannot be ruled out (`serious`), the complaint was or should
    have been referred, or it arises from the same incident as one of these. Otherwise the LPB."""
    return review_body_with_reason(
        route=route,
        appropriate_authority=appropriate_authority,
        about_senior_officer=about_senior_officer,
        serious=serious,
        referred=referred,
        same_incident=same_incident,
        iopc_investigation=iopc_investigation,
    )[0]


def review_body_with_reason(
    *,
    route: str | None,
    appropriate_authority: str = Authority.CHIEF_OFFICER,
    about_senior_officer: bool = False,
    serious: bool = False,
    referred: bool = False,
    same_incident: bool = False,
    iopc_investigation: bool = False,
) -> tuple[str | None, str]:
    """`review_body` and, in plain words, the limb of C-REVIEW-BODY (or C-REVIEW-RIGHT) it rests on."""
    if route is None:
        return None, "there is no right of review for someone who may not complain"
    if route == Route.OUTSIDE_S3:
        return None, "there is no right of review when a complaint is handled outside Schedule 3"
    if iopc_investigation:
        return None, "there is no right of review of an investigation the IOPC runs or directs"
    if appropriate_authority == Authority.LOCAL_POLICING_BODY:
        return ReviewBody.IOPC, "the local policing body is the appropriate authority"
    if about_senior_officer:
        return ReviewBody.IOPC, "the complaint is about a senior officer (above chief superintendent)"
    if referred or route == Route.IOPC:
        return ReviewBody.IOPC, "the complaint was or must be referred to the IOPC"
    if serious:
        return ReviewBody.IOPC, (
            "it cannot be ruled out, from the complaint alone, that the conduct would justify criminal or "
            "disciplinary proceedings or involve an Article 2 or 3 breach"
        )
    if same_incident:
        return ReviewBody.IOPC, "it arises from the same incident as a complaint the IOPC would review"
    return ReviewBody.LOCAL_POLICING_BODY, "no reason for the IOPC to review applies"


def more_than_months_ago(earlier: date, later: date, months: int) -> bool:
    """True when more than `months` calendar months separate `earlier` and `later` (C-DELAY-12M)."""
    return later > add_months(earlier, months)


# ---------------------------------------------------------------- triage


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
                f"{label}: " + _eligible_reason(basis) + "."
                if several
                else f"The person may complain: {_eligible_reason(basis)}.",
                *basis,
            )
        else:
            ineligible.append(index)
            trace.say(f"Allegation {index + 1} ({allegation.category}): {_ineligible_reason(basis)}", *basis)
            if _is_serious(allegation):
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


_INELIGIBLE_REASONS = {
    "C-ELIG-SERVING": (
        "someone serving with the police cannot complain about conduct under the same chief officer."
    ),
    "C-ELIG-ON-BEHALF": "a representative needs the written consent of the person affected.",
    "C-ELIG-WITNESS": "a witness may complain only about conduct, not about service or policy.",
    "C-ELIG-NONCONDUCT": "only someone adversely affected may complain about service or policy.",
    "C-ELIG-SUBJECT": (
        "the person was not the subject of the conduct, adversely affected by it or a witness to it."
    ),
}


def _ineligible_reason(basis: tuple[str, ...]) -> str:
    return _INELIGIBLE_REASONS[basis[0]]


# ---------------------------------------------------------------- facts taken at their default

# The optional facts of the contract (API.md "Complaint triage"), with their defaults.
OPTIONAL_COMPLAINANT_FACTS = (
    "subject_of_conduct",
    "serving_officer_same_force",
    "affected_only_through_media",
)
OPTIONAL_ALLEGATION_FACTS = ("conduct", "relevant_offence", "about_senior_officer", "injury_details")
# What an assumption may change: the answers an advisor relies on.
ANSWERS = ("eligible", "route", "must_refer_to_iopc", "appropriate_authority", "review_body")
# "The other way" for injury details: any one serious injury (they all decide alike).
_SOME_SERIOUS_INJURY = frozenset({InjuryDetail.FRACTURE.value})


@dataclass(frozen=True)
class Assumption:
    """An optional fact not given, taken at `assumed`, that would change `would_change` if it were the
    other way: what the advisor should ask before relying on the answer."""

    field: str  # dotted input path, e.g. "allegations.0.conduct"
    assumed: bool | list[str]
    would_change: tuple[str, ...]


def optional_fact_paths(inp: TriageInput) -> tuple[str, ...]:
    """Every optional fact of this input as a dotted path."""
    paths = [f"complainant.{name}" for name in OPTIONAL_COMPLAINANT_FACTS]
    for index in range(len(inp.allegations)):
        paths += [f"allegations.{index}.{name}" for name in OPTIONAL_ALLEGATION_FACTS]
    return tuple(paths)


def _value(inp: TriageInput, path: str) -> Any:
    parts = path.split(".")
    if parts[0] == "complainant":
        return getattr(inp.complainant, parts[1])
    return getattr(inp.allegations[int(parts[1])], parts[2])


def flip(inp: TriageInput, path: str) -> TriageInput:
    """The input with one optional fact the other way (no injury <-> a serious injury)."""
    parts = path.split(".")
    value = _value(inp, path)
    other: Any = (
        (_SOME_SERIOUS_INJURY if not value else frozenset()) if parts[-1] == "injury_details" else not value
    )
    if parts[0] == "complainant":
        return replace(inp, complainant=replace(inp.complainant, **{parts[1]: other}))
    index = int(parts[1])
    allegations = list(inp.allegations)
    allegations[index] = replace(allegations[index], **{parts[2]: other})
    return replace(inp, allegations=tuple(allegations))


def answers(result: TriageResult) -> dict[str, Any]:
    return {name: getattr(result, name) for name in ANSWERS}


def assumptions(
    inp: TriageInput,
    given: Collection[str],
    categories: Collection[str],
    limits: TimeLimits = DEFAULT_TIME_LIMITS,
) -> tuple[Assumption, ...]:
    """Every optional fact not in `given` (dotted paths) that, the other way, would change one of
    ANSWERS: the rules are run again with that one fact flipped and the answers compared."""
    base = answers(triage(inp, categories, limits))
    found: list[Assumption] = []
    for path in optional_fact_paths(inp):
        if path in given:
            continue
        other = answers(triage(flip(inp, path), categories, limits))
        changed = tuple(name for name in ANSWERS if other[name] != base[name])
        if changed:
            value = _value(inp, path)
            found.append(
                Assumption(
                    field=path,
                    assumed=sorted(value) if isinstance(value, frozenset) else bool(value),
                    would_change=changed,
                )
            )
    return tuple(found)
