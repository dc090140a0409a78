from __future__ import annotations

from django.urls import path

from qa.views import amendments, dashboard, dip_tests, flags, hidden_crimes, rape_review, screen_patterns

app_name = "qa"
urlpatterns = [
    path("to-allocate/", flags.to_allocate, name="to-allocate"),
    path("unrecorded/", flags.flag_list, name="flag-list"),
    path("unrecorded/<int:pk>/", flags.flag_detail, name="flag-detail"),
    path("unrecorded/<int:pk>/<str:action>/", flags.flag_action, name="flag-action"),
    path("dip-tests/", dip_tests.dip_test_list, name="dip-test-list"),
    path("dip-tests/<str:day>/", dip_tests.dip_test_detail, name="dip-test-detail"),
    path("dip-samples/<int:pk>/audit/", dip_tests.dip_sample_audit, name="dip-sample-audit"),
    path("compliance/", dip_tests.compliance_view, name="compliance"),
    path("amendments/", amendments.amendment_list, name="amendment-list"),
    path("amendments/<int:pk>/fix/", amendments.amendment_fix, name="amendment-fix"),
    path("amendments/<int:pk>/confirm/", amendments.amendment_confirm, name="amendment-confirm"),
    path("rape-review/", rape_review.rape_review_list, name="rape-review-list"),
    path("rape-review/<int:pk>/", rape_review.rape_review_detail, name="rape-review-detail"),
    path("daily/", dashboard.daily_performance, name="daily"),
    path("dashboard/", dashboard.dashboard, name="dashboard"),
    path("hidden-crimes/patterns/", hidden_crimes.hidden_crime_patterns, name="hidden-crime-patterns"),
    path("hidden-crimes/<int:pk>/", hidden_crimes.hidden_crime_detail, name="hidden-crime-detail"),
    path(
        "hidden-crimes/<int:pk>/<str:action>/",
        hidden_crimes.hidden_crime_detail,
        name="hidden-crime-action",
    ),
    path("screen-patterns/", screen_patterns.screen_patterns, name="screen-patterns"),
]
