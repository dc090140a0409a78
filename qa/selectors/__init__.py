"""Every non-trivial read of the QA app, with related data loaded for rendering, by stage: flags,
audits (dip-tests, amendments, the rape review, work to allocate) and the hidden-crime screen. Callers
use `from qa import selectors` and `selectors.<name>`; a module of the package imports its siblings
directly."""

from __future__ import annotations

from qa.selectors.audits import (
    amendment_list,
    amendments_to_allocate,
    dip_samples_to_audit,
    dip_test_list,
    dip_test_samples,
    flags_to_allocate,
    rape_review_queue,
    samples_to_allocate,
)
from qa.selectors.flags import (
    ESCALATION_OPEN,
    MISMATCHED,
    FlagCandidate,
    flag_candidate,
    flag_escalations_open,
    flag_figures,
    flag_get,
    flag_list,
    incident_dip_samples,
    incident_flags,
    last_sweep,
)
from qa.selectors.hidden_crimes import (
    PATTERN_REVIEW_PRECISION,
    PATTERN_REVIEW_USES,
    HiddenCrimeView,
    HiddenCrimeWeek,
    PatternStats,
    PatternWeek,
    hidden_crime_flags,
    hidden_crime_pattern_stats,
    hidden_crime_view,
    hidden_crimes_by_week,
    screen_pattern_versions,
    screen_patterns_current,
)

__all__ = [
    "ESCALATION_OPEN",
    "FlagCandidate",
    "HiddenCrimeView",
    "HiddenCrimeWeek",
    "MISMATCHED",
    "PATTERN_REVIEW_PRECISION",
    "PATTERN_REVIEW_USES",
    "PatternStats",
    "PatternWeek",
    "amendment_list",
    "amendments_to_allocate",
    "dip_samples_to_audit",
    "dip_test_list",
    "dip_test_samples",
    "flag_candidate",
    "flag_escalations_open",
    "flag_figures",
    "flag_get",
    "flag_list",
    "flags_to_allocate",
    "hidden_crime_flags",
    "hidden_crime_pattern_stats",
    "hidden_crime_view",
    "hidden_crimes_by_week",
    "incident_dip_samples",
    "incident_flags",
    "last_sweep",
    "rape_review_queue",
    "samples_to_allocate",
    "screen_pattern_versions",
    "screen_patterns_current",
]
