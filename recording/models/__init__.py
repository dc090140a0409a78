"""Recording's models, one module per stage: reference data, incidents, crimes, victims, changes a
second person decides, and the recording decision's awaiting-the-victim state. Every model is imported
here so the app registry and migrations see them all, and callers import them from `recording.models`."""

from __future__ import annotations

from recording.models.changes import CancellationRequest, ClassificationChange, CrimeTransfer
from recording.models.crimes import Crime, CrimeNumberCounter, CrimeSuspect, Enquiry
from recording.models.decisions import AwaitingVictim
from recording.models.incidents import Grade, ImportBatch, Incident, IncidentReferenceCounter
from recording.models.reference import (
    CancellationCriterion,
    Force,
    HomeOfficeOutcome,
    NsirCode,
    Offence,
    OffenceCode,
)
from recording.models.victims import Appointment, ContactMethod, CrimeVictim, VictimNotice, VictimUpdate

__all__ = [
    "Appointment",
    "AwaitingVictim",
    "CancellationCriterion",
    "CancellationRequest",
    "ClassificationChange",
    "ContactMethod",
    "Crime",
    "CrimeNumberCounter",
    "CrimeSuspect",
    "CrimeTransfer",
    "CrimeVictim",
    "Enquiry",
    "Force",
    "Grade",
    "HomeOfficeOutcome",
    "ImportBatch",
    "Incident",
    "IncidentReferenceCounter",
    "NsirCode",
    "Offence",
    "OffenceCode",
    "VictimNotice",
    "VictimUpdate",
]
