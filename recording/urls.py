from __future__ import annotations

from django.urls import path

from recording import views

app_name = "recording"
urlpatterns = [
    path("reference/offences/", views.offence_list, name="offence-list"),
]
