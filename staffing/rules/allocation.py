"""Who may take a piece of work and who should, whether training is valid, and a shift's gaps in cover.

The allocation choice: among the people of a team, only those on shift now (and not absent), holding a
valid (unexpired) training record for the skill the work needs, and with room under the per-person
ceiling of weighted open work are eligible. Of those, the one with the least weighted open workload is
chosen; ties go to the person with fewer open items, then to the first username in alphabetical order,
so the same facts always give the same choice and the reason can say why."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta


@dataclass(frozen=True)
class Candidate:
    """One person considered for a piece of work, with the facts the choice rests on."""

    user_id: int
    username: str
    name: str
    on_shift: bool
    absent: bool
    skilled: bool
    load: int  # sum of the weights of their open allocations
    items: int  # how many open allocations they hold


@dataclass(frozen=True)
class Considered:
    candidate: Candidate
    eligible: bool
    why_not: str  # empty when eligible


@dataclass(frozen=True)
class Choice:
    user_id: int | None
    reason: str
    considered: tuple[Considered, ...]


def ineligibility(candidate: Candidate, *, weight: int, max_load: int, skill_label: str) -> str:
    """Why this person may not take the work, in plain words; empty when they may."""
    if candidate.absent:
        return "absent (leave, sickness or a course)"
    if not candidate.on_shift:
        return "not on shift"
    if not candidate.skilled:
        return f"no valid {skill_label} training"
    if candidate.load + weight > max_load:
        return f"at capacity: open workload {candidate.load} + {weight} would pass the limit of {max_load}"
    return ""


def _order(candidate: Candidate) -> tuple[int, int, str]:
    return (candidate.load, candidate.items, candidate.username)


def choose_assignee(candidates: list[Candidate], *, weight: int, max_load: int, skill_label: str) -> Choice:
    """Choose who should take a piece of work of `weight` needing `skill_label`; say why."""
    considered = tuple(
        Considered(
            c, not (why := ineligibility(c, weight=weight, max_load=max_load, skill_label=skill_label)), why
        )
        for c in sorted(candidates, key=_order)
    )
    eligible = [c.candidate for c in considered if c.eligible]
    if not eligible:
        if not candidates:
            reason = "Nobody is available to consider in this team."
        else:
            counts: dict[str, int] = {}
            for c in considered:
                key = c.why_not.split(":")[0]
                counts[key] = counts.get(key, 0) + 1
            summary = "; ".join(f"{n} {key}" for key, n in sorted(counts.items()))
            reason = f"Nobody can take this {skill_label} work now: {summary}."
        return Choice(None, reason, considered)
    best = eligible[0]
    others = eligible[1:]
    reason = (
        f"{best.name} is on shift, holds valid {skill_label} training and has the least open workload "
        f"({best.load} weighted, {best.items} item{'s' if best.items != 1 else ''})"
    )
    if others:
        runner = others[0]
        if (runner.load, runner.items) == (best.load, best.items):
            reason += f"; tied with {runner.name}, chosen by name order"
        elif runner.load == best.load:
            reason += f"; {runner.name} has the same load but more items ({runner.items})"
        else:
            reason += f"; next least loaded is {runner.name} ({runner.load})"
    reason += f" among {len(eligible)} eligible of {len(candidates)} considered."
    return Choice(best.user_id, reason, considered)


def training_valid(*, trained_on: date, expires_on: date | None, on: date) -> bool:
    """Training counts from the day it was done up to and including its expiry day."""
    return trained_on <= on and (expires_on is None or on <= expires_on)


def expiring_soon(*, expires_on: date | None, today: date, within_days: int = 30) -> bool:
    """Still valid today and expires within the next `within_days` days."""
    return expires_on is not None and today <= expires_on <= today + timedelta(days=within_days)


@dataclass(frozen=True)
class CoverageGap:
    area: str
    skill: str
    minimum: int
    have: int

    @property
    def short_by(self) -> int:
        return self.minimum - self.have


def coverage_gaps(
    requirements: list[tuple[str, str, int]], skilled_on_shift: dict[str, int]
) -> list[CoverageGap]:
    """Areas whose minimum of trained people is not met. `requirements` are (area, skill, minimum);
    `skilled_on_shift` counts the people on the shift holding each skill."""
    gaps = []
    for area, skill, minimum in requirements:
        have = skilled_on_shift.get(skill, 0)
        if have < minimum:
            gaps.append(CoverageGap(area, skill, minimum, have))
    return gaps


def left_out_reason(
    *,
    role_label: str,
    role_takes_it: bool,
    roles_label: str,
    barred: bool,
    specialist_label: str = "",
    specialist_trained: bool = True,
    specialist_why: str = "",
) -> str:
    """Why a person of the team is not offered a work item at all (not even with a sergeant's reason), in
    plain words; empty when they are offered it. Their role first (a sergeant is never offered as an
    investigator), then separation of duties, then a specialist skill the item demands."""
    if not role_takes_it:
        return f"{role_label}: this work goes to {roles_label}"
    if barred:
        return "owns or recorded this record, so cannot be given it to check"
    if specialist_label and not specialist_trained:
        return f"not trained in {specialist_label} ({specialist_why})"
    return ""
