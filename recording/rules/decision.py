"""The NCRS decision: validate the report, screen each allegation and apply the recording test, count
what is left, and say where and by when it is recorded (`decide`)."""

from __future__ import annotations

import re
from collections.abc import Mapping

from recording.rules.classification import (
    ACTION_FRAUD_CODES,
    NO_PERSONAL_VICTIM_CATEGORIES,
    SERIOUS_SEXUAL_CODES,
    class_markers,
    offence_label,
)
from recording.rules.counting import Item, count_units, counts_per_victim, crime_to_record
from recording.rules.report import (
    AwaitingConfirmation,
    Citation,
    CrimeToRecord,
    Decision,
    NotRecorded,
    OffenceInfo,
    Report,
    Reporter,
    ReportError,
    RuleVersion,
    Victim,
    VictimKind,
    in_rule_order,
)
from recording.rules.third_party import REPORTER_WORDS, awaiting_victim, third_party_check
from recording.rules.timeliness import london_time, record_by, require_aware, rule_version_for


# ---------------------------------------------------------------- validation
def _validate(report: Report, offences: Mapping[str, OffenceInfo]) -> tuple[dict[str, Victim], list[Item]]:
    require_aware(report.reported_at, "reported_at")
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
    items: list[Item] = []
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
        per_victim, note = counts_per_victim(offence, named, markers)
        if allegation.victim is None and per_victim:
            raise ReportError(
                f"{offence_label(offence)} is an offence against a victim: name the victim "
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
                f"{offence_label(offence)} has no personal victim: it is counted per offender "
                "(R-VICTIMLESS-COUNT). Leave the victim empty, or allege the offence the person suffered.",
                f"alleged.{i}.victim",
            )
        if not allegation.incident or not allegation.incident.strip():
            raise ReportError("Say which incident this allegation belongs to.", f"alleged.{i}.incident")
        for j, offender in enumerate(allegation.offenders):
            if not offender or not offender.strip():
                raise ReportError("Offender references may not be blank.", f"alleged.{i}.offenders.{j}")
        items.append(Item(i, allegation, offence, per_victim, note))
    return victims, items


# ---------------------------------------------------------------- the decision
def _screen(item: Item) -> NotRecorded | None:
    """Step 2: an allegation that is not to be recorded, and why; None when it goes on."""
    allegation, offence = item.allegation, item.offence
    if not offence.notifiable:
        return NotRecorded(
            allegation.ref,
            "R-CLASSIFY",
            f"{offence_label(offence)} is not notifiable: there is no Home Office class to record it under.",
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


def _belief(item: Item) -> NotRecorded | None:
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


def _refusal_lines(item: Item, refusal: NotRecorded, crimes_recorded: bool) -> list[str]:
    """The explanation of one allegation not recorded; the rule IDs it cites are in the text."""
    allegation = item.allegation
    reason = refusal.reason[0].lower() + refusal.reason[1:].rstrip(".")
    line = f"{allegation.ref} ({offence_label(item.offence)}) is not recorded: {reason}"
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


def _refusal_rules(item: Item, refusal: NotRecorded) -> list[str]:
    ids = [refusal.rule]
    if refusal.rule == "R-NCRS-BOP":
        ids.append("R-NCRS-VICTIM-BELIEF")
    if item.class_code in SERIOUS_SEXUAL_CODES:
        ids.append("R-RAPE-RECORD")
    return ids


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
    refused: list[tuple[Item, NotRecorded]] = []
    waiting: list[tuple[Item, str]] = []
    recordable: list[Item] = []
    third_party_lines: list[str] = []
    for item in items:
        refusal = _screen(item)
        if refusal is None and third_party:
            now, why = third_party_check(report, item, victims)
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
    units = count_units(recordable, version)
    crimes: list[CrimeToRecord] = []
    crime_lines: list[str] = []
    for n, unit in enumerate(units, start=1):
        crime, these = crime_to_record(n, unit, units, victims, version, third_party)
        crimes.append(crime)
        cited += crime.rules
        crime_lines += these

    lines += third_party_lines
    for item, refusal in refused:
        cited += _refusal_rules(item, refusal)
        lines += _refusal_lines(item, refusal, bool(crimes))
    awaiting: list[AwaitingConfirmation] = []
    for item, why in waiting:
        entry, these, rule_ids = awaiting_victim(item, why, deadline)
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
            f"{london_time(deadline)}, 24 hours after the report first reached {report.force} "
            "(R-NCRS-24H)."
        )
    elif not awaiting:
        lines.append("No crime is to be recorded; the reasons above close the report.")

    rules = in_rule_order(cited)
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
