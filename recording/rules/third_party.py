"""R-NCRS-THIRD-PARTY: whether an allegation someone other than the victim reported is decided now or
waits until the victim has been spoken to, and what is said about one that waits."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from recording.rules.classification import SERIOUS_SEXUAL_CODES, offence_label
from recording.rules.counting import Item
from recording.rules.report import AwaitingConfirmation, Report, Reporter, Victim, VictimKind
from recording.rules.timeliness import london_time

#: R-NCRS-THIRD-PARTY: a victim under this age is a child (England and Wales: under 18).
ADULT_AGE = 18

#: How the explanation names each kind of reporter.
REPORTER_WORDS: dict[str, str] = {
    Reporter.WITNESS: "a witness",
    Reporter.RELATIVE: "a relative",
    Reporter.PROFESSIONAL: "a professional",
    Reporter.POLICE: "the police",
    Reporter.OTHER: "a friend, neighbour or other member of the public",
}


def _is_child(victim: Victim) -> bool:
    return victim.age is not None and victim.age < ADULT_AGE


def third_party_check(report: Report, item: Item, victims: Mapping[str, Victim]) -> tuple[bool, str]:
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


def awaiting_victim(
    item: Item, why: str, deadline: datetime
) -> tuple[AwaitingConfirmation, list[str], list[str]]:
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
        f"{a.ref} ({offence_label(item.offence)}) waits for the victim: {why}. Speak to {a.victim} and "
        f"decide it by {london_time(deadline)}; until then it is neither recorded nor refused "
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
