"""Repeat-subject alerts (issue 23 part 3): which thresholds one person's dated allegations cross. Pure: no
database. complaints.services.alerts feeds it and stores what it decides.

Every allegation about the person counts, whatever its outcome (withdrawn, not upheld, still open). An
allegation is dated by the day its case was received (the local calendar date). A threshold is "N
allegations within M months": N allegations, one of them the allegation that has just got the person as
its subject (the trigger), all dated within one window of M calendar months, both ends counted (1 January
to 1 April is 3 months; 1 January to 2 April is 3 months and a day, too far apart). A threshold without
months counts the trigger and every allegation dated on or before it ("any earlier allegation"); one with
category groups fires only when the trigger's category is in one of them (the sexual-conduct,
discriminatory and abuse-of-position rule). An alert already raised for the same person and threshold
over the same allegations, or more, is not raised again."""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass

# The category groups whose allegations show every earlier allegation about the same person
# (complaint_categories.csv: F discriminatory behaviour, G abuse of position/corruption, J sexual conduct).
SHOW_EARLIER_GROUPS = frozenset({"F", "G", "J"})


@dataclass(frozen=True)
class Threshold:
    code: str
    allegations: int
    months: int | None = None
    groups: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Dated:
    """One allegation about the person: its id, its date and its category group's letter."""

    allegation_id: int
    on: dt.date
    group: str = ""


@dataclass(frozen=True)
class Crossing:
    threshold: str
    trigger_id: int
    allegation_ids: tuple[int, ...]  # oldest first


def group_letter(group: str) -> str:
    """The letter of a category group as complaint_categories.csv names it ("J - Sexual conduct" -> "J")."""
    return group.split("-", 1)[0].strip().upper()


def groups_of(text: str) -> frozenset[str]:
    """A threshold's category groups as the reference file writes them ("F G J", "F,G,J")."""
    return frozenset(w.strip().upper() for w in text.replace(",", " ").split() if w.strip())


def shows_earlier(group: str) -> bool:
    """Whether an allegation in this category group shows every earlier one about the same person."""
    return group_letter(group) in SHOW_EARLIER_GROUPS


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` calendar months later (the month's last day where it is shorter)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return day.replace(year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1]))


def describe(threshold: Threshold) -> str:
    """The threshold in words, as the alert shows it."""
    count = f"{threshold.allegations} allegation{'s' if threshold.allegations != 1 else ''}"
    when = (
        f"in {threshold.months} month{'s' if threshold.months != 1 else ''}"
        if threshold.months
        else "at any time"
    )
    groups = (
        f" (the newest in category group {', '.join(sorted(threshold.groups))})" if threshold.groups else ""
    )
    return f"{count} {when}{groups}"


def _order(items: Iterable[Dated]) -> list[Dated]:
    return sorted(items, key=lambda a: (a.on, a.allegation_id))


def earlier(allegations: Iterable[Dated], trigger: Dated) -> list[Dated]:
    """Every other allegation about the person dated on or before the trigger, oldest first."""
    return _order(a for a in allegations if a.on <= trigger.on and a.allegation_id != trigger.allegation_id)


def crossing(threshold: Threshold, allegations: Collection[Dated], trigger: Dated) -> tuple[int, ...] | None:
    """The allegations that make `trigger` cross `threshold` (oldest first), or None when it does not.
    With months: the window of that many months holding the trigger and the most allegations (the earliest
    such window on a tie)."""
    if threshold.groups and group_letter(trigger.group) not in threshold.groups:
        return None
    if threshold.months is None:
        found = [*earlier(allegations, trigger), trigger]
    else:
        best: list[Dated] = []
        for start in sorted({a.on for a in allegations if a.on <= trigger.on}):
            end = add_months(start, threshold.months)
            if end < trigger.on:
                continue
            inside = [a for a in allegations if start <= a.on <= end]
            if len(inside) > len(best):
                best = inside
        found = _order(best)
    if len(found) < threshold.allegations:
        return None
    return tuple(a.allegation_id for a in found)


def crossings(
    thresholds: Iterable[Threshold],
    allegations: Collection[Dated],
    trigger: Dated,
    raised: Mapping[str, Collection[frozenset[int]]] | None = None,
) -> list[Crossing]:
    """The thresholds `trigger` makes the person's allegations cross, each with its allegations; none whose
    allegations an alert already raised for that threshold (`raised`: threshold code -> the allegation id
    sets of its alerts about this person) holds already."""
    if trigger not in allegations:
        allegations = [*allegations, trigger]
    out: list[Crossing] = []
    for threshold in thresholds:
        ids = crossing(threshold, allegations, trigger)
        if ids is None:
            continue
        if any(frozenset(ids) <= seen for seen in (raised or {}).get(threshold.code, ())):
            continue
        out.append(Crossing(threshold.code, trigger.allegation_id, ids))
    return out
