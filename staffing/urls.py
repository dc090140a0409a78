from __future__ import annotations

from django.urls import path

from staffing import letters_views, views

app_name = "staffing"
urlpatterns = [
    path("teams/", views.team_list, name="team-list"),
    path("teams/<slug:code>/", views.team_detail, name="team-detail"),
    path("rota/", views.rota, name="rota"),
    path("coverage/", views.coverage, name="coverage"),
    path("training/", views.training, name="training"),
    path("workload/", views.workload, name="workload"),
    path("allocate/<int:ct_id>/<int:object_id>/", views.allocate, name="allocate"),
    path(
        "allocate/<slug:app_label>/<slug:model>/<int:object_id>/",
        views.allocate_kind,
        name="allocate-kind",
    ),
    path("access-log/", views.access_log, name="access-log"),
    path("mopi-review/", views.mopi_review, name="mopi-review"),
    path("subject-access/", views.subject_access, name="subject-access"),
    path("people/<int:user_id>/notes/", views.personnel_notes, name="personnel-notes"),
    path("profile/", views.profile, name="profile"),
    path("records/<slug:key>/<int:pk>/files/", views.record_files, name="record-files"),
    path(
        "records/<slug:key>/<int:pk>/files/<int:file_id>/",
        views.record_file_download,
        name="record-file-download",
    ),
    path(
        "records/<slug:key>/<int:pk>/files/<int:file_id>/withdraw/",
        views.record_file_withdraw,
        name="record-file-withdraw",
    ),
    path("rules/", views.rule_list, name="rule-list"),
    path("rules/<str:code>/", views.rule_detail, name="rule-detail"),
    # letters (issue 22)
    path("letters/templates/", letters_views.template_list, name="letter-templates"),
    path("letters/templates/new/", letters_views.template_new, name="letter-template-new"),
    path("letters/templates/<int:template_id>/", letters_views.template_detail, name="letter-template"),
    path(
        "letters/templates/<int:template_id>/preview/",
        letters_views.template_preview,
        name="letter-template-preview",
    ),
    path("letters/new/", letters_views.letter_new, name="letter-new"),
    path("letters/approvals/", letters_views.approvals, name="letter-approvals"),
    path("letters/my-details/", letters_views.my_details, name="letter-details"),
    path("letters/<int:letter_id>/", letters_views.letter_detail, name="letter"),
    path("letters/<int:letter_id>/document/", letters_views.letter_document, name="letter-document"),
    path("letters/<int:letter_id>/pdf/", letters_views.letter_pdf_view, name="letter-pdf"),
    path("letters/<int:letter_id>/<slug:name>/", letters_views.letter_action, name="letter-action"),
]
