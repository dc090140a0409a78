"""The HOCR/NCRS recording decision: which crimes a report must become, by when and where.

PURE module: standard library only, no Django, no database, no I/O. Callers hand in the report and the
offence catalogue (the Home Office classes of recording/reference/ho_offences.csv as `OffenceInfo`);
`decide()` hands back a `Decision` whose `rules` cite the rule IDs of shared/DOMAIN-crime.md and whose
`explanation` says why in plain words a sergeant can check.

How the decision is made (each step names the rule it rests on):
1. Validate the report (`ReportError` names the field in the API's dotted shape, e.g. "alleged.1.victim").
2. Screen each allegation: not notifiable (R-CLASSIFY), additional verifiable information that no
   crime happened (R-CANCEL-AVI), not believed on the balance of probability (R-NCRS-BOP,
   R-NCRS-VICTIM-BELIEF), or, with no victim, points to prove not made out (R-NCRS-STATE).
3. Count what is left: one crime per victim (R-ONE-PER-VICTIM; a household or business counts once,
   R-VICTIM-HOUSEHOLD) per finished incident (R-FINISHED-INCIDENT); offences with no victim per
   offender or offender group (R-VICTIMLESS-COUNT). Within one count the principal (most serious,
   lowest `seriousness_rank`) offence is recorded and the others are part of it (R-PRINCIPAL,
   R-CLASS-VEHICLE). A course of conduct (stalking, harassment, coercive control) is one crime per
   victim across incidents; since 15 May 2023 it takes part in the principal offence approach, before
   that date it was recorded in addition (R-PRINCIPAL-CONDUCT, R-RULE-VERSION).
4. Mark need-to-know crimes (R-RESTRICTED) and rape for the daily review (R-RAPE-RECORD), set the
   transfer force (R-LOCATION, R-TRANSFER-PROTOCOL) and the 24-hour deadline (R-NCRS-24H).

Choices where DOMAIN-crime.md leaves room (each is pinned by a test in recording/tests/test_rules.py):
- `record_by` is always returned; R-NCRS-24H is cited when at least one crime is to be recorded (a
  report that ends in no crime has no recording deadline to meet; worked example EX-R4 cites only
  R-CANCEL-AVI).
- `incident` is the caller's statement of which allegations form one sequence of events. A course of
  conduct joins the incidents it runs through (since May 2023 the principal offence is chosen over all
  of them); an incident with no course-of-conduct allegation stays a separate finished incident.
- AVI (R-CANCEL-AVI) wins over disbelief: verifiable information is the stronger reason to give.
- An offence against a victim must name one. A state-based offence (victim_based=false) may name none
  and is always counted per offender group: the allegation's `offenders` as a set (none named = counts
  as one); a victim named on it (e.g. kind "society") is kept on the crime but never joins a count.
- R-CLASS-VEHICLE is applied as an offence-specific rule (R-CLASS-RULES-WIN): 58C never leads a count
  that holds 45, whatever the ranks say.
- A crime is restricted when any allegation in it is of a restricted class, and listed for the daily
  review when any is rape or another serious sexual offence (SERIOUS_SEXUAL_CODES), so need-to-know
  detail is not lost when a more serious offence leads.
- R-PRINCIPAL, R-CLASSIFY, R-FINISHED-INCIDENT are cited only when they changed the count or the class:
  several classes folded into one, several crimes for one victim from separate incidents.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, timezone

__all__ = [
    "COURSE_OF_CONDUCT_CODES",
    "PRINCIPAL_OFFENCE_FROM",
    "RAPE_CODES",
    "SERIOUS_SEXUAL_CODES",
    "VEHICLE_DAMAGE_CODE",
    "VEHICLE_THEFT_CODE",
    "Allegation",
    "CrimeToRecord",
    "Decision",
    "NotRecorded",
    "OffenceInfo",
    "Report",
    "ReportError",
    "RuleVersion",
    "Victim",
    "VictimKind",
    "decide",
    "is_ncrs_breach",
    "record_by",
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


class RuleVersion(enum.StrEnum):
    """The rule sets that change a recording decision (R-RULE-VERSION)."""

    #: April 2017 to mid-May 2023: stalking/harassment recorded in addition to other crimes.
    CONDUCT_IN_ADDITION = "2017-04"
    #: From 15 May 2023: the principal offence approach applies to courses of conduct too.
    PRINCIPAL_OFFENCE = "2023-05"


# ---------------------------------------------------------------- input and output types
@dataclass(frozen=True)
class OffenceInfo:
    code: str
    title: str
    category: str
    victim_based: bool
    seriousness_rank: int
    restricted: bool
    notifiable: bool = True


@dataclass(frozen=True)
class Victim:
    ref: str
    kind: str  # person | business | household | society


@dataclass(frozen=True)
class Allegation:
    ref: str
    victim: str | None
    offence: str
    incident: str
    believed: bool = True
    avi_no_crime: bool = False
    offenders: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "offenders", tuple(self.offenders))


@dataclass(frozen=True)
class Report:
    reported_at: datetime
    force: str
    victims: tuple[Victim, ...]
    alleged: tuple[Allegation, ...]
    location_force: str | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "victims", tuple(self.victims))
        object.__setattr__(self, "alleged", tuple(self.alleged))


@dataclass(frozen=True)
class CrimeToRecord:
    victim: str | None
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


@dataclass(frozen=True)
class NotRecorded:
    allegation: str
    rule: str
    reason: str


@dataclass(frozen=True)
class Decision:
    crimes: tuple[CrimeToRecord, ...]
    not_recorded: tuple[NotRecorded, ...]
    transfer_to: str | None
    record_by: datetime
    rules: tuple[str, ...]
    explanation: tuple[str, ...]
    rule_version: RuleVersion = RuleVersion.PRINCIPAL_OFFENCE


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
    "R-ONE-PER-VICTIM",
    "R-VICTIM-HOUSEHOLD",
    "R-VICTIMLESS-COUNT",
    "R-FINISHED-INCIDENT",
    "R-PRINCIPAL",
    "R-PRINCIPAL-CONDUCT",
    "R-CLASS-VEHICLE",
    "R-CLASSIFY",
    "R-CANCEL-AVI",
    "R-RAPE-RECORD",
    "R-LOCATION",
    "R-TRANSFER-PROTOCOL",
    "R-RESTRICTED",
)


# ---------------------------------------------------------------- time rules
def _require_aware(value: datetime, field_name: str) -> None:
    if value.tzinfo is None or value.utcoffset() is None:
        raise ReportError("Give the time with a time zone (e.g. 2026-03-01T14:05:00Z).", field_name)


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


def rule_version_for(reported_at: datetime) -> RuleVersion:
    """R-RULE-VERSION: the rule set in force when the report first reached the force."""
    _require_aware(reported_at, "reported_at")
    if reported_at < PRINCIPAL_OFFENCE_FROM:
        return RuleVersion.CONDUCT_IN_ADDITION
    return RuleVersion.PRINCIPAL_OFFENCE


# ---------------------------------------------------------------- validation
def _validate(report: Report, offences: Mapping[str, OffenceInfo]) -> dict[str, Victim]:
    _require_aware(report.reported_at, "reported_at")
    if not report.force or not report.force.strip():
        raise ReportError("Name the force the report reached.", "force")
    if report.location_force is not None and not report.location_force.strip():
        raise ReportError("Name the force whose area it happened in, or leave it out.", "location_force")
    victims: dict[str, Victim] = {}
    kinds = {k.value for k in VictimKind}
    for i, victim in enumerate(report.victims):
        if not victim.ref or not victim.ref.strip():
            raise ReportError("Give each victim a reference.", f"victims.{i}.ref")
        if victim.ref in victims:
            raise ReportError(f"Victim reference {victim.ref!r} is used twice.", f"victims.{i}.ref")
        if victim.kind not in kinds:
            raise ReportError(f'"{victim.kind}" is not a valid choice.', f"victims.{i}.kind")
        victims[victim.ref] = victim
    if not report.alleged:
        raise ReportError("List at least one alleged offence.", "alleged")
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
                f"{allegation.offence!r} is not a Home Office offence code.", f"alleged.{i}.offence"
            )
        if allegation.victim is not None and allegation.victim not in victims:
            raise ReportError(
                f"Victim {allegation.victim!r} is not one of the report's victims.", f"alleged.{i}.victim"
            )
        if allegation.victim is None and offence.victim_based:
            raise ReportError(
                f"{offence.code} {offence.title} is an offence against a victim: name the victim "
                "(only state-based offences have none).",
                f"alleged.{i}.victim",
            )
        if not allegation.incident or not allegation.incident.strip():
            raise ReportError("Say which incident this allegation belongs to.", f"alleged.{i}.incident")
        for j, offender in enumerate(allegation.offenders):
            if not offender or not offender.strip():
                raise ReportError("Offender references may not be blank.", f"alleged.{i}.offenders.{j}")
    return victims


# ---------------------------------------------------------------- the decision
@dataclass
class _Unit:
    """Allegations counted together as one crime, before the principal offence is chosen."""

    victim: str | None
    members: list[int]  # indexes into report.alleged, in report order
    conduct: bool = False  # a course of conduct spanning incidents (R-PRINCIPAL-CONDUCT)
    state: bool = False  # a state-based offence, counted per offender (R-VICTIMLESS-COUNT)
    rules: list[str] = field(default_factory=list)


def _ordered(rule_ids: list[str] | set[str]) -> tuple[str, ...]:
    wanted = set(rule_ids)
    return tuple(r for r in RULE_ORDER if r in wanted)


def _dedupe(items: list[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))


def _label(offence: OffenceInfo) -> str:
    return f"{offence.code} {offence.title}"


def _screen(allegation: Allegation, offence: OffenceInfo) -> NotRecorded | None:
    """Step 2: an allegation that is not to be recorded, and why; None when it goes on to be counted."""
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
    if not allegation.believed:
        if not offence.victim_based:
            return NotRecorded(
                allegation.ref,
                "R-NCRS-STATE",
                "The points to prove for this state-based offence are not clearly made out.",
            )
        return NotRecorded(
            allegation.ref,
            "R-NCRS-BOP",
            "On the balance of probability there is credible evidence that no offence happened as reported; "
            "the victim must be told that it will not be recorded.",
        )
    return None


def _units(
    report: Report, recordable: list[int], offences: Mapping[str, OffenceInfo], version: RuleVersion
) -> list[_Unit]:
    """Step 3: group the recordable allegations into counting units (one crime each)."""
    alleged = report.alleged
    units: dict[tuple[object, ...], _Unit] = {}
    conduct_incidents: dict[str, set[str]] = {}
    if version is RuleVersion.PRINCIPAL_OFFENCE:
        # A course of conduct is one crime per victim whatever incidents it spans; since May 2023 the
        # incidents it runs through are one sequence for the principal offence approach.
        for i in recordable:
            a = alleged[i]
            if a.victim is not None and a.offence in COURSE_OF_CONDUCT_CODES:
                conduct_incidents.setdefault(a.victim, set()).add(a.incident)
    for i in recordable:
        a = alleged[i]
        key: tuple[object, ...]
        if not offences[a.offence].victim_based:
            # R-VICTIMLESS-COUNT: per offender (or offender group); no offenders named = counts as one.
            # A victim named on a state-based offence (e.g. "society") is kept but does not join counts.
            group = frozenset(a.offenders) if a.offenders else ("alone", a.ref)
            key = ("state", group, a.incident, a.victim)
        elif version is RuleVersion.CONDUCT_IN_ADDITION and a.offence in COURSE_OF_CONDUCT_CODES:
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
        unit.members.append(i)
    return sorted(units.values(), key=lambda u: u.members[0])


def _principal(members: list[int], report: Report, offences: Mapping[str, OffenceInfo]) -> tuple[int, bool]:
    """R-PRINCIPAL: the most serious (lowest rank) allegation, the first alleged on a tie. R-CLASS-VEHICLE:
    damage to a vehicle is part of a theft from it in the same count, so 58C never leads when 45 is there.
    Returns the chosen index and whether the vehicle rule applied."""
    codes = {report.alleged[i].offence for i in members}
    vehicle = VEHICLE_DAMAGE_CODE in codes and VEHICLE_THEFT_CODE in codes
    candidates = [i for i in members if not (vehicle and report.alleged[i].offence == VEHICLE_DAMAGE_CODE)]
    chosen = min(candidates, key=lambda i: (offences[report.alleged[i].offence].seriousness_rank, i))
    return chosen, vehicle


def _refusal_lines(allegation: Allegation, offence: OffenceInfo, refusal: NotRecorded) -> list[str]:
    """The explanation of one allegation not recorded; the rule IDs it cites are in the text."""
    reason = refusal.reason[0].lower() + refusal.reason[1:].rstrip(".")
    line = f"{allegation.ref} ({_label(offence)}) is not recorded: {reason}"
    if refusal.rule == "R-NCRS-BOP":
        line += (
            ". The victim's own account is normally enough; only checkable fact counts against it "
            "(R-NCRS-BOP, R-NCRS-VICTIM-BELIEF)."
        )
    else:
        line += f" ({refusal.rule})."
    lines = [line]
    if allegation.offence in SERIOUS_SEXUAL_CODES:
        lines.append(
            f"{allegation.ref} is a rape or serious sexual offence not recorded: list it for the daily "
            "review; not recording it needs senior DDM/FCR sign-off (R-RAPE-RECORD)."
        )
    return lines


def _refusal_rules(allegation: Allegation, refusal: NotRecorded) -> list[str]:
    ids = [refusal.rule]
    if refusal.rule == "R-NCRS-BOP":
        ids.append("R-NCRS-VICTIM-BELIEF")
    if allegation.offence in SERIOUS_SEXUAL_CODES:
        ids.append("R-RAPE-RECORD")
    return ids


def _crime(
    n: int,
    unit: _Unit,
    units: list[_Unit],
    report: Report,
    offences: Mapping[str, OffenceInfo],
    victims: Mapping[str, Victim],
    version: RuleVersion,
) -> tuple[CrimeToRecord, list[str]]:
    """Step 3 for one counting unit: the crime to record and the explanation lines for it."""
    chosen, vehicle = _principal(unit.members, report, offences)
    principal = offences[report.alleged[chosen].offence]
    members = [report.alleged[i] for i in unit.members]
    refs = tuple(a.ref for a in members)
    incidents = _dedupe([a.incident for a in members])
    offenders = _dedupe([o for a in members for o in a.offenders])
    absorbed = [a.ref for a in members if a.ref != report.alleged[chosen].ref]
    classes = set(a.offence for a in members)
    household = (
        not unit.state
        and unit.victim is not None
        and victims[unit.victim].kind
        in (
            VictimKind.HOUSEHOLD,
            VictimKind.BUSINESS,
        )
    )
    rule_ids: list[str] = []
    why: list[str] = []

    if unit.state or unit.victim is None:
        rule_ids += ["R-VICTIMLESS-COUNT", "R-NCRS-STATE"]
        who = (
            f"offender(s) {', '.join(offenders)}" if offenders else "one offender (none named, counted once)"
        )
        why.append(
            f"a state-based offence with no specific victim, so it is counted per offender: {who}; "
            "the points to prove are made out"
        )
    else:
        rule_ids.append("R-ONE-PER-VICTIM")
        if household:
            rule_ids.append("R-VICTIM-HOUSEHOLD")
            why.append(f"the {victims[unit.victim].kind} {unit.victim} counts once as one victim")
        else:
            why.append(f"one crime per victim for {unit.victim}")
        mine = set(incidents)
        if any(
            other is not unit
            and not other.state
            and other.victim == unit.victim
            and mine.isdisjoint(report.alleged[i].incident for i in other.members)
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

    if unit.conduct:
        rule_ids.append("R-PRINCIPAL-CONDUCT")
        if version is RuleVersion.CONDUCT_IN_ADDITION:
            why.append(
                "stalking/harassment/coercive control is one course of conduct against the victim, "
                "recorded in addition to any other crime under the rules then in force"
            )
        elif principal.code in COURSE_OF_CONDUCT_CODES:
            why.append("the course of conduct is one crime for the victim and the most serious offence in it")
        else:
            conduct = ", ".join(a.ref for a in members if a.offence in COURSE_OF_CONDUCT_CODES)
            why.append(
                f"the course of conduct ({conduct}) is absorbed by the more serious {principal.code} "
                "under the principal offence approach"
            )
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
    restricted = any(offences[a.offence].restricted for a in members)
    review = any(a.offence in SERIOUS_SEXUAL_CODES for a in members)
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
        offence=principal.code,
        allegations=refs,
        offenders=offenders,
        rules=_ordered(rule_ids),
        restricted=restricted,
        daily_review=review,
        incidents=incidents,
    )
    return crime, lines


def decide(
    report: Report, offences: Mapping[str, OffenceInfo], *, rule_version: RuleVersion | None = None
) -> Decision:
    """Which crimes to record for `report`, by when (R-NCRS-24H) and by which force (R-LOCATION).

    `rule_version` defaults to the version in force at `report.reported_at` (R-RULE-VERSION)."""
    victims = _validate(report, offences)
    version = rule_version or rule_version_for(report.reported_at)
    deadline = record_by(report.reported_at)
    cited: list[str] = []
    lines: list[str] = []

    if version is RuleVersion.CONDUCT_IN_ADDITION:
        cited.append("R-RULE-VERSION")
        lines.append(
            "Judged by the counting rules in force before 15 May 2023: stalking, harassment and "
            "controlling or coercive behaviour are recorded in addition to any other crime (R-RULE-VERSION)."
        )

    # Step 2: screening.
    not_recorded: list[NotRecorded] = []
    recordable: list[int] = []
    for i, allegation in enumerate(report.alleged):
        offence = offences[allegation.offence]
        refusal = _screen(allegation, offence)
        if refusal is None:
            recordable.append(i)
            continue
        not_recorded.append(refusal)
        cited += _refusal_rules(allegation, refusal)
        lines += _refusal_lines(allegation, offence, refusal)

    # Step 3: counting.
    units = _units(report, recordable, offences, version)
    crimes: list[CrimeToRecord] = []
    for n, unit in enumerate(units, start=1):
        crime, crime_lines = _crime(n, unit, units, report, offences, victims, version)
        crimes.append(crime)
        cited += crime.rules
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
            f"{deadline:%Y-%m-%d %H:%M} UTC, 24 hours after the report first reached {report.force} "
            "(R-NCRS-24H)."
        )
    else:
        lines.append("No crime is to be recorded; the reasons above close the report.")

    return Decision(
        crimes=tuple(crimes),
        not_recorded=tuple(not_recorded),
        transfer_to=transfer_to,
        record_by=deadline,
        rules=_ordered(cited),
        explanation=tuple(lines),
        rule_version=version,
    )
