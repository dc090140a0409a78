"""Quality assurance, by stage: unrecorded-incident flags (the sweep), nightly dip-tests and their
findings, QC amendments, the daily rape review and the hidden-crime screen. Every model is imported
here, so Django finds them and callers use `from qa.models import ...`."""

from __future__ import annotations

from qa.models.dip_tests import Amendment, AuditFinding, DipSample, DipTest
from qa.models.hidden_crimes import (
    HiddenCrimeFlag,
    HiddenCrimeFlagPattern,
    ScreenedIncident,
    ScreenPatternVersion,
    ScreenRun,
)
from qa.models.rape_review import RapeReview
from qa.models.sweep import SweepRun, UnrecordedFlag

__all__ = [
    "Amendment",
    "AuditFinding",
    "DipSample",
    "DipTest",
    "HiddenCrimeFlag",
    "HiddenCrimeFlagPattern",
    "RapeReview",
    "ScreenPatternVersion",
    "ScreenRun",
    "ScreenedIncident",
    "SweepRun",
    "UnrecordedFlag",
]
