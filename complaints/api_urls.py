from __future__ import annotations

from django.urls import path

from complaints.api import alerts as alert_api
from complaints.api import cases as api
from complaints.api.bundle import CaseBundleApi
from complaints.api.data_return import DataReturnApi
from complaints.api.export import CaseExportApi
from complaints.api.public import CaseAuthorityApi, CaseComplainantUnmaskApi
from complaints.api.triage import ComplaintTriageApi
from complaints.models import ComplaintCategory, ComplaintOutcome, SignpostOrganisation
from config.permissions import Role
from config.reference_api import reference_list_api
from staffing.api.files import record_files_api

CaseFilesApi, CaseFileDownloadApi = record_files_api("complaint_case", Role.COMPLAINTS)

urlpatterns = [
    path("complaints/cases/", api.CaseListCreateApi.as_view(), name="complaint-cases"),
    path("complaints/data-return/", DataReturnApi.as_view(), name="complaint-data-return"),
    path("complaints/export/", CaseExportApi.as_view(), name="complaint-export"),
    path("complaints/cases/<int:pk>/", api.CaseDetailApi.as_view(), name="complaint-case"),
    path("complaints/cases/<int:pk>/actions/", api.CaseActionApi.as_view(), name="complaint-case-actions"),
    path("complaints/cases/<int:pk>/files/", CaseFilesApi.as_view(), name="complaint-case-files"),
    path("complaints/cases/<int:pk>/bundle/", CaseBundleApi.as_view(), name="complaint-case-bundle"),
    path(
        "complaints/cases/<int:pk>/files/<int:file_id>/",
        CaseFileDownloadApi.as_view(),
        name="complaint-case-file-download",
    ),
    path(
        "complaints/cases/<int:pk>/contacts/", api.CaseContactsApi.as_view(), name="complaint-case-contacts"
    ),
    path("complaints/cases/<int:pk>/outcome/", api.CaseOutcomeApi.as_view(), name="complaint-case-outcome"),
    path("complaints/cases/<int:pk>/review/", api.CaseReviewApi.as_view(), name="complaint-case-review"),
    path(
        "complaints/cases/<int:pk>/reviews/<int:review_id>/result/",
        api.CaseReviewResultApi.as_view(),
        name="complaint-case-review-result",
    ),
    path(
        "complaints/cases/<int:pk>/complainants/<int:complainant_id>/unmask/",
        CaseComplainantUnmaskApi.as_view(),
        name="complaint-case-unmask",
    ),
    path("complaints/cases/<int:pk>/authority/", CaseAuthorityApi.as_view(), name="complaint-case-authority"),
    path("complaints/compliments/", api.ComplimentListCreateApi.as_view(), name="complaint-compliments"),
    path("complaints/learning/", api.LearningReportApi.as_view(), name="complaint-learning"),
    path(
        "reference/complaint-categories/",
        reference_list_api(ComplaintCategory, ["code", "title", "group"], roles=Role.COMPLAINTS),
        name="reference-complaint-categories",
    ),
    path(
        "reference/complaint-outcomes/",
        reference_list_api(
            ComplaintOutcome, ["code", "title", "applies_to", "review_body_relevant"], roles=Role.COMPLAINTS
        ),
        name="reference-complaint-outcomes",
    ),
    path(
        "reference/signpost-organisations/",
        reference_list_api(
            SignpostOrganisation, ["code", "name", "contact", "retired_on"], roles=Role.COMPLAINTS
        ),
        name="reference-signpost-organisations",
    ),
    path("complaints/triage/", ComplaintTriageApi.as_view(), name="complaints-triage"),
    # Repeat-subject alerts and allegations' subjects from the roster (issue 23 part 3).
    path("complaints/roster/", alert_api.RosterFindApi.as_view(), name="complaint-roster"),
    path("complaints/alerts/", alert_api.AlertListApi.as_view(), name="complaint-alerts"),
    path("complaints/alerts/<int:pk>/", alert_api.AlertDetailApi.as_view(), name="complaint-alert"),
    path(
        "complaints/alerts/<int:pk>/answer/",
        alert_api.AlertAnswerApi.as_view(),
        name="complaint-alert-answer",
    ),
    path(
        "complaints/cases/<int:pk>/allegation-subjects/",
        alert_api.CaseAllegationSubjectsApi.as_view(),
        name="complaint-case-allegation-subjects",
    ),
]
