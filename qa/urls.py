from __future__ import annotations

from django.urls import path

from qa import dashboard_views, hidden_crime_views, screen_views, views

app_name = "qa"
urlpatterns = [
    path("to-allocate/", views.to_allocate, name="to-allocate"),
    path("unrecorded/", views.flag_list, name="flag-list"),
    path("unrecorded/<int:pk>/", views.flag_detail, name="flag-detail"),
    path("unrecorded/<int:pk>/<str:action>/", views.flag_action, name="flag-action"),
    path("dip-tests/", views.dip_test_list, name="dip-test-list"),
    path("dip-tests/<str:day>/", views.dip_test_detail, name="dip-test-detail"),
    path("dip-samples/<int:pk>/audit/", views.dip_sample_audit, name="dip-sample-audit"),
    path("compliance/", views.compliance_view, name="compliance"),
    path("amendments/", views.amendment_list, name="amendment-list"),
    path("amendments/<int:pk>/fix/", views.amendment_fix, name="amendment-fix"),
    path("amendments/<int:pk>/confirm/", views.amendment_confirm, name="amendment-confirm"),
    path("rape-review/", views.rape_review_list, name="rape-review-list"),
    path("rape-review/<int:pk>/", views.rape_review_detail, name="rape-review-detail"),
    path("daily/", views.daily_performance, name="daily"),
    path("dashboard/", dashboard_views.dashboard, name="dashboard"),
    path("hidden-crimes/patterns/", hidden_crime_views.hidden_crime_patterns, name="hidden-crime-patterns"),
    path("hidden-crimes/<int:pk>/", hidden_crime_views.hidden_crime_detail, name="hidden-crime-detail"),
    path(
        "hidden-crimes/<int:pk>/<str:action>/",
        hidden_crime_views.hidden_crime_detail,
        name="hidden-crime-action",
    ),
    path("screen-patterns/", screen_views.screen_patterns, name="screen-patterns"),
]
