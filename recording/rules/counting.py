"""Counting (HOCR): how each allegation counts (per victim or per offender), which allegations make one
crime, the principal offence within it, and the plain-words explanation of each crime to record."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from recording.rules.classification import (
    COURSE_OF_CONDUCT_CODES,
    PUBLIC_ORDER_VICTIM_CODES,
    SERIOUS_SEXUAL_CODES,
    VEHICLE_DAMAGE_CODE,
    VEHICLE_THEFT_CODE,
    class_is_mixed,
    offence_label,
)
from recording.rules.report import (
    Allegation,
    Counting,
    CrimeToRecord,
    OffenceInfo,
    RuleVersion,
    Victim,
    VictimKind,
    in_rule_order,
)


@dataclass(frozen=True)
class Item:
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


def counts_per_victim(
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


@dataclass
class _Unit:
    """Allegations counted together as one crime, before the principal offence is chosen."""

    victim: str | None
    members: list[Item]  # in report order
    conduct: bool = False  # a course of conduct spanning incidents (R-PRINCIPAL-CONDUCT)
    state: bool = False  # a state-based offence, counted per offender (R-VICTIMLESS-COUNT)


def _dedupe(items: list[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))


def count_units(recordable: list[Item], version: RuleVersion) -> list[_Unit]:
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


def choose_principal(members: list[Item]) -> tuple[Item, bool]:
    """R-PRINCIPAL: the most serious (lowest rank) allegation, the first alleged on a tie. R-CLASS-VEHICLE:
    damage to a vehicle is part of a theft from it in the same count, so 58C never leads when 45 is there.
    Returns the chosen allegation and whether the vehicle rule applied."""
    codes = {item.class_code for item in members}
    vehicle = VEHICLE_DAMAGE_CODE in codes and VEHICLE_THEFT_CODE in codes
    candidates = [m for m in members if not (vehicle and m.class_code == VEHICLE_DAMAGE_CODE)]
    chosen = min(candidates, key=lambda m: (m.offence.seriousness_rank, m.index))
    return chosen, vehicle


def crime_to_record(
    n: int,
    unit: _Unit,
    units: list[_Unit],
    victims: Mapping[str, Victim],
    version: RuleVersion,
    third_party: bool,
) -> tuple[CrimeToRecord, list[str]]:
    """Step 3 for one counting unit: the crime to record and the explanation lines for it."""
    chosen, vehicle = choose_principal(unit.members)
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
            f"recorded as the most serious offence, {offence_label(principal)}"
        )

    crime_ids = in_rule_order(rule_ids)
    victim_text = f"victim {unit.victim}" if unit.victim is not None else "no specific victim"
    lines = [
        f"Crime {n}: {offence_label(principal)} ({victim_text}) from {', '.join(refs)}: "
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
        rules=in_rule_order(rule_ids),
        restricted=restricted,
        daily_review=review,
        incidents=incidents,
        offence_code=principal.code if principal.class_code is not None else None,
        counted_per="offender" if unit.state else "victim",
    )
    return crime, lines
