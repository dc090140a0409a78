"""Pure staffing rules: who may take a piece of work, and who should. No ORM, no I/O.

The allocation choice: among the people of a team, only those on shift now (and not absent), holding a
valid (unexpired) training record for the skill the work needs, and with room under the per-person
ceiling of weighted open work are eligible. Of those, the one with the least weighted open workload is
chosen; ties go to the person with fewer open items, then to the first username in alphabetical order,
so the same facts always give the same choice and the reason can say why."""

from __future__ import annotations

from collections.abc import Mapping
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


# ---------------------------------------------------------------- roles, training and team scope (issue 17)
# Role codes as staffing.models.User.Role stores them (this module imports no models).
ADMIN = "admin"
MANAGER = "manager"
SERGEANT = "sergeant"
ACROSS_TEAMS = frozenset({MANAGER, ADMIN})


def staff_flags(*, role: str, is_staff: bool, is_superuser: bool) -> tuple[bool, bool]:
    """The Django staff/superuser flags a role allows: only an administrator may keep them (granting
    them stays a deliberate act); any other role loses both, so a demoted admin loses the admin site."""
    if role == ADMIN:
        return is_staff, is_superuser
    return False, False


def training_refusal(
    *, actor_id: int, actor_role: str, actor_team_id: int | None, user_id: int, user_team_id: int | None
) -> str | None:
    """None when the actor may record training for the user, else why not: nobody records their own; a
    sergeant records it for their own team only; managers and admins for anyone."""
    if actor_id == user_id:
        return "Nobody records their own training: ask your sergeant or a manager."
    if actor_role in ACROSS_TEAMS:
        return None
    if actor_role == SERGEANT:
        if actor_team_id is not None and actor_team_id == user_team_id:
            return None
        return "A sergeant records training only for people in their own team; ask a manager."
    return "Only a sergeant (for their own team), a manager or an admin records training."


def team_scope_refusal(
    *, actor_role: str, actor_team_id: int | None, work_team_id: int | None, what: str
) -> str | None:
    """None when a supervisor may act on work of `work_team_id`, else why not: managers and admins act
    across teams; a sergeant on their own team's work, and on work no team holds yet (nobody else's)."""
    if actor_role in ACROSS_TEAMS:
        return None
    if actor_role == SERGEANT:
        if work_team_id is None or work_team_id == actor_team_id:
            return None
        return f"Only the team's own sergeant or a manager may {what}."
    return f"Only a sergeant, manager or admin may {what}."


def own_team_refusal(
    *, actor_role: str, actor_team_id: int | None, work_team_id: int | None, what: str
) -> str | None:
    """None when anyone may act on work of `work_team_id` as far as teams go, else why not (issue 20 part
    6): managers and admins act across teams; everyone else on their own team's work and on work no team
    holds yet. What a role may do at all is its own check; this is only the team's."""
    if actor_role in ACROSS_TEAMS or work_team_id is None or work_team_id == actor_team_id:
        return None
    return f"This belongs to another team: only that team or a manager may {what}."


# ---------------------------------------------------------------- evidence files: type by content
# Kinds of content that run as programs, whatever the file is called (content types as `filetype`
# names them): never attached, even if a force's list named one by mistake.
PROGRAM_TYPES = frozenset(
    {
        "application/x-executable",  # ELF (Linux programs and libraries)
        "application/x-msdownload",  # PE (Windows .exe, .dll)
        "application/wasm",
        "application/x-shockwave-flash",
        "application/x-deb",
        "application/x-rpm",
        "application/x-google-chrome-extension",
    }
)
# Text that a browser or a shell would run: a page or a script (checked on the text's opening).
ACTIVE_TEXT = ("<!doctype html", "<html", "<script", "<svg", "<?xml", "<?php", "<%")
TEXT_TYPE = "text/plain"


@dataclass(frozen=True)
class FileVerdict:
    """What a file's content is and whether it may be attached: `content_type` when accepted, else the
    `refusal` in words a person reads."""

    content_type: str = ""
    refusal: str = ""


def _text(head: bytes) -> str | None:
    """The opening as text, or None for binary content (a NUL byte, or not UTF-8; a character cut at the
    end of the opening is not held against it)."""
    if b"\x00" in head:
        return None
    for cut in range(4):
        try:
            return head[: len(head) - cut].decode("utf-8")
        except UnicodeDecodeError:
            continue
    return None


def file_type_verdict(
    *, head: bytes, size: int, max_bytes: int, allowed: Mapping[str, str], guessed: str | None
) -> FileVerdict:
    """Whether a file may be attached, from its content alone (its name is never consulted).

    `head`: the file's first bytes (8 KB); `guessed`: the content type a content-sniffing library read
    from them (None: no known signature); `allowed`: the force's accepted types (content type -> label).
    Programs are refused by what they are; text is plain text unless it opens as a script (#!) or as a
    web page or markup a browser would run."""
    if size == 0:
        return FileVerdict(refusal="The file is empty.")
    if size > max_bytes:
        return FileVerdict(
            refusal=f"The file is {_megabytes(size)}; files may be at most {_megabytes(max_bytes)}."
        )
    if guessed in PROGRAM_TYPES:
        return FileVerdict(
            refusal="The file is a program, whatever its name says; programs cannot be attached."
        )
    if guessed is not None:
        if guessed in allowed:
            return FileVerdict(content_type=guessed)
        return FileVerdict(refusal=f"Files of this type ({guessed}) are not accepted; {_accepted(allowed)}.")
    text = _text(head)
    if text is None:
        return FileVerdict(
            refusal=f"Resolve cannot tell what this file is, so it is not accepted; {_accepted(allowed)}."
        )
    opening = text.lstrip("\ufeff \t\r\n").lower()
    if opening.startswith("#!"):
        return FileVerdict(refusal="The file is a script (it starts with #!); scripts cannot be attached.")
    if any(marker in opening[:1024] for marker in ACTIVE_TEXT):
        return FileVerdict(refusal="The file is a web page or script; these cannot be attached.")
    if TEXT_TYPE not in allowed:
        return FileVerdict(refusal=f"Plain text files are not accepted; {_accepted(allowed)}.")
    return FileVerdict(content_type=TEXT_TYPE)


# A handler's signature image, printed on every letter they issue: a picture, read from its content.
SIGNATURE_TYPES = {"image/png": "PNG image", "image/jpeg": "JPEG image"}
SIGNATURE_MAX_BYTES = 300 * 1024


def signature_verdict(*, size: int, guessed: str | None, max_bytes: int = SIGNATURE_MAX_BYTES) -> FileVerdict:
    """Whether an upload may be a person's signature image, from its content alone: `guessed` is the
    content type a content-sniffing library read from its opening (None: no known signature). Only a
    PNG or JPEG picture, not empty, at most `max_bytes`."""
    if size == 0:
        return FileVerdict(refusal="The signature image is empty.")
    if size > max_bytes:
        return FileVerdict(
            refusal=f"The signature image is {_kilobytes(size)}; it may be at most {_kilobytes(max_bytes)}."
        )
    if guessed in PROGRAM_TYPES:
        return FileVerdict(
            refusal="The file is a program, whatever its name says; a signature must be a PNG or JPEG image."
        )
    if guessed not in SIGNATURE_TYPES:
        what = f"this file is {guessed}" if guessed else "Resolve cannot tell what this file is"
        return FileVerdict(refusal=f"The signature must be a PNG or JPEG image; {what}.")
    return FileVerdict(content_type=guessed)


def _kilobytes(size: int) -> str:
    return f"{size / 1024:,.0f} KB" if size >= 1024 else f"{size:,} bytes"


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB" if size >= 1024 * 1024 else f"{size:,} bytes"


def _accepted(allowed: Mapping[str, str]) -> str:
    return "accepted: " + ", ".join(sorted(set(allowed.values())))


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
