"""Pure staffing rules, by area: allocation (who may take a piece of work, and who should), roles and
team scope, evidence files and signatures, and letters (staffing.rules.letters). No ORM, no I/O.
Callers use `from staffing import rules` and `rules.<name>`; letters' rules are imported as their
module; a module of the package imports its siblings directly."""

from __future__ import annotations

from staffing.rules.allocation import (
    Candidate,
    Choice,
    Considered,
    CoverageGap,
    choose_assignee,
    coverage_gaps,
    expiring_soon,
    ineligibility,
    left_out_reason,
    training_valid,
)
from staffing.rules.files import (
    ACTIVE_TEXT,
    PROGRAM_TYPES,
    SIGNATURE_MAX_BYTES,
    SIGNATURE_TYPES,
    TEXT_TYPE,
    FileVerdict,
    file_type_verdict,
    signature_verdict,
)
from staffing.rules.scope import (
    ACROSS_TEAMS,
    ADMIN,
    MANAGER,
    SERGEANT,
    own_team_refusal,
    staff_flags,
    team_scope_refusal,
    training_refusal,
)

__all__ = [
    "ACROSS_TEAMS",
    "ACTIVE_TEXT",
    "ADMIN",
    "Candidate",
    "Choice",
    "Considered",
    "CoverageGap",
    "FileVerdict",
    "MANAGER",
    "PROGRAM_TYPES",
    "SERGEANT",
    "SIGNATURE_MAX_BYTES",
    "SIGNATURE_TYPES",
    "TEXT_TYPE",
    "choose_assignee",
    "coverage_gaps",
    "expiring_soon",
    "file_type_verdict",
    "ineligibility",
    "left_out_reason",
    "own_team_refusal",
    "signature_verdict",
    "staff_flags",
    "team_scope_refusal",
    "training_refusal",
    "training_valid",
]
