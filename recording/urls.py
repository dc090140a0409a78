from __future__ import annotations

from django.urls import path

from recording import views

app_name = "recording"
urlpatterns = [
    path("reference/offences/", views.offence_list, name="offence-list"),
    path("decide/", views.recording_decide, name="decide"),
    path("incidents/", views.incident_list, name="incident-list"),
    path("crimes/", views.crime_list, name="crime-list"),
    path("crimes/<int:pk>/", views.crime_detail, name="crime-detail"),
    path("crimes/<int:pk>/status/", views.crime_status, name="crime-status"),
    path("crimes/<int:pk>/reclassify/", views.crime_reclassify, name="crime-reclassify"),
    path("crimes/<int:pk>/cancel/", views.crime_cancel, name="crime-cancel"),
    path("crimes/<int:pk>/transfer/", views.crime_transfer, name="crime-transfer"),
    path("crimes/<int:pk>/outcome/", views.crime_outcome, name="crime-outcome"),
    path("crimes/<int:pk>/assess/", views.crime_assess, name="crime-assess"),
    path("crimes/<int:pk>/suspects/new/", views.crime_add_suspect, name="crime-add-suspect"),
    path("crimes/<int:pk>/victims/new/", views.crime_add_victim, name="crime-add-victim"),
    path("crimes/<int:pk>/victim-updates/new/", views.crime_victim_update, name="crime-victim-update"),
    path("crimes/<int:pk>/enquiries/new/", views.crime_enquiry, name="crime-enquiry"),
    path("crimes/<int:pk>/appointments/new/", views.crime_appointment, name="crime-appointment"),
    path("enquiries/<int:pk>/", views.enquiry_update, name="enquiry-update"),
    path("reclassifications/", views.reclassification_list, name="reclassification-list"),
    path("reclassifications/<int:pk>/decide/", views.reclassification_decide, name="reclassification-decide"),
    path("cancellations/", views.cancellation_list, name="cancellation-list"),
    path("cancellations/<int:pk>/decide/", views.cancellation_decide, name="cancellation-decide"),
    path("transfers/", views.transfer_list, name="transfer-list"),
    path("transfers/incoming/new/", views.transfer_incoming, name="transfer-incoming"),
    path("transfers/<int:pk>/decide/", views.transfer_decide, name="transfer-decide"),
    path("forces/", views.force_list, name="force-list"),
    path("forces/new/", views.force_edit, name="force-new"),
    path("forces/<int:pk>/edit/", views.force_edit, name="force-edit"),
]
