from __future__ import annotations

from django.urls import path

from config.permissions import Role
from config.reference_api import reference_list_api
from recording.api import awaiting, casework, crimes, directory, incidents, reference, victims_code
from recording.api.decisions import RecordingDecisionApi
from recording.models import CancellationCriterion, HomeOfficeOutcome, NsirCode, Offence
from staffing.api.files import record_files_api

CrimeFilesApi, CrimeFileDownloadApi = record_files_api("crime", Role.CRIME_STAFF)

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
    path("recording/offences/", reference.OffenceSearchApi.as_view(), name="offence-search"),
    path("incidents/bulk/", incidents.IncidentBulkApi.as_view(), name="incident-bulk"),
    path("incidents/", incidents.IncidentListCreateApi.as_view(), name="incident-list"),
    path("incidents/<int:pk>/", incidents.IncidentDetailApi.as_view(), name="incident-detail"),
    path(
        "incidents/<int:pk>/crimes/<str:action>/", incidents.IncidentCrimeApi.as_view(), name="incident-crime"
    ),
    path("recording/crimes/", crimes.CrimeListCreateApi.as_view(), name="crime-list"),
    path(
        "recording/crimes/from-decision/", crimes.CrimeFromDecisionApi.as_view(), name="crime-from-decision"
    ),
    path("recording/awaiting-victim/", awaiting.AwaitingVictimListApi.as_view(), name="awaiting-victim-list"),
    path(
        "recording/awaiting-victim/<int:pk>/record/",
        awaiting.AwaitingVictimRecordApi.as_view(),
        name="awaiting-victim-record",
    ),
    path(
        "recording/awaiting-victim/<int:pk>/close/",
        awaiting.AwaitingVictimCloseApi.as_view(),
        name="awaiting-victim-close",
    ),
    path("recording/crimes/<int:pk>/", crimes.CrimeDetailApi.as_view(), name="crime-detail"),
    path("recording/crimes/<int:pk>/status/", crimes.CrimeStatusApi.as_view(), name="crime-status"),
    path("recording/crimes/<int:pk>/files/", CrimeFilesApi.as_view(), name="crime-files"),
    path(
        "recording/crimes/<int:pk>/victims/<int:victim_id>/agreement/",
        victims_code.CrimeVictimAgreementApi.as_view(),
        name="crime-victim-agreement",
    ),
    path(
        "recording/crimes/<int:pk>/victim-notices/",
        victims_code.CrimeVictimNoticeApi.as_view(),
        name="crime-victim-notices",
    ),
    path(
        "recording/crimes/<int:pk>/victim-notices/<int:notice_id>/told/",
        victims_code.CrimeVictimNoticeToldApi.as_view(),
        name="crime-victim-notice-told",
    ),
    path(
        "recording/crimes/<int:pk>/files/<int:file_id>/",
        CrimeFileDownloadApi.as_view(),
        name="crime-file-download",
    ),
    path(
        "recording/crimes/<int:pk>/reclassifications/",
        casework.CrimeReclassifyApi.as_view(),
        name="crime-reclassify",
    ),
    path(
        "recording/crimes/<int:pk>/cancellations/",
        casework.CrimeCancellationApi.as_view(),
        name="crime-cancellation",
    ),
    path("recording/crimes/<int:pk>/transfers/", casework.CrimeTransferApi.as_view(), name="crime-transfer"),
    path("recording/crimes/<int:pk>/outcome/", casework.CrimeOutcomeApi.as_view(), name="crime-outcome"),
    path(
        "recording/crimes/<int:pk>/victim-updates/",
        casework.CrimeVictimUpdateApi.as_view(),
        name="crime-victim-updates",
    ),
    path("recording/crimes/<int:pk>/enquiries/", casework.CrimeEnquiryApi.as_view(), name="crime-enquiries"),
    path(
        "recording/crimes/<int:pk>/appointments/",
        casework.CrimeAppointmentApi.as_view(),
        name="crime-appointments",
    ),
    path(
        "recording/reclassifications/", casework.ReclassificationApi.as_view(), name="reclassification-list"
    ),
    path(
        "recording/reclassifications/<int:pk>/decision/",
        casework.ReclassificationDecisionApi.as_view(),
        name="reclassification-decision",
    ),
    path("recording/cancellations/", casework.CancellationListApi.as_view(), name="cancellation-list"),
    path(
        "recording/cancellations/<int:pk>/decision/",
        casework.CancellationDecisionApi.as_view(),
        name="cancellation-decision",
    ),
    path("recording/transfers/", casework.TransferListApi.as_view(), name="transfer-list"),
    path("recording/transfers/incoming/", casework.TransferInApi.as_view(), name="transfer-incoming"),
    path(
        "recording/transfers/<int:pk>/decision/",
        casework.TransferDecisionApi.as_view(),
        name="transfer-decision",
    ),
    path("recording/enquiries/<int:pk>/", casework.EnquiryUpdateApi.as_view(), name="enquiry-update"),
    path("recording/appointments/", casework.AppointmentListApi.as_view(), name="appointment-list"),
    path("recording/forces/", directory.ForceListApi.as_view(), name="force-list"),
    path("recording/forces/<int:pk>/", directory.ForceDetailApi.as_view(), name="force-detail"),
]
