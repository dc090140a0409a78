"""MoPI (Management of Police Information) review dates for crimes: pure, no ORM.

Local policy (documented in SECURITY.md, set in RESOLVE_MOPI_REVIEW_YEARS): a crime record is reviewed
for retention a number of years after it is finalised or cancelled, by its offence group:
- restricted classes (sexual offences and other need-to-know classes, R-RESTRICTED) and the most serious
  offences (seriousness rank at or above `serious_rank`): 10 years (MoPI groups 1 and 2);
- any other offence: 6 years (MoPI group 3);
- an offence category may be given its own period (key `category:<Home Office category>`)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

DEFAULT_POLICY: dict[str, int] = {"default": 6, "restricted": 10, "serious": 10, "serious_rank": 10}


@dataclass(frozen=True)
class OffenceGroup:
    category: str
    restricted: bool
    seriousness_rank: int


def add_years(day: date, years: int) -> date:
    """The same calendar day `years` later (29 February becomes 28 February)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def review_years(offence: OffenceGroup, policy: Mapping[str, int] | None = None) -> int:
    table = {**DEFAULT_POLICY, **(policy or {})}
    own = table.get(f"category:{offence.category}")
    candidates = [own if own is not None else table["default"]]
    if offence.restricted:
        candidates.append(table["restricted"])
    if offence.seriousness_rank <= table["serious_rank"]:
        candidates.append(table["serious"])
    return max(candidates)


def review_on(offence: OffenceGroup, closed_on: date, policy: Mapping[str, int] | None = None) -> date:
    """The date a finalised or cancelled crime is next reviewed under MoPI."""
    return add_years(closed_on, review_years(offence, policy))
