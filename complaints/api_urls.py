from __future__ import annotations

from django.urls import path

from complaints.models import ComplaintCategory, ComplaintOutcome
from complaints.triage_api import ComplaintTriageApi
from config.permissions import Role
from config.reference_api import reference_list_api

urlpatterns = [
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
    path("complaints/triage/", ComplaintTriageApi.as_view(), name="complaints-triage"),
]
