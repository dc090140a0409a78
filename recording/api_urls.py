from __future__ import annotations

from django.urls import path

from config.reference_api import reference_list_api
from recording import api
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
    path("incidents/bulk/", api.IncidentBulkApi.as_view(), name="incident-bulk"),
    path("recording/crimes/", api.CrimeListCreateApi.as_view(), name="crime-list"),
    path("recording/crimes/from-decision/", api.CrimeFromDecisionApi.as_view(), name="crime-from-decision"),
    path("recording/crimes/<int:pk>/", api.CrimeDetailApi.as_view(), name="crime-detail"),
    path("recording/crimes/<int:pk>/status/", api.CrimeStatusApi.as_view(), name="crime-status"),
    path(
        "recording/crimes/<int:pk>/reclassifications/",
        api.CrimeReclassifyApi.as_view(),
        name="crime-reclassify",
    ),
    path(
        "recording/crimes/<int:pk>/cancellations/",
        api.CrimeCancellationApi.as_view(),
        name="crime-cancellation",
    ),
    path("recording/crimes/<int:pk>/transfers/", api.CrimeTransferApi.as_view(), name="crime-transfer"),
    path("recording/crimes/<int:pk>/outcome/", api.CrimeOutcomeApi.as_view(), name="crime-outcome"),
    path(
        "recording/crimes/<int:pk>/victim-updates/",
        api.CrimeVictimUpdateApi.as_view(),
        name="crime-victim-updates",
    ),
    path("recording/crimes/<int:pk>/enquiries/", api.CrimeEnquiryApi.as_view(), name="crime-enquiries"),
    path(
        "recording/crimes/<int:pk>/appointments/",
        api.CrimeAppointmentApi.as_view(),
        name="crime-appointments",
    ),
    path("recording/reclassifications/", api.ReclassificationApi.as_view(), name="reclassification-list"),
    path(
        "recording/reclassifications/<int:pk>/decision/",
        api.ReclassificationDecisionApi.as_view(),
        name="reclassification-decision",
    ),
    path("recording/cancellations/", api.CancellationListApi.as_view(), name="cancellation-list"),
    path(
        "recording/cancellations/<int:pk>/decision/",
        api.CancellationDecisionApi.as_view(),
        name="cancellation-decision",
    ),
    path("recording/transfers/", api.TransferListApi.as_view(), name="transfer-list"),
    path("recording/transfers/incoming/", api.TransferInApi.as_view(), name="transfer-incoming"),
    path(
        "recording/transfers/<int:pk>/decision/",
        api.TransferDecisionApi.as_view(),
        name="transfer-decision",
    ),
    path("recording/enquiries/<int:pk>/", api.EnquiryUpdateApi.as_view(), name="enquiry-update"),
    path("recording/appointments/", api.AppointmentListApi.as_view(), name="appointment-list"),
    path("recording/forces/", api.ForceListApi.as_view(), name="force-list"),
    path("recording/forces/<int:pk>/", api.ForceDetailApi.as_view(), name="force-detail"),
]
