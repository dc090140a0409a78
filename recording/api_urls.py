from __future__ import annotations

from django.urls import path

from config.reference_api import reference_list_api
from recording.decision_api import RecordingDecisionApi
from recording.models import CancellationCriterion, HomeOfficeOutcome, NsirCode, Offence

urlpatterns = [
    path("recording/decisions/", RecordingDecisionApi.as_view(), name="recording-decisions"),
    path(
        "reference/offences/",
        reference_list_api(
            Offence,
            ["code", "title", "category", "victim_based", "notifiable", "seriousness_rank", "restricted"],
        ),
        name="reference-offences",
    ),
    path(
        "reference/outcomes/",
        reference_list_api(
            HomeOfficeOutcome, ["code", "title", "group", "requires_suspect", "requires_victim_view"]
        ),
        name="reference-outcomes",
    ),
    path(
        "reference/cancellation-criteria/",
        reference_list_api(
            CancellationCriterion, ["code", "title", "needs_ddm_approval", "evidence_required"]
        ),
        name="reference-cancellation-criteria",
    ),
    path(
        "reference/nsir-codes/",
        reference_list_api(
            NsirCode, ["code", "title", "incident_category", "crime_related", "hidden_crime_risk"]
        ),
        name="reference-nsir-codes",
    ),
]
