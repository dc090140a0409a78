"""The HOCR/NCRS recording decision: which crimes a report must become, by when and where.

PURE module: standard library only, no Django, no database, no I/O. Callers hand in the report and the
offence catalogue: the Home Office classes of recording/reference/ho_offences.csv and the Home Office
offence codes of ho_offence_codes.csv under them, as `OffenceInfo` (`catalogue_with_codes` builds it).
`decide()` hands back a `Decision` whose `rules` cite the rule IDs of DOMAIN-crime.md, whose
`explanation` says why in plain words a sergeant can check, and whose `citations` put each rule beside
the lines that rest on it.

How the decision is made (each step names the rule it rests on):
1. Validate the report (`ReportError` names the field in the API's dotted shape, e.g. "alleged.1.victim")
   and read how each allegation counts: an offence code by its marker (V per victim, S per offender,
   S/V per person exploited where one is named); a class code alone by the class's `victim_based`,
   except that a class holding both V and S offences counts per victim when a person is named as victim.
2. Screen each allegation: not notifiable (R-CLASSIFY), additional verifiable information that no crime
   happened (R-CANCEL-AVI), an NFIB fraud that Action Fraud records (R-FRAUD-AF), a third-party report
   that waits for the victim (R-NCRS-THIRD-PARTY), not believed on the balance of probability
   (R-NCRS-BOP, R-NCRS-VICTIM-BELIEF) or, counted per offender, points to prove not made out
   (R-NCRS-STATE).
3. Count what is left: one crime per victim (R-ONE-PER-VICTIM; a household or business counts once,
   R-VICTIM-HOUSEHOLD) per finished incident (R-FINISHED-INCIDENT); offences with no victim per
   offender or offender group (R-VICTIMLESS-COUNT). Within one count the principal (most serious,
   lowest `seriousness_rank`) offence is recorded and the others are part of it (R-PRINCIPAL,
   R-CLASS-VEHICLE). A course of conduct (stalking, harassment, coercive control) is one crime per
   victim across incidents; since 15 May 2023 it takes part in the principal offence approach, before
   that date it was recorded in addition (R-PRINCIPAL-CONDUCT, R-RULE-VERSION). Every crime cites the
   recording test it passed (R-NCRS-BOP; R-NCRS-STATE too when counted per offender).
4. Mark need-to-know crimes (R-RESTRICTED) and rape for the daily review (R-RAPE-RECORD), set the
   transfer force (R-LOCATION, R-TRANSFER-PROTOCOL) and the 24-hour deadline (R-NCRS-24H).

Choices where DOMAIN-crime.md leaves room (each is pinned by a test in recording/tests/test_rules.py):
- `record_by` is always returned; R-NCRS-24H is cited when a crime is to be recorded or an allegation
  waits for the victim (its clock runs too); a report that ends in no crime and nothing waiting has no
  recording deadline to meet (worked example EX-R4 cites only R-CANCEL-AVI).
- `incident` is the caller's statement of which allegations form one sequence of events. A course of
  conduct joins the incidents it runs through (since May 2023 the principal offence is chosen over all
  of them); an incident with no course-of-conduct allegation stays a separate finished incident.
- AVI (R-CANCEL-AVI) wins over disbelief: verifiable information is the stronger reason to give.
- An offence against a victim must name one. An allegation counted per offender may name none and is
  counted per offender group: its `offenders` as a set (none named = counts as one); a victim named on
  it (society, a business) is kept on the crime but never joins a victim's count or the principal
  comparison. Public order (9A, 9B, s5 included) against a named, identified person counts per victim
  and joins that victim's principal comparison, whatever the class flag or S marker says; with no such
  person it counts per offender (R-NCRS-STATE, PUBLIC_ORDER_VICTIM_CODES).
- The same offence (class and code) alleged twice against one victim in one incident is one crime
  reported twice: cited R-CANCEL-C3-DUPLICATE, not R-PRINCIPAL (nothing lesser was merged). A household
  or business count and a course of conduct keep their own rule for why several allegations are one.
- A victim who does not want police action (`supports_action` false) changes nothing in the count: the
  crime is recorded and R-NCRS-VICTIM-BELIEF is cited beside it.
- A person named as victim of drug or weapon possession (NO_PERSONAL_VICTIM_CATEGORIES) is an error on
  the allegation's `victim`.
- A code that is both a class and an offence code (39) means the class; an offence code printed twice
  alike (1/1) is one entry. Where ho_offence_codes.csv does not reach a class the class's flag
  decides: no marker is guessed (9B is decided by the public-order rule above, not by its flag).
- R-NCRS-THIRD-PARTY, for an allegation naming a victim when the reporter is not the victim: record now
  when the victim has been spoken to, when the reporter is a professional in a care or safeguarding
  role, or when the victim is a child (under 18), a vulnerable adult or cannot be reached; otherwise the
  allegation waits (`awaiting_confirmation`), even when the third party's account is doubted: only the
  victim can settle it. Police reporting what they saw are third parties like any witness. The victim's
  own report ignores `victim_contacted`. The rule is cited whenever the reporter is not the victim.
- R-FRAUD-AF: the NFIB classes (ACTION_FRAUD_CODES) are referred to Action Fraud after the AVI check
  and before the third-party and belief tests (Action Fraud applies the recording test); they never
  lead a principal-crime count, so another offence in the same report stays the force's to record.
- R-CLASS-VEHICLE is applied as an offence-specific rule (R-CLASS-RULES-WIN): 58C never leads a count
  that holds 45, whatever the ranks say.
- A crime is restricted when any allegation in it is of a restricted class, and listed for the daily
  review when any is rape or another serious sexual offence (SERIOUS_SEXUAL_CODES), so need-to-know
  detail is not lost when a more serious offence leads; an allegation awaiting the victim carries the
  same two flags, so a rape report reaches the daily review at once.
- R-PRINCIPAL, R-CLASSIFY, R-FINISHED-INCIDENT are cited only when they changed the count or the class:
  several classes folded into one, several crimes for one victim from separate incidents.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

__all__ = [
    "ACTION_FRAUD_CODES",
    "ADULT_AGE",
    "COURSE_OF_CONDUCT_CODES",
    "NO_PERSONAL_VICTIM_CATEGORIES",
    "PUBLIC_ORDER_VICTIM_CODES",
    "PRINCIPAL_OFFENCE_FROM",
    "RAPE_CODES",
    "SERIOUS_SEXUAL_CODES",
    "VEHICLE_DAMAGE_CODE",
    "VEHICLE_THEFT_CODE",
    "Allegation",
    "AwaitingConfirmation",
    "Citation",
    "Counting",
    "CrimeToRecord",
    "Decision",
    "NotRecorded",
    "OffenceInfo",
    "Report",
    "ReportError",
    "ReportTime",
    "Reporter",
    "RuleVersion",
    "Victim",
    "VictimKind",
    "catalogue_with_codes",
    "class_is_mixed",
    "class_markers",
    "decide",
    "is_ncrs_breach",
    "record_by",
    "report_time",
    "rule_version_for",
]

# ---------------------------------------------------------------- constants (codes of ho_offences.csv)
# Codes are data, but these few rules name classes rather than ranks, so the classes are listed here.
# Each list was read off recording/reference/ho_offences.csv (titles quoted); tests check every code is
# in the CSV so a renamed class fails loudly instead of silently dropping out of a rule.

#: R-PRINCIPAL-CONDUCT: the course-of-conduct classes. "8L Harassment", "8M Racially or religiously
#: aggravated harassment", "8Q Stalking", "8U Controlling or coercive behaviour". DOMAIN-crime.md names
#: exactly these three behaviours (stalking, harassment, controlling or coercive behaviour).
COURSE_OF_CONDUCT_CODES: frozenset[str] = frozenset({"8L", "8M", "8Q", "8U"})

#: R-RAPE-RECORD: "19C".."19H", every class whose title begins "Rape of a ...".
RAPE_CODES: frozenset[str] = frozenset({"19C", "19D", "19E", "19F", "19G", "19H"})

#: R-RAPE-RECORD also lists "other serious sexual offences" for the daily review. DOMAIN-crime.md's
#: seriousness bands put "serious child/penetrative sexual offences" at rank 6 with robbery; the
#: sexual classes of that band are "21 Sexual activity involving a child under 13" and "22A Causing
#: sexual activity without consent". Rape plus these two is the list.
SERIOUS_SEXUAL_CODES: frozenset[str] = RAPE_CODES | frozenset({"21", "22A"})

#: R-FRAUD-AF: the Fraud Act classes that carry NFIB codes, recorded by Action Fraud, not the force:
#: "53C Fraud by false representation: cheque, plastic card and online bank accounts", "53D ... other
#: frauds", "53E Fraud by failing to disclose information", "53F Fraud by abuse of position". The rule
#: names exactly these; other fraud and forgery (33A, 60, 61, 814) and blackmail (35) stay the force's.
#: The catalogue has no Computer Misuse Act class, so none is listed.
ACTION_FRAUD_CODES: frozenset[str] = frozenset({"53C", "53D", "53E", "53F"})

#: R-NCRS-STATE names "drug or weapon possession" as offences with no specific victim, and
#: R-VICTIMLESS-COUNT counts "each person found with drugs or a knife": a person named as the victim of
#: an offence of these ho_offences.csv categories is an error, not a crime against that person. Other
#: state-based offences may name the person affected (s5 Public Order is recorded where "an identified
#: victim" confirms it) and are still counted per offender.
NO_PERSONAL_VICTIM_CATEGORIES: frozenset[str] = frozenset({"Drug offences", "Possession of weapons offences"})

#: R-NCRS-STATE names "public order with no specific victim" as state-based: public order against a
#: named, identified person is not. "9A Public fear alarm or distress" and "9B Racially or religiously
#: aggravated public fear alarm or distress" (s4, s4A and s5 where the rules record it for an identified
#: victim) count per victim when a person is named as victim, whatever the class's flag or the offence's
#: S marker says, and take part in the principal-crime comparison (R-PRINCIPAL).
PUBLIC_ORDER_VICTIM_CODES: frozenset[str] = frozenset({"9A", "9B"})

#: R-NCRS-THIRD-PARTY: a victim under this age is a child (England and Wales: under 18).
ADULT_AGE = 18

#: R-CLASS-VEHICLE: "58C Criminal damage to a vehicle" done to get in is part of "45 Theft from a vehicle".
VEHICLE_DAMAGE_CODE = "58C"
VEHICLE_THEFT_CODE = "45"

#: R-RULE-VERSION: the principal offence approach (R-PRINCIPAL-CONDUCT) started in mid-May 2023. Reports
#: first received before 00:00 on 15 May 2023, London time (BST, UTC+1), are judged by the earlier rule.
PRINCIPAL_OFFENCE_FROM = datetime(2023, 5, 15, tzinfo=timezone(timedelta(hours=1), "BST"))

NCRS_DEADLINE = timedelta(hours=24)


class VictimKind(enum.StrEnum):
    PERSON = "person"
    BUSINESS = "business"
    HOUSEHOLD = "household"
    SOCIETY = "society"


class Reporter(enum.StrEnum):
    """Who made the report (R-NCRS-THIRD-PARTY): the victim, or a third party."""

    VICTIM = "victim"
    WITNESS = "witness"
    RELATIVE = "relative"
    #: Someone in a care, health, education or safeguarding role.
    PROFESSIONAL = "professional"
    POLICE = "police"
    #: A friend, neighbour or other member of the public told of it.
    OTHER = "other"


#: How the explanation names each kind of reporter.
REPORTER_WORDS: dict[str, str] = {
    Reporter.WITNESS: "a witness",
    Reporter.RELATIVE: "a relative",
    Reporter.PROFESSIONAL: "a professional",
    Reporter.POLICE: "the police",
    Reporter.OTHER: "a friend, neighbour or other member of the public",
}


class RuleVersion(enum.StrEnum):
    """The rule sets that change a recording decision (R-RULE-VERSION)."""

    #: April 2017 to mid-May 2023: stalking/harassment recorded in addition to other crimes.
    CONDUCT_IN_ADDITION = "2017-04"
    #: From 15 May 2023: the principal offence approach applies to courses of conduct too.
    PRINCIPAL_OFFENCE = "2023-05"


# ---------------------------------------------------------------- input and output types
class Counting(enum.StrEnum):
    """The counting marker HOCR prints against a Home Office offence (ho_offence_codes.csv)."""

    #: One crime per victim (R-ONE-PER-VICTIM); takes part in the principal-crime comparison.
    VICTIM = "V"
    #: No personal victim: one crime per offender or group of offenders (R-VICTIMLESS-COUNT).
    STATE = "S"
    #: Printed "S/V" (24/17, 24/18): counted per person exploited where one is named, else per offender.
    EITHER = "S/V"


@dataclass(frozen=True)
class OffenceInfo:
    """A Home Office class (ho_offences.csv), or a Home Office offence within one (ho_offence_codes.csv:
    then `class_code` names its class, `counting` is its marker, and the class's category, rank,
    restriction and notifiability are copied onto it)."""

    code: str
    title: str
    category: str
    victim_based: bool
    seriousness_rank: int
    restricted: bool
    notifiable: bool = True
    class_code: str | None = None
    counting: Counting | None = None

    @property
    def class_of(self) -> str:
        """The Home Office class a crime of this offence is recorded under."""
        return self.class_code or self.code


@dataclass(frozen=True)
class Victim:
    ref: str
    kind: str  # person | business | household | society
    #: Whole years, when known. Under ADULT_AGE is a child (R-NCRS-THIRD-PARTY).
    age: int | None = None
    #: A vulnerable adult (R-NCRS-THIRD-PARTY).
    vulnerable: bool = False
    #: The victim cannot be identified or traced (R-NCRS-THIRD-PARTY).
    unreachable: bool = False
    #: False when the victim does not want police action: the crime is still recorded
    #: (R-NCRS-VICTIM-BELIEF: the victim need not want police action).
    supports_action: bool = True


@dataclass(frozen=True)
class Allegation:
    ref: str
    victim: str | None
    offence: str
    incident: str
    believed: bool = True
    avi_no_crime: bool = False
    offenders: tuple[str, ...] = ()
    #: False while the victim has not been spoken to (R-NCRS-THIRD-PARTY); `believed` is about the
    #: account, never about whether the victim has been reached.
    victim_contacted: bool = True

    def __post_init__(self) -> None:
        object.__setattr__(self, "offenders", tuple(self.offenders))


@dataclass(frozen=True)
class Report:
    reported_at: datetime
    force: str
    victims: tuple[Victim, ...]
    alleged: tuple[Allegation, ...]
    location_force: str | None = None
    reporter: str = Reporter.VICTIM

    def __post_init__(self) -> None:
        object.__setattr__(self, "victims", tuple(self.victims))
        object.__setattr__(self, "alleged", tuple(self.alleged))


@dataclass(frozen=True)
class CrimeToRecord:
    victim: str | None
    #: The Home Office class the crime is recorded under.
    offence: str
    allegations: tuple[str, ...]
    offenders: tuple[str, ...] = ()
    rules: tuple[str, ...] = ()
    #: R-RESTRICTED: some allegation in this crime is of a need-to-know class.
    restricted: bool = False
    #: R-RAPE-RECORD: rape or another serious sexual offence: list it for the daily review.
    daily_review: bool = False
    #: The incident(s) the crime covers, in order of first allegation (several only for a course of conduct).
    incidents: tuple[str, ...] = ()
    #: The Home Office offence code of the principal allegation, when the report gave one (e.g. 125/9).
    offence_code: str | None = None
    #: "victim": one crime per victim (R-ONE-PER-VICTIM); "offender": per offender group (R-VICTIMLESS-COUNT).
    counted_per: str = "victim"


@dataclass(frozen=True)
class NotRecorded:
    allegation: str
    rule: str
    reason: str
    #: Who records it instead: "action_fraud" under R-FRAUD-AF; None when nobody is to.
    refer_to: str | None = None


@dataclass(frozen=True)
class AwaitingConfirmation:
    """A third-party allegation to decide once the victim has been spoken to (R-NCRS-THIRD-PARTY).
    Its 24-hour clock runs from the report like any other (R-NCRS-24H)."""

    allegation: str
    rule: str
    reason: str
    victim: str | None
    #: The class it would be recorded under, and the offence code when one was given.
    offence: str
    offence_code: str | None = None
    #: R-RAPE-RECORD: a rape or serious sexual offence report reaches the daily review at once.
    daily_review: bool = False
    #: R-RESTRICTED: a need-to-know class.
    restricted: bool = False


@dataclass(frozen=True)
class Citation:
    """One cited rule and the plain-words explanation lines that rest on it."""

    rule: str
    explanation: tuple[str, ...]


@dataclass(frozen=True)
class Decision:
    crimes: tuple[CrimeToRecord, ...]
    not_recorded: tuple[NotRecorded, ...]
    transfer_to: str | None
    record_by: datetime
    rules: tuple[str, ...]
    explanation: tuple[str, ...]
    rule_version: RuleVersion = RuleVersion.PRINCIPAL_OFFENCE
    awaiting_confirmation: tuple[AwaitingConfirmation, ...] = ()
    citations: tuple[Citation, ...] = ()


class ReportError(ValueError):
    """The report cannot be decided as given; `field` names the input to blame ("alleged.0.offence")."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


# The order rules are listed in `Decision.rules`: the order of shared/DOMAIN-crime.md.
RULE_ORDER: tuple[str, ...] = (
    "R-RULE-VERSION",
    "R-NCRS-BOP",
    "R-NCRS-VICTIM-BELIEF",
    "R-NCRS-STATE",
    "R-NCRS-24H",
    "R-NCRS-THIRD-PARTY",
    "R-ONE-PER-VICTIM",
    "R-VICTIM-HOUSEHOLD",
    "R-VICTIMLESS-COUNT",
    "R-FINISHED-INCIDENT",
    "R-PRINCIPAL",
    "R-PRINCIPAL-CONDUCT",
    "R-CLASS-VEHICLE",
    "R-CLASSIFY",
    "R-CANCEL-AVI",
    "R-CANCEL-C3-DUPLICATE",
    "R-RAPE-RECORD",
    "R-LOCATION",
    "R-TRANSFER-PROTOCOL",
    "R-FRAUD-AF",
    "R-RESTRICTED",
)


# ---------------------------------------------------------------- time rules
def _require_aware(value: datetime, field_name: str) -> None:
    if value.tzinfo is None or value.utcoffset() is None:
        raise ReportError("Give the time with a time zone (e.g. 2026-03-01T14:05:00Z).", field_name)


LONDON = ZoneInfo("Europe/London")


def _london(at: datetime) -> str:
    """A time as the explanation says it: London time, as every screen shows it (the API's own fields
    keep ISO times with their offset)."""
    return f"{at.astimezone(LONDON):%a %d %b %Y %H:%M} London time"


def record_by(reported_at: datetime) -> datetime:
    """R-NCRS-24H: the latest time to record, 24 hours after the report first reached the force (UTC)."""
    _require_aware(reported_at, "reported_at")
    return reported_at.astimezone(UTC) + NCRS_DEADLINE


def is_ncrs_breach(*, reported_at: datetime, recorded_at: datetime | None, now: datetime) -> bool:
    """R-NCRS-24H: recorded after the deadline, or still unrecorded once it has passed. A late but
    correct record is still a breach; a record exactly at the deadline is in time."""
    deadline = record_by(reported_at)
    _require_aware(now, "now")
    if recorded_at is not None:
        _require_aware(recorded_at, "recorded_at")
        return recorded_at > deadline
    return now > deadline


#: R-NCRS-24H: a report time this close to the incident's opening is the incident's opening (a form
#: that shows minutes only loses the seconds; that is not a change of time).
REPORT_TIME_TOLERANCE = timedelta(minutes=1)


@dataclass(frozen=True)
class ReportTime:
    """When the report first reached the force, as a crime recorded from it keeps it (R-NCRS-24H)."""

    #: The time the 24-hour clock runs from.
    reported_at: datetime
    #: The incident's opening, when the report came from an incident: the first incident-log time.
    incident_opened_at: datetime | None = None
    #: Why `reported_at` is not the incident's opening; blank when it is.
    reason: str = ""


def report_time(
    *, incident_opened_at: datetime | None, given: datetime | None, reason: str = ""
) -> ReportTime:
    """R-NCRS-24H: the clock runs from the first incident-log time. With an incident, the report time is
    its opening: left out, or within REPORT_TIME_TOLERANCE of it, it is the opening exactly; any other
    time needs a reason (a ReportError naming `reported_at_reason`), and the clock then runs from the
    time given, the reason saying why not from the incident. Without an incident the time must be given."""
    reason = reason.strip()
    if incident_opened_at is None:
        if given is None:
            raise ReportError("Give the time the report first reached the force.", "reported_at")
        _require_aware(given, "reported_at")
        return ReportTime(reported_at=given)
    _require_aware(incident_opened_at, "incident_opened_at")
    if given is None:
        return ReportTime(reported_at=incident_opened_at, incident_opened_at=incident_opened_at)
    _require_aware(given, "reported_at")
    if abs(given - incident_opened_at) <= REPORT_TIME_TOLERANCE:
        return ReportTime(reported_at=incident_opened_at, incident_opened_at=incident_opened_at)
    if not reason:
        raise ReportError(
            f"The incident was opened {_london(incident_opened_at)}, and the 24-hour clock runs from then: "
            "say why the report time differs from it (R-NCRS-24H).",
            "reported_at_reason",
        )
    return ReportTime(reported_at=given, incident_opened_at=incident_opened_at, reason=reason)


def rule_version_for(reported_at: datetime) -> RuleVersion:
    """R-RULE-VERSION: the rule set in force when the report first reached the force."""
    _require_aware(reported_at, "reported_at")
    if reported_at < PRINCIPAL_OFFENCE_FROM:
        return RuleVersion.CONDUCT_IN_ADDITION
    return RuleVersion.PRINCIPAL_OFFENCE


# ---------------------------------------------------------------- the catalogue
def catalogue_with_codes(
    classes: Mapping[str, OffenceInfo], codes: Iterable[tuple[str, str, str, str]]
) -> tuple[dict[str, OffenceInfo], frozenset[str]]:
    """The catalogue `decide` judges against: the Home Office classes (ho_offences.csv) plus each Home
    Office offence code (ho_offence_codes.csv rows as (code, class code, title, marker), file order)
    under its class, with the class's category, rank, restriction and notifiability.

    A code that is also a class code means the class (39 is both). A code printed more than once (1/1:
    murder, genocide) is one entry when its rows agree on class and marker; rows that disagree leave the
    code out, so a report must give the class rather than be counted by a guess. Returns the catalogue
    and the codes left out."""
    offences: dict[str, OffenceInfo] = {}
    ambiguous: set[str] = set()
    for code, class_code, title, marker in codes:
        if code in classes or code in ambiguous:
            continue
        counting = Counting(marker)
        earlier = offences.get(code)
        if earlier is not None:
            if (earlier.class_code, earlier.counting) != (class_code, counting):
                ambiguous.add(code)
                del offences[code]
            else:
                offences[code] = replace(earlier, title=f"{earlier.title} / {title}")
            continue
        offences[code] = replace(
            classes[class_code],
            code=code,
            title=title,
            victim_based=counting is Counting.VICTIM,
            class_code=class_code,
            counting=counting,
        )
    return {**classes, **offences}, frozenset(ambiguous)


# ---------------------------------------------------------------- counting markers
def class_markers(offences: Mapping[str, OffenceInfo]) -> dict[str, frozenset[Counting]]:
    """The counting markers of the Home Office offences the catalogue holds under each class."""
    found: dict[str, set[Counting]] = {}
    for info in offences.values():
        if info.class_code is not None and info.counting is not None:
            found.setdefault(info.class_code, set()).add(info.counting)
    return {code: frozenset(markers) for code, markers in found.items()}


def class_is_mixed(markers: Collection[Counting]) -> bool:
    """A class holding both victim-based and state-based offences (9A: s4 and s4A are V, s5 is S; 24:
    S/V and S). Given alone, such a class counts as victim-based when a person is named as victim."""
    return Counting.EITHER in markers or {Counting.VICTIM, Counting.STATE} <= set(markers)


@dataclass(frozen=True)
class _Item:
    """One allegation with what the catalogue says about it."""

    index: int
    allegation: Allegation
    offence: OffenceInfo  # as given: a class, or an offence code under one
    per_victim: bool  # counted one per victim (else per offender group)
    #: Why it is counted so, when a marker or a mixed class decided it rather than the class's flag.
    counting_note: str | None = None

    @property
    def class_code(self) -> str:
        return self.offence.class_of


def _counting(
    offence: OffenceInfo, victim: Victim | None, markers: Mapping[str, frozenset[Counting]]
) -> tuple[bool, str | None]:
    """Whether the allegation counts one per victim, and the plain words when a marker decided it.

    An offence code counts by its marker (V per victim, S per offender, S/V per person exploited where a
    person is named); a class code alone by the class's `victim_based`, except that a class holding
    both V and S offences counts per victim exactly when a person is named as victim."""
    person = victim is not None and victim.kind == VictimKind.PERSON
    if offence.class_of in PUBLIC_ORDER_VICTIM_CODES:
        if person and victim is not None and not victim.unreachable:
            return True, (
                f"{offence.code} is public order against a named, identified person, so it counts per victim "
                "(R-NCRS-STATE: public order is state-based only with no specific victim)"
            )
        if offence.counting is not Counting.VICTIM:
            return False, (
                f"{offence.code} is public order with no named, identified person as victim, so it counts "
                "per offender (R-NCRS-STATE)"
            )
    if offence.counting is Counting.VICTIM:
        return True, f"{offence.code} is marked V (victim-based) in the Home Office classification"
    if offence.counting is Counting.STATE:
        return False, f"{offence.code} is marked S (state-based) in the Home Office classification"
    if offence.counting is Counting.EITHER:
        if person:
            return True, f"{offence.code} is marked S/V and is counted per person exploited"
        return False, f"{offence.code} is marked S/V and names no person exploited, so counts per offender"
    if class_is_mixed(markers.get(offence.code, frozenset())):
        if person:
            return True, (
                f"class {offence.code} holds victim-based and state-based offences and a person is named "
                "as victim, so it counts per victim"
            )
        return False, (
            f"class {offence.code} holds victim-based and state-based offences and no person is named "
            "as victim, so it counts per offender"
        )
    return offence.victim_based, None


# ---------------------------------------------------------------- validation
def _validate(report: Report, offences: Mapping[str, OffenceInfo]) -> tuple[dict[str, Victim], list[_Item]]:
    _require_aware(report.reported_at, "reported_at")
    if not report.force or not report.force.strip():
        raise ReportError("Name the force the report reached.", "force")
    if report.location_force is not None and not report.location_force.strip():
        raise ReportError("Name the force whose area it happened in, or leave it out.", "location_force")
    if report.reporter not in {r.value for r in Reporter}:
        raise ReportError(f'"{report.reporter}" is not a valid choice.', "reporter")
    victims: dict[str, Victim] = {}
    kinds = {k.value for k in VictimKind}
    for i, victim in enumerate(report.victims):
        if not victim.ref or not victim.ref.strip():
            raise ReportError("Give each victim a reference.", f"victims.{i}.ref")
        if victim.ref in victims:
            raise ReportError(f"Victim reference {victim.ref!r} is used twice.", f"victims.{i}.ref")
        if victim.kind not in kinds:
            raise ReportError(f'"{victim.kind}" is not a valid choice.', f"victims.{i}.kind")
        if victim.age is not None and victim.age < 0:
            raise ReportError("An age is a whole number of years, 0 or more.", f"victims.{i}.age")
        if victim.kind != VictimKind.PERSON and (victim.age is not None or victim.vulnerable):
            field_name = "age" if victim.age is not None else "vulnerable"
            raise ReportError(
                f"Only a person has an age or is a vulnerable adult; {victim.ref} is a {victim.kind}.",
                f"victims.{i}.{field_name}",
            )
        victims[victim.ref] = victim
    if not report.alleged:
        raise ReportError("List at least one alleged offence.", "alleged")
    markers = class_markers(offences)
    items: list[_Item] = []
    seen: set[str] = set()
    for i, allegation in enumerate(report.alleged):
        if not allegation.ref or not allegation.ref.strip():
            raise ReportError("Give each allegation a reference.", f"alleged.{i}.ref")
        if allegation.ref in seen:
            raise ReportError(f"Allegation reference {allegation.ref!r} is used twice.", f"alleged.{i}.ref")
        seen.add(allegation.ref)
        offence = offences.get(allegation.offence)
        if offence is None:
            raise ReportError(
                f"{allegation.offence!r} is not a Home Office offence or class code.", f"alleged.{i}.offence"
            )
        if allegation.victim is not None and allegation.victim not in victims:
            raise ReportError(
                f"Victim {allegation.victim!r} is not one of the report's victims.", f"alleged.{i}.victim"
            )
        named = victims.get(allegation.victim) if allegation.victim is not None else None
        per_victim, note = _counting(offence, named, markers)
        if allegation.victim is None and per_victim:
            raise ReportError(
                f"{_label(offence)} is an offence against a victim: name the victim "
                "(only state-based offences have none).",
                f"alleged.{i}.victim",
            )
        if (
            named is not None
            and named.kind == VictimKind.PERSON
            and not per_victim
            and offence.category in NO_PERSONAL_VICTIM_CATEGORIES
        ):
            raise ReportError(
                f"{_label(offence)} has no personal victim: it is counted per offender "
                "(R-VICTIMLESS-COUNT). Leave the victim empty, or allege the offence the person suffered.",
                f"alleged.{i}.victim",
            )
        if not allegation.incident or not allegation.incident.strip():
            raise ReportError("Say which incident this allegation belongs to.", f"alleged.{i}.incident")
        for j, offender in enumerate(allegation.offenders):
            if not offender or not offender.strip():
                raise ReportError("Offender references may not be blank.", f"alleged.{i}.offenders.{j}")
        items.append(_Item(i, allegation, offence, per_victim, note))
    return victims, items


# ---------------------------------------------------------------- the decision
@dataclass
class _Unit:
    """Allegations counted together as one crime, before the principal offence is chosen."""

    victim: str | None
    members: list[_Item]  # in report order
    conduct: bool = False  # a course of conduct spanning incidents (R-PRINCIPAL-CONDUCT)
    state: bool = False  # a state-based offence, counted per offender (R-VICTIMLESS-COUNT)


def _ordered(rule_ids: list[str] | set[str]) -> tuple[str, ...]:
    wanted = set(rule_ids)
    return tuple(r for r in RULE_ORDER if r in wanted)


def _dedupe(items: list[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))


def _label(offence: OffenceInfo) -> str:
    if offence.class_code is not None:
        return f"{offence.code} {offence.title} (class {offence.class_code})"
    return f"{offence.code} {offence.title}"


def _is_child(victim: Victim) -> bool:
    return victim.age is not None and victim.age < ADULT_AGE


def _third_party(report: Report, item: _Item, victims: Mapping[str, Victim]) -> tuple[bool, str]:
    """R-NCRS-THIRD-PARTY for an allegation someone other than the victim reported: whether it may be
    decided now (True) or waits for the victim (False), and why in plain words (a clause about it)."""
    a = item.allegation
    victim = victims.get(a.victim) if a.victim is not None else None
    if victim is None or victim.kind == VictimKind.SOCIETY:
        return (
            True,
            "it has no victim to confirm it, so it is decided on whether the points to prove are made out",
        )
    if a.victim_contacted:
        return True, f"{victim.ref} has been spoken to, so it is decided on the victim's account"
    if report.reporter == Reporter.PROFESSIONAL:
        return True, (
            "a professional in a care or safeguarding role reported it, which is normally recorded on "
            "their account if it meets the NCRS test"
        )
    if victim.kind == VictimKind.PERSON and _is_child(victim):
        return True, (
            f"{victim.ref} is a child (aged {victim.age}), so it is recorded on the third party's account "
            "if that meets the NCRS test"
        )
    if victim.kind == VictimKind.PERSON and victim.vulnerable:
        return True, (
            f"{victim.ref} is a vulnerable adult, so it is recorded on the third party's account if that "
            "meets the NCRS test"
        )
    if victim.unreachable:
        return True, (
            f"{victim.ref} cannot be identified or traced, so it is recorded on the third party's account "
            "if that meets the NCRS test"
        )
    return False, (
        f"{victim.ref} has not been spoken to yet and is not a child, a vulnerable adult or out of reach, "
        "so the victim must confirm it first"
    )


def _screen(item: _Item) -> NotRecorded | None:
    """Step 2: an allegation that is not to be recorded, and why; None when it goes on."""
    allegation, offence = item.allegation, item.offence
    if not offence.notifiable:
        return NotRecorded(
            allegation.ref,
            "R-CLASSIFY",
            f"{_label(offence)} is not notifiable: there is no Home Office class to record it under.",
        )
    if allegation.avi_no_crime:
        return NotRecorded(
            allegation.ref,
            "R-CANCEL-AVI",
            "Additional verifiable information shows no notifiable crime happened.",
        )
    if item.class_code in ACTION_FRAUD_CODES:
        return NotRecorded(
            allegation.ref,
            "R-FRAUD-AF",
            "A fraud with an NFIB code: Action Fraud records it for the National Fraud Intelligence Bureau, "
            "so the force passes the report to Action Fraud instead of recording it; the force may still "
            "respond and investigate (for example an offender at the scene).",
            refer_to="action_fraud",
        )
    return None


def _belief(item: _Item) -> NotRecorded | None:
    """Step 2, last: the NCRS test on the account (R-NCRS-BOP), or the points to prove (R-NCRS-STATE)."""
    if item.allegation.believed:
        return None
    if not item.per_victim:
        return NotRecorded(
            item.allegation.ref,
            "R-NCRS-STATE",
            "The points to prove for this state-based offence are not clearly made out.",
        )
    return NotRecorded(
        item.allegation.ref,
        "R-NCRS-BOP",
        "On the balance of probability there is credible evidence that no offence happened as reported; "
        "the victim must be told that it will not be recorded.",
    )


def _units(recordable: list[_Item], version: RuleVersion) -> list[_Unit]:
    """Step 3: group the recordable allegations into counting units (one crime each)."""
    units: dict[tuple[object, ...], _Unit] = {}
    conduct_incidents: dict[str, set[str]] = {}
    if version is RuleVersion.PRINCIPAL_OFFENCE:
        # A course of conduct is one crime per victim whatever incidents it spans; since May 2023 the
        # incidents it runs through are one sequence for the principal offence approach.
        for item in recordable:
            a = item.allegation
            if a.victim is not None and item.per_victim and item.class_code in COURSE_OF_CONDUCT_CODES:
                conduct_incidents.setdefault(a.victim, set()).add(a.incident)
    for item in recordable:
        a = item.allegation
        key: tuple[object, ...]
        if not item.per_victim:
            # R-VICTIMLESS-COUNT: per offender (or offender group); no offenders named = counts as one.
            # A victim named on a state-based offence (society, or the person s5 alarmed) is kept on the
            # crime but does not join the victim's count.
            group = frozenset(a.offenders) if a.offenders else ("alone", a.ref)
            key = ("state", group, a.incident, a.victim)
        elif version is RuleVersion.CONDUCT_IN_ADDITION and item.class_code in COURSE_OF_CONDUCT_CODES:
            key = ("conduct", a.victim)
        elif a.victim is not None and a.incident in conduct_incidents.get(a.victim, set()):
            key = ("conduct", a.victim)
        else:
            key = ("victim", a.victim, a.incident)
        unit = units.get(key)
        if unit is None:
            unit = units[key] = _Unit(
                victim=a.victim, members=[], conduct=key[0] == "conduct", state=key[0] == "state"
            )
        unit.members.append(item)
    return sorted(units.values(), key=lambda u: u.members[0].index)


def _principal(members: list[_Item]) -> tuple[_Item, bool]:
    """R-PRINCIPAL: the most serious (lowest rank) allegation, the first alleged on a tie. R-CLASS-VEHICLE:
    damage to a vehicle is part of a theft from it in the same count, so 58C never leads when 45 is there.
    Returns the chosen allegation and whether the vehicle rule applied."""
    codes = {item.class_code for item in members}
    vehicle = VEHICLE_DAMAGE_CODE in codes and VEHICLE_THEFT_CODE in codes
    candidates = [m for m in members if not (vehicle and m.class_code == VEHICLE_DAMAGE_CODE)]
    chosen = min(candidates, key=lambda m: (m.offence.seriousness_rank, m.index))
    return chosen, vehicle


def _refusal_lines(item: _Item, refusal: NotRecorded, crimes_recorded: bool) -> list[str]:
    """The explanation of one allegation not recorded; the rule IDs it cites are in the text."""
    allegation = item.allegation
    reason = refusal.reason[0].lower() + refusal.reason[1:].rstrip(".")
    line = f"{allegation.ref} ({_label(item.offence)}) is not recorded: {reason}"
    if refusal.rule == "R-NCRS-BOP":
        line += (
            ". The victim's own account is normally enough; only checkable fact counts against it "
            "(R-NCRS-BOP, R-NCRS-VICTIM-BELIEF)."
        )
    elif refusal.rule == "R-FRAUD-AF" and crimes_recorded:
        line += "; the other offences in this report stay the force's to record (R-FRAUD-AF)."
    else:
        line += f" ({refusal.rule})."
    lines = [line]
    if item.class_code in SERIOUS_SEXUAL_CODES:
        lines.append(
            f"{allegation.ref} is a rape or serious sexual offence not recorded: list it for the daily "
            "review; not recording it needs senior DDM/FCR sign-off (R-RAPE-RECORD)."
        )
    return lines


def _refusal_rules(item: _Item, refusal: NotRecorded) -> list[str]:
    ids = [refusal.rule]
    if refusal.rule == "R-NCRS-BOP":
        ids.append("R-NCRS-VICTIM-BELIEF")
    if item.class_code in SERIOUS_SEXUAL_CODES:
        ids.append("R-RAPE-RECORD")
    return ids


def _crime(
    n: int,
    unit: _Unit,
    units: list[_Unit],
    victims: Mapping[str, Victim],
    version: RuleVersion,
    third_party: bool,
) -> tuple[CrimeToRecord, list[str]]:
    """Step 3 for one counting unit: the crime to record and the explanation lines for it."""
    chosen, vehicle = _principal(unit.members)
    principal = chosen.offence
    members = unit.members
    refs = tuple(m.allegation.ref for m in members)
    incidents = _dedupe([m.allegation.incident for m in members])
    offenders = _dedupe([o for m in members for o in m.allegation.offenders])
    # R-CANCEL-C3-DUPLICATE: an allegation of the very offence the crime is recorded as (same class and
    # offence code, same victim, same incident) is the same crime reported again, not a lesser offence.
    # Within a course of conduct or a household count the other rules already say why it is one crime.
    duplicates = [
        m.allegation.ref
        for m in members
        if m is not chosen
        and not (unit.conduct or unit.state)
        and not (
            unit.victim is not None
            and victims[unit.victim].kind in (VictimKind.HOUSEHOLD, VictimKind.BUSINESS)
        )
        and (m.class_code, m.offence.code) == (chosen.class_code, principal.code)
        and m.allegation.incident == chosen.allegation.incident
    ]
    absorbed = [m.allegation.ref for m in members if m is not chosen and m.allegation.ref not in duplicates]
    classes = {m.class_code for m in members if m.allegation.ref not in duplicates}
    household = (
        not unit.state
        and unit.victim is not None
        and victims[unit.victim].kind in (VictimKind.HOUSEHOLD, VictimKind.BUSINESS)
    )
    rule_ids: list[str] = []
    why: list[str] = []

    if unit.state:
        rule_ids += ["R-NCRS-BOP", "R-NCRS-STATE", "R-VICTIMLESS-COUNT"]
        who = (
            f"offender(s) {', '.join(offenders)}" if offenders else "one offender (none named, counted once)"
        )
        why.append(
            "it meets the recording test as it applies to an offence against the state: the points to "
            "prove are clearly made out"
        )
        why.append(f"a state-based offence with no specific victim, so it is counted per offender: {who}")
    else:
        rule_ids += ["R-NCRS-BOP", "R-ONE-PER-VICTIM"]
        why.append(
            "on the balance of probability the circumstances as reported amount to the offence and "
            "there is no credible evidence to the contrary"
        )
        if household:
            rule_ids.append("R-VICTIM-HOUSEHOLD")
            why.append(f"the {victims[str(unit.victim)].kind} {unit.victim} counts once as one victim")
        else:
            why.append(f"one crime per victim for {unit.victim}")
        mine = set(incidents)
        if any(
            other is not unit
            and not other.state
            and other.victim == unit.victim
            and mine.isdisjoint(m.allegation.incident for m in other.members)
            for other in units
        ):
            rule_ids.append("R-FINISHED-INCIDENT")
            where = (
                f"incidents {', '.join(incidents)} are"
                if len(incidents) > 1
                else f"incident {incidents[0]} is"
            )
            why.append(
                f"{where} finished and separate from the victim's other incident(s), so a separate crime"
            )
    if not unit.state and unit.victim is not None and not victims[unit.victim].supports_action:
        rule_ids.append("R-NCRS-VICTIM-BELIEF")
        why.append(
            f"{unit.victim} does not want police action, and it is still recorded: a victim need not want "
            "police action for a crime to be recorded"
        )
    # A marker or a mixed class decided how these allegations count: say so beside the counting rule.
    why += list(_dedupe([m.counting_note for m in members if m.counting_note]))
    if third_party and unit.victim is not None and victims[unit.victim].kind != VictimKind.SOCIETY:
        rule_ids.append("R-NCRS-THIRD-PARTY")
        why.append("a third party reported it and the third-party rule lets it be recorded now")

    if unit.conduct:
        rule_ids.append("R-PRINCIPAL-CONDUCT")
        if version is RuleVersion.CONDUCT_IN_ADDITION:
            why.append(
                "stalking/harassment/coercive control is one course of conduct against the victim, "
                "recorded in addition to any other crime under the rules then in force"
            )
        elif chosen.class_code in COURSE_OF_CONDUCT_CODES:
            why.append("the course of conduct is one crime for the victim and the most serious offence in it")
        else:
            conduct = ", ".join(m.allegation.ref for m in members if m.class_code in COURSE_OF_CONDUCT_CODES)
            why.append(
                f"the course of conduct ({conduct}) is absorbed by the more serious {chosen.class_code} "
                "under the principal offence approach"
            )
    if duplicates:
        rule_ids.append("R-CANCEL-C3-DUPLICATE")
        why.append(
            f"{', '.join(duplicates)} {'reports' if len(duplicates) == 1 else 'report'} the same offence "
            f"against the same victim in the same incident as {chosen.allegation.ref}: the same crime "
            "reported again, so it is part of this record, never a second one"
        )
    if any(m.per_victim and m.class_code in PUBLIC_ORDER_VICTIM_CODES for m in members):
        rule_ids.append("R-NCRS-STATE")
    if absorbed:
        if len(classes) > 1:
            rule_ids += ["R-PRINCIPAL", "R-CLASSIFY"]
        elif not (unit.conduct or household):
            # One class only: for a course of conduct or a household R-PRINCIPAL-CONDUCT or
            # R-VICTIM-HOUSEHOLD already says why it is one crime.
            rule_ids.append("R-PRINCIPAL")
        if vehicle:
            rule_ids.append("R-CLASS-VEHICLE")
            why.append("damage done to get into the vehicle is part of the theft from it (45, not 58C)")
        why.append(
            f"{', '.join(absorbed)} {'is' if len(absorbed) == 1 else 'are'} part of this one crime, "
            f"recorded as the most serious offence, {_label(principal)}"
        )

    crime_ids = _ordered(rule_ids)
    victim_text = f"victim {unit.victim}" if unit.victim is not None else "no specific victim"
    lines = [
        f"Crime {n}: {_label(principal)} ({victim_text}) from {', '.join(refs)}: "
        f"{'; '.join(why)} ({', '.join(crime_ids)})."
    ]
    restricted = any(m.offence.restricted for m in members)
    review = any(m.class_code in SERIOUS_SEXUAL_CODES for m in members)
    if review:
        rule_ids.append("R-RAPE-RECORD")
        lines.append(
            f"Crime {n} is a rape or serious sexual offence recorded on the victim's account: list it "
            "for the daily review (R-RAPE-RECORD)."
        )
    if restricted:
        rule_ids.append("R-RESTRICTED")
        lines.append(f"Crime {n} is a need-to-know (restricted) class: limit who can see it (R-RESTRICTED).")
    crime = CrimeToRecord(
        victim=unit.victim,
        offence=chosen.class_code,
        allegations=refs,
        offenders=offenders,
        rules=_ordered(rule_ids),
        restricted=restricted,
        daily_review=review,
        incidents=incidents,
        offence_code=principal.code if principal.class_code is not None else None,
        counted_per="offender" if unit.state else "victim",
    )
    return crime, lines


def _awaiting(item: _Item, why: str, deadline: datetime) -> tuple[AwaitingConfirmation, list[str], list[str]]:
    """An allegation that waits for the victim (R-NCRS-THIRD-PARTY), its explanation and its rules."""
    a = item.allegation
    review = item.class_code in SERIOUS_SEXUAL_CODES
    waiting = AwaitingConfirmation(
        allegation=a.ref,
        rule="R-NCRS-THIRD-PARTY",
        reason=f"{why[0].upper()}{why[1:]}; decide it once {a.victim} has been spoken to.",
        victim=a.victim,
        offence=item.class_code,
        offence_code=item.offence.code if item.offence.class_code is not None else None,
        daily_review=review,
        restricted=item.offence.restricted,
    )
    lines = [
        f"{a.ref} ({_label(item.offence)}) waits for the victim: {why}. Speak to {a.victim} and decide it "
        f"by {_london(deadline)}; until then it is neither recorded nor refused "
        "(R-NCRS-THIRD-PARTY, R-NCRS-24H)."
    ]
    rule_ids = ["R-NCRS-THIRD-PARTY", "R-NCRS-24H"]
    if review:
        rule_ids.append("R-RAPE-RECORD")
        lines.append(
            f"{a.ref} is a rape or serious sexual offence report awaiting the victim: it goes to the daily "
            "review now (R-RAPE-RECORD)."
        )
    if item.offence.restricted:
        rule_ids.append("R-RESTRICTED")
        lines.append(f"{a.ref} is a need-to-know (restricted) class: limit who can see it (R-RESTRICTED).")
    return waiting, lines, rule_ids


def _citations(rule_ids: tuple[str, ...], lines: list[str]) -> tuple[Citation, ...]:
    """Each cited rule beside the explanation lines that name it."""
    return tuple(
        Citation(rule, tuple(line for line in lines if re.search(rf"\b{re.escape(rule)}\b(?!-)", line)))
        for rule in rule_ids
    )


def decide(
    report: Report, offences: Mapping[str, OffenceInfo], *, rule_version: RuleVersion | None = None
) -> Decision:
    """Which crimes to record for `report`, by when (R-NCRS-24H) and by which force (R-LOCATION).

    `offences` holds the Home Office classes and the offence codes under them (OffenceInfo with
    `class_code` set). `rule_version` defaults to the version in force at `report.reported_at`
    (R-RULE-VERSION)."""
    victims, items = _validate(report, offences)
    version = rule_version or rule_version_for(report.reported_at)
    deadline = record_by(report.reported_at)
    third_party = report.reporter != Reporter.VICTIM
    cited: list[str] = []
    lines: list[str] = []

    if version is RuleVersion.CONDUCT_IN_ADDITION:
        cited.append("R-RULE-VERSION")
        lines.append(
            "Judged by the counting rules in force before 15 May 2023: stalking, harassment and "
            "controlling or coercive behaviour are recorded in addition to any other crime (R-RULE-VERSION)."
        )
    if third_party:
        cited.append("R-NCRS-THIRD-PARTY")
        lines.append(
            f"Reported by {REPORTER_WORDS.get(report.reporter, report.reporter)}, not the victim: an "
            "allegation against a victim is recorded now when the victim has confirmed it, when a "
            "professional in a care or safeguarding role reported it, or when the victim is a child, a "
            "vulnerable adult or cannot be reached and the account meets the NCRS test; otherwise it "
            "waits until the victim has been spoken to (R-NCRS-THIRD-PARTY)."
        )

    # Step 2: screening, then the third-party rule, then the NCRS test on the account.
    refused: list[tuple[_Item, NotRecorded]] = []
    waiting: list[tuple[_Item, str]] = []
    recordable: list[_Item] = []
    third_party_lines: list[str] = []
    for item in items:
        refusal = _screen(item)
        if refusal is None and third_party:
            now, why = _third_party(report, item, victims)
            if not now:
                waiting.append((item, why))
                continue
            third_party_lines.append(f"{item.allegation.ref}: {why} (R-NCRS-THIRD-PARTY).")
        if refusal is None:
            refusal = _belief(item)
        if refusal is None:
            recordable.append(item)
        else:
            refused.append((item, refusal))

    # Step 3: counting.
    units = _units(recordable, version)
    crimes: list[CrimeToRecord] = []
    crime_lines: list[str] = []
    for n, unit in enumerate(units, start=1):
        crime, these = _crime(n, unit, units, victims, version, third_party)
        crimes.append(crime)
        cited += crime.rules
        crime_lines += these

    lines += third_party_lines
    for item, refusal in refused:
        cited += _refusal_rules(item, refusal)
        lines += _refusal_lines(item, refusal, bool(crimes))
    awaiting: list[AwaitingConfirmation] = []
    for item, why in waiting:
        entry, these, rule_ids = _awaiting(item, why, deadline)
        awaiting.append(entry)
        cited += rule_ids
        lines += these
    lines += crime_lines

    # Step 4: where and by when.
    transfer_to = None
    if report.location_force is not None and report.location_force != report.force:
        transfer_to = report.location_force
        cited += ["R-LOCATION", "R-TRANSFER-PROTOCOL"]
        lines.append(
            f"It happened in {report.location_force}'s area, not {report.force}'s: {report.force} registers "
            f"the incident, takes the victim's account and transfers it to {report.location_force}, "
            "which owns the crime(s) (R-LOCATION, R-TRANSFER-PROTOCOL)."
        )
    if crimes:
        cited.append("R-NCRS-24H")
        lines.append(
            f"Record {len(crimes)} crime{'s' if len(crimes) != 1 else ''} by "
            f"{_london(deadline)}, 24 hours after the report first reached {report.force} "
            "(R-NCRS-24H)."
        )
    elif not awaiting:
        lines.append("No crime is to be recorded; the reasons above close the report.")

    rules = _ordered(cited)
    return Decision(
        crimes=tuple(crimes),
        not_recorded=tuple(refusal for _item, refusal in refused),
        transfer_to=transfer_to,
        record_by=deadline,
        rules=rules,
        explanation=tuple(lines),
        rule_version=version,
        awaiting_confirmation=tuple(awaiting),
        citations=_citations(rules, lines),
    )
