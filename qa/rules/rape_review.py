"""The daily rape review (R-RAPE-RECORD: rape and serious sexual offence classes reviewed daily)."""

from __future__ import annotations

from collections.abc import Iterable

RAPE_REVIEW_CATEGORY = "Sexual offences"
RAPE_REVIEW_TITLE_WORDS = ("rape", "assault by penetration", "penetration", "serious sexual")
# Seriousness rank 6 in ho_offences.csv holds the "serious child/penetrative sexual offences"
# (DOMAIN-crime.md, R-PRINCIPAL banding); ranks 4-6 in the sexual-offences category are the serious classes.
RAPE_REVIEW_MAX_RANK = 6


def is_rape_or_serious_sexual(*, category: str, title: str, seriousness_rank: int) -> bool:
    """Whether an offence class goes to the sergeant's daily rape review.

    Derived from the reference data, never a hard-coded code list: an Offence in the "Sexual offences"
    category whose title names rape, assault by penetration or a serious sexual offence, or whose
    seriousness rank is 6 or more serious (rape = 4; serious penetrative/child offences = 6)."""
    if category != RAPE_REVIEW_CATEGORY:
        return False
    lowered = title.lower()
    return (
        any(word in lowered for word in RAPE_REVIEW_TITLE_WORDS) or seriousness_rank <= RAPE_REVIEW_MAX_RANK
    )


CHILD_AGE_LIMIT = 18


def abuse_team_for(victim_age: int | None) -> str:
    """Which investigation team advice goes to: "child" under 18, "adult" otherwise; "unknown" age is
    treated as a child until established (safeguarding first)."""
    if victim_age is None or victim_age < CHILD_AGE_LIMIT:
        return "child"
    return "adult"


def group_counts(keys: Iterable[str]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for key in keys:
        counts[key] = counts.get(key, 0) + 1
    return counts
