from __future__ import annotations

from django.urls import path

from staffing import views

app_name = "staffing"
urlpatterns = [
    path("teams/", views.team_list, name="team-list"),
]
