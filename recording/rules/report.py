"""The recording decision's inputs and outputs: the report (victims, allegations, who reported it), the
offence catalogue's entries, and the decision handed back (crimes to record, allegations not recorded or
awaiting the victim, the rules cited in the order of DOMAIN-crime.md)."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime


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


def in_rule_order(rule_ids: list[str] | set[str]) -> tuple[str, ...]:
    wanted = set(rule_ids)
    return tuple(r for r in RULE_ORDER if r in wanted)
