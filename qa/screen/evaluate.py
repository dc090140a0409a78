"""Score the screen against a labelled file (the format of shared narratives/examples.json).

Pure: takes the parsed items, a PatternSet and the offence classes; returns the figures the contract
names (API.md, Hidden-crime screen): found = `crime` or `unsure` on a true item; recall = found / true
items; precision = true items answered `crime` / items answered `crime`; principal = found items whose
first class is `classes[0]` / found items; unsure = `unsure` answers / all items; each proportion with a
Wilson 95% interval; recall per group (sexual offences, violence against the person, other) by the
category of `classes[0]`."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from qa.screen.engine import screen
from qa.screen.patterns import Offence, PatternSet

Z95 = 1.959963984540054
GROUPS = {"Sexual offences": "sexual", "Violence against the person": "violence"}


def wilson(successes: int, trials: int, z: float = Z95) -> tuple[float, float]:
    """Wilson score interval for a binomial proportion; (0, 1) when there are no trials."""
    if trials == 0:
        return (0.0, 1.0)
    p = successes / trials
    denominator = 1 + z * z / trials
    centre = (p + z * z / (2 * trials)) / denominator
    half = z * math.sqrt(p * (1 - p) / trials + z * z / (4 * trials * trials)) / denominator
    return (max(0.0, centre - half), min(1.0, centre + half))


class LabelError(ValueError):
    """An item of the labelled file is not in the expected shape."""


@dataclass(frozen=True, slots=True)
class Item:
    id: str
    nsir_code: str
    narrative: str
    crime: bool
    classes: tuple[str, ...]


def items_from(data: Any) -> list[Item]:
    if not isinstance(data, list):
        raise LabelError("the file must hold a list of items")
    items = []
    for i, raw in enumerate(data):
        try:
            expected = raw["expected"]
            items.append(
                Item(
                    id=str(raw["id"]),
                    nsir_code=str(raw["nsir_code"]),
                    narrative=str(raw["narrative"]),
                    crime=bool(expected["crime"]),
                    classes=tuple(str(c) for c in expected.get("classes") or ()),
                )
            )
        except (KeyError, TypeError) as exc:
            raise LabelError(f"item {i}: missing {exc}") from exc
    return items


def group_of(item: Item, offences: Mapping[str, Offence]) -> str:
    offence = offences.get(item.classes[0]) if item.classes else None
    return GROUPS.get(offence.category, "other") if offence else "other"


def _ratio(n: int, d: int) -> float:
    return round(n / d, 4) if d else 0.0


def _ci(n: int, d: int) -> list[float]:
    low, high = wilson(n, d)
    return [round(low, 4), round(high, 4)]


def evaluate(items: Iterable[Item], patterns: PatternSet, offences: Mapping[str, Offence]) -> dict[str, Any]:
    items = list(items)
    true_items = found = crime_answers = true_crime_answers = principal_right = principal_any = 0
    unsure = flags = flags_with_evidence = 0
    groups: dict[str, list[int]] = {"sexual": [0, 0], "violence": [0, 0], "other": [0, 0]}
    misses: list[str] = []
    false_flags: list[str] = []
    for item in items:
        result = screen(item.narrative, item.nsir_code, patterns)
        flagged = result.verdict != "no_crime"
        unsure += result.verdict == "unsure"
        if flagged:
            flags += 1
            flags_with_evidence += all(c.evidence for c in result.crimes) and bool(result.crimes)
        if result.verdict == "crime":
            crime_answers += 1
            true_crime_answers += item.crime
            if not item.crime:
                false_flags.append(item.id)
        if item.crime:
            true_items += 1
            group = groups[group_of(item, offences)]
            group[0] += 1
            if flagged:
                found += 1
                group[1] += 1
                first = result.crimes[0].offence if result.crimes else None
                principal_right += first == item.classes[0]
                principal_any += first in item.classes
            else:
                misses.append(item.id)
    figures: dict[str, Any] = {
        "items": len(items),
        "recall": _ratio(found, true_items),
        "recall_ci95": _ci(found, true_items),
        "precision": _ratio(true_crime_answers, crime_answers),
        "precision_ci95": _ci(true_crime_answers, crime_answers),
        "principal": _ratio(principal_right, found),
        "principal_ci95": _ci(principal_right, found),
        "principal_lenient": _ratio(principal_any, found),
        "unsure": _ratio(unsure, len(items)),
        "unsure_ci95": _ci(unsure, len(items)),
        "flags_with_evidence": _ratio(flags_with_evidence, flags),
        "true_items": true_items,
        "found": found,
        "crime_answers": crime_answers,
        "groups": {
            name: {"items": total, "recall": _ratio(hit, total), "recall_ci95": _ci(hit, total)}
            for name, (total, hit) in groups.items()
        },
        "missed": misses,
        "false_crime": false_flags,
        "patterns_version": patterns.version,
    }
    return figures


def report_lines(figures: Mapping[str, Any]) -> list[str]:
    """The figures as lines a person reads (percentages with their 95% intervals)."""

    def pct(value: float) -> str:
        return f"{value * 100:.1f}%"

    def ci(pair: list[float]) -> str:
        return f"(95% CI {pct(pair[0])}-{pct(pair[1])})"

    lines = [
        f"Items: {figures['items']} ({figures['true_items']} disclose a crime); patterns version "
        f"{figures['patterns_version']}",
        f"Recall: {pct(figures['recall'])} {ci(figures['recall_ci95'])} - {figures['found']} of "
        f"{figures['true_items']} found",
        f"Precision of crime answers: {pct(figures['precision'])} {ci(figures['precision_ci95'])} over "
        f"{figures['crime_answers']} answers",
        f"Principal class right: {pct(figures['principal'])} {ci(figures['principal_ci95'])}; any listed "
        f"class: {pct(figures['principal_lenient'])}",
        f"Unsure: {pct(figures['unsure'])} {ci(figures['unsure_ci95'])}",
        f"Flags with evidence: {pct(figures['flags_with_evidence'])}",
    ]
    for name, label in (
        ("sexual", "Sexual offences"),
        ("violence", "Violence against the person"),
        ("other", "Other"),
    ):
        group = figures["groups"][name]
        lines.append(
            f"  {label}: recall {pct(group['recall'])} {ci(group['recall_ci95'])} over {group['items']} items"
        )
    if figures["missed"]:
        lines.append("Missed: " + ", ".join(figures["missed"]))
    if figures["false_crime"]:
        lines.append("Answered crime but labelled no crime: " + ", ".join(figures["false_crime"]))
    return lines
