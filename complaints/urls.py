from __future__ import annotations

from django.urls import URLPattern, path

from complaints import views

app_name = "complaints"
urlpatterns: list[URLPattern] = [
    path("", views.case_mine, name="mine"),
    path("overdue/", views.case_overdue, name="overdue"),
    path("search/", views.case_search, name="search"),
    path("export/", views.case_export_download, name="export"),
    path("new/", views.case_create, name="create"),
    path("learning/", views.learning, name="learning"),
    path("data-return/", views.data_return_page, name="data-return"),
    path("subject-access/", views.subject_access, name="subject-access"),
    path("roster/", views.roster_page, name="roster"),
    path("roster/find/", views.roster_find, name="roster-find"),
    path("alerts/", views.alert_list, name="alerts"),
    path("alerts/<int:pk>/", views.alert_detail, name="alert"),
    path("<int:pk>/subjects/", views.subject_attach_page, name="subject-attach"),
    path("<int:pk>/", views.case_detail, name="detail"),
    path("<int:pk>/do/<slug:name>/", views.case_action, name="action"),
    path("<int:pk>/unmask/<int:complainant_id>/", views.complainant_unmask, name="unmask"),
    path("<int:pk>/authority/", views.authority_record, name="authority"),
    path("<int:pk>/bundle/", views.case_bundle, name="bundle"),
]
