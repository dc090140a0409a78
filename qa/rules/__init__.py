"""Pure QA logic, by stage: estimates (the Wilson score interval, weighted compliance), sampling for
dip-tests, clocks, the rape review, resolving a flag with a crime and the hidden-crime screen.

No Django, no ORM, no I/O: everything here is unit-tested without a database (STYLE.md §1). Callers use
`from qa import rules` and `rules.<name>`; a module of the package imports its siblings directly."""

from __future__ import annotations

from qa.rules.clocks import FUTURE_DAY, amendment_due, figures_day_refusal, hours_open, sweep_cutoff
from qa.rules.estimates import (
    Z95,
    AuditResult,
    ComplianceEstimate,
    Interval,
    audit_errors,
    plain_rate,
    weighted_compliance,
    wilson_interval,
)
from qa.rules.flags import (
    Address,
    FlagMatch,
    FlagMismatch,
    IncidentKind,
    OffenceFacts,
    address_parts,
    flag_crime_match,
    same_place,
)
from qa.rules.hidden_crimes import (
    DOMESTIC_CODES,
    HIDDEN_RISK_BY_CATEGORY,
    HIDDEN_RISK_DOMESTIC,
    HIDDEN_RISK_OTHER,
    Segment,
    hidden_crime_risk,
    narrative_segments,
)
from qa.rules.rape_review import (
    CHILD_AGE_LIMIT,
    RAPE_REVIEW_CATEGORY,
    RAPE_REVIEW_MAX_RANK,
    RAPE_REVIEW_TITLE_WORDS,
    abuse_team_for,
    group_counts,
    is_rape_or_serious_sexual,
)
from qa.rules.sampling import (
    SCORE_BANDS,
    UNSCREENED_BAND,
    StratumSample,
    draw_sample,
    sample_seed,
    score_band,
    score_band_sizes,
    stratum_rng,
)

__all__ = [
    "Address",
    "AuditResult",
    "CHILD_AGE_LIMIT",
    "ComplianceEstimate",
    "DOMESTIC_CODES",
    "FUTURE_DAY",
    "FlagMatch",
    "FlagMismatch",
    "HIDDEN_RISK_BY_CATEGORY",
    "HIDDEN_RISK_DOMESTIC",
    "HIDDEN_RISK_OTHER",
    "IncidentKind",
    "Interval",
    "OffenceFacts",
    "RAPE_REVIEW_CATEGORY",
    "RAPE_REVIEW_MAX_RANK",
    "RAPE_REVIEW_TITLE_WORDS",
    "SCORE_BANDS",
    "Segment",
    "StratumSample",
    "UNSCREENED_BAND",
    "Z95",
    "abuse_team_for",
    "address_parts",
    "amendment_due",
    "audit_errors",
    "draw_sample",
    "figures_day_refusal",
    "flag_crime_match",
    "group_counts",
    "hidden_crime_risk",
    "hours_open",
    "is_rape_or_serious_sexual",
    "narrative_segments",
    "plain_rate",
    "same_place",
    "sample_seed",
    "score_band",
    "score_band_sizes",
    "stratum_rng",
    "sweep_cutoff",
    "weighted_compliance",
    "wilson_interval",
]
