"""Facts taken at their default: the optional facts not given whose other answer would change the
proposal, found by running triage again with each one flipped."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, replace
from typing import Any

from complaints.rules.facts import DEFAULT_TIME_LIMITS, InjuryDetail, TimeLimits, TriageInput, TriageResult
from complaints.rules.triage import triage

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
