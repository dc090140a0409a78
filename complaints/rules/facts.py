"""What triage takes in and answers, and the time limits it counts with: plain frozen dataclasses and
enums, the vocabulary every other module of the package shares."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum


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
