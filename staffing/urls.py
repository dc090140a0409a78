from __future__ import annotations

from django.urls import path

from staffing import views

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
]
