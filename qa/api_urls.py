from __future__ import annotations

from django.urls import path

from qa.api import daily, flags, hidden_crimes

urlpatterns = [
    path(
        "qa/unrecorded-incidents/", flags.UnrecordedIncidentListApi.as_view(), name="qa-unrecorded-incidents"
    ),
    path(
        "qa/unrecorded-incidents/<int:pk>/<str:action>/",
        flags.FlagActionApi.as_view(),
        name="qa-unrecorded-incident-action",
    ),
    path("qa/screen/", hidden_crimes.ScreenApi.as_view(), name="qa-screen"),
    path("qa/hidden-crimes/", hidden_crimes.HiddenCrimeListApi.as_view(), name="qa-hidden-crimes"),
    path(
        "qa/hidden-crimes/<int:pk>/<str:action>/",
        hidden_crimes.HiddenCrimeActionApi.as_view(),
        name="qa-hidden-crime-action",
    ),
    path("dashboard/daily/", daily.DailyPerformanceApi.as_view(), name="dashboard-daily"),
]
