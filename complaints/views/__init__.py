"""Complaint pages by stage: thin views over selectors and services (need-to-know in
selectors/permissions). `complaints.urls` routes to the names re-exported here."""

from __future__ import annotations

from complaints.views.access import subject_access
from complaints.views.alerts import alert_detail, alert_list, roster_find, subject_attach_page
from complaints.views.handling import ACTIONS, case_action, case_bundle, case_detail
from complaints.views.intake import case_create
from complaints.views.learning import data_return_page, learning
from complaints.views.lists import case_export_download, case_mine, case_overdue, case_search
from complaints.views.public import authority_record, complain, complainant_unmask
from complaints.views.roster import roster_page

__all__ = [
    "ACTIONS",
    "alert_detail",
    "alert_list",
    "authority_record",
    "case_action",
    "case_bundle",
    "case_create",
    "case_detail",
    "case_export_download",
    "case_mine",
    "case_overdue",
    "case_search",
    "complain",
    "complainant_unmask",
    "data_return_page",
    "learning",
    "roster_find",
    "roster_page",
    "subject_access",
    "subject_attach_page",
]
