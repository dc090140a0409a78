from __future__ import annotations

from django.urls import path

from staffing.views import (
    allocation,
    catalogue,
    data_protection,
    files,
    letter_templates,
    letters,
    people,
    teams,
)

app_name = "staffing"
urlpatterns = [
    path("teams/", teams.team_list, name="team-list"),
    path("teams/<slug:code>/", teams.team_detail, name="team-detail"),
    path("rota/", teams.rota, name="rota"),
    path("coverage/", teams.coverage, name="coverage"),
    path("training/", teams.training, name="training"),
    path("workload/", allocation.workload, name="workload"),
    path("allocate/<int:ct_id>/<int:object_id>/", allocation.allocate, name="allocate"),
    path(
        "allocate/<slug:app_label>/<slug:model>/<int:object_id>/",
        allocation.allocate_kind,
        name="allocate-kind",
    ),
    path("access-log/", data_protection.access_log, name="access-log"),
    path("mopi-review/", data_protection.mopi_review, name="mopi-review"),
    path("subject-access/", data_protection.subject_access, name="subject-access"),
    path("people/<int:user_id>/notes/", people.personnel_notes, name="personnel-notes"),
    path("profile/", people.profile, name="profile"),
    path("records/<slug:key>/<int:pk>/files/", files.record_files, name="record-files"),
    path(
        "records/<slug:key>/<int:pk>/files/<int:file_id>/",
        files.record_file_download,
        name="record-file-download",
    ),
    path(
        "records/<slug:key>/<int:pk>/files/<int:file_id>/withdraw/",
        files.record_file_withdraw,
        name="record-file-withdraw",
    ),
    path("rules/", catalogue.rule_list, name="rule-list"),
    path("rules/<str:code>/", catalogue.rule_detail, name="rule-detail"),
    # letters (issue 22)
    path("letters/templates/", letter_templates.template_list, name="letter-templates"),
    path("letters/templates/new/", letter_templates.template_new, name="letter-template-new"),
    path("letters/templates/<int:template_id>/", letter_templates.template_detail, name="letter-template"),
    path(
        "letters/templates/<int:template_id>/preview/",
        letter_templates.template_preview,
        name="letter-template-preview",
    ),
    path("letters/new/", letters.letter_new, name="letter-new"),
    path("letters/approvals/", letters.approvals, name="letter-approvals"),
    path("letters/my-details/", letters.my_details, name="letter-details"),
    path("letters/<int:letter_id>/", letters.letter_detail, name="letter"),
    path("letters/<int:letter_id>/document/", letters.letter_document, name="letter-document"),
    path("letters/<int:letter_id>/pdf/", letters.letter_pdf_view, name="letter-pdf"),
    path("letters/<int:letter_id>/<slug:name>/", letters.letter_action, name="letter-action"),
]
