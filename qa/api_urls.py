from __future__ import annotations

from django.urls import path

from qa import api

urlpatterns = [
    path("qa/unrecorded-incidents/", api.UnrecordedIncidentListApi.as_view(), name="qa-unrecorded-incidents"),
    path(
        "qa/unrecorded-incidents/<int:pk>/<str:action>/",
        api.FlagActionApi.as_view(),
        name="qa-unrecorded-incident-action",
    ),
    path("qa/screen/", api.ScreenApi.as_view(), name="qa-screen"),
    path("qa/hidden-crimes/", api.HiddenCrimeListApi.as_view(), name="qa-hidden-crimes"),
    path(
        "qa/hidden-crimes/<int:pk>/<str:action>/",
        api.HiddenCrimeActionApi.as_view(),
        name="qa-hidden-crime-action",
    ),
    path("dashboard/daily/", api.DailyPerformanceApi.as_view(), name="dashboard-daily"),
]
