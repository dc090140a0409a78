from __future__ import annotations

from django.urls import path

from staffing import api

urlpatterns = [
    path("me/", api.MeApi.as_view(), name="me"),
    path("staffing/teams/", api.TeamListApi.as_view(), name="team-list"),
]
