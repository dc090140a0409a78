"""Staffing's models, by area. Every model is imported here, so Django finds them and callers use
`from staffing.models import ...` whichever module a model lives in."""

from __future__ import annotations

from staffing.models.access import AccessLog, ApiKey
from staffing.models.allocation import Allocation
from staffing.models.catalogue import Rule
from staffing.models.delivery import DelayedTask, IdempotencyKey
from staffing.models.files import RecordFile, evidence_storage, record_file_path
from staffing.models.letters import (
    Letter,
    LetterSend,
    LetterTemplate,
    LetterTemplateVersion,
    ReasonableAdjustment,
)
from staffing.models.people import (
    PersonnelNote,
    ResolveUserManager,
    Skill,
    Team,
    TeamMove,
    TrainingRecord,
    User,
)
from staffing.models.rota import (
    Absence,
    CoverageRequirement,
    Shift,
    ShiftAssignment,
    ShiftKind,
    ShiftPattern,
    WorkArea,
)

__all__ = [
    "Absence",
    "AccessLog",
    "Allocation",
    "ApiKey",
    "CoverageRequirement",
    "DelayedTask",
    "IdempotencyKey",
    "Letter",
    "LetterSend",
    "LetterTemplate",
    "LetterTemplateVersion",
    "PersonnelNote",
    "ReasonableAdjustment",
    "RecordFile",
    "ResolveUserManager",
    "Rule",
    "Shift",
    "ShiftAssignment",
    "ShiftKind",
    "ShiftPattern",
    "Skill",
    "Team",
    "TeamMove",
    "TrainingRecord",
    "User",
    "WorkArea",
    "evidence_storage",
    "record_file_path",
]
