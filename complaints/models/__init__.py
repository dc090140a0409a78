"""The complaints app's models, by stage: reference data (reference.py), the case (cases.py), what intake
records (intake.py), handling (handling.py), after the outcome (outcomes.py) and repeat-subject alerts
(alerts.py). This module imports every one, so the app registry, the migrations and callers see the same
models as when they were one file: `from complaints.models import ComplaintCase`."""

from __future__ import annotations

from complaints.models.alerts import (
    RepeatThreshold,
    RosterPerson,
    SubjectAlert,
)
from complaints.models.cases import (
    ROUTE_OUTCOMES,
    AppropriateAuthority,
    ComplaintCase,
    NotAComplaintReason,
    ReferenceCounter,
    ReviewBody,
    Route,
)
from complaints.models.handling import (
    CaseAction,
    CaseSuspension,
    Contact,
    TriageDecision,
)
from complaints.models.intake import (
    AgentRelationship,
    Allegation,
    Complainant,
    EqualityData,
    MaskedDetails,
    Subject,
    SubjectCandidate,
)
from complaints.models.outcomes import (
    LessonLearned,
    ReviewApplication,
    ReviewRecommendation,
    Signposting,
)
from complaints.models.reference import (
    CategoryQuerySet,
    ComplaintCategory,
    ComplaintOutcome,
    SignpostOrganisation,
)

__all__ = [
    "ROUTE_OUTCOMES",
    "AgentRelationship",
    "Allegation",
    "AppropriateAuthority",
    "CaseAction",
    "CaseSuspension",
    "CategoryQuerySet",
    "Complainant",
    "ComplaintCase",
    "ComplaintCategory",
    "ComplaintOutcome",
    "Contact",
    "EqualityData",
    "LessonLearned",
    "MaskedDetails",
    "NotAComplaintReason",
    "ReferenceCounter",
    "RepeatThreshold",
    "ReviewApplication",
    "ReviewBody",
    "ReviewRecommendation",
    "RosterPerson",
    "Route",
    "SignpostOrganisation",
    "Signposting",
    "Subject",
    "SubjectAlert",
    "SubjectCandidate",
    "TriageDecision",
]
