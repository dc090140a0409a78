from __future__ import annotations

from django.urls import path

from recording.views import awaiting, crimes, decide, directory, incidents, queues, reference, victims

app_name = "recording"
urlpatterns = [
    path("reference/offences/", reference.offence_list, name="offence-list"),
    path("decide/", decide.recording_decide, name="decide"),
    path("decide/recorded/", decide.recording_decision_recorded, name="decision-recorded"),
    path("decide/offence-options/", decide.recording_offence_options, name="offence-options"),
    path("awaiting-victim/<int:pk>/", awaiting.recording_awaiting_detail, name="awaiting-detail"),
    path("incidents/", directory.incident_list, name="incident-list"),
    path("incidents/new/", incidents.incident_new, name="incident-new"),
    path("incidents/<int:pk>/", incidents.incident_detail, name="incident-detail"),
    path("incidents/<int:pk>/crimes/<str:action>/", incidents.incident_crime, name="incident-crime"),
    path("crimes/<int:pk>/incidents/<str:action>/", incidents.crime_incident, name="crime-incident"),
    path("crimes/", crimes.crime_list, name="crime-list"),
    path("crimes/<int:pk>/", crimes.crime_detail, name="crime-detail"),
    path("crimes/<int:pk>/status/", crimes.crime_status, name="crime-status"),
    path("crimes/<int:pk>/reclassify/", crimes.crime_reclassify, name="crime-reclassify"),
    path("crimes/<int:pk>/cancel/", crimes.crime_cancel, name="crime-cancel"),
    path("crimes/<int:pk>/transfer/", crimes.crime_transfer, name="crime-transfer"),
    path("crimes/<int:pk>/outcome/", crimes.crime_outcome, name="crime-outcome"),
    path("crimes/<int:pk>/assess/", crimes.crime_assess, name="crime-assess"),
    path("crimes/<int:pk>/suspects/new/", crimes.crime_add_suspect, name="crime-add-suspect"),
    path("crimes/<int:pk>/victims/new/", victims.crime_add_victim, name="crime-add-victim"),
    path("crimes/<int:pk>/victim-updates/new/", victims.crime_victim_update, name="crime-victim-update"),
    path(
        "crimes/<int:pk>/victims/<int:victim_id>/agreement/",
        victims.crime_victim_agreement,
        name="crime-victim-agreement",
    ),
    path("crimes/<int:pk>/victim-notices/new/", victims.crime_victim_notice, name="crime-victim-notice"),
    path(
        "crimes/<int:pk>/victim-notices/<int:notice_id>/told/",
        victims.crime_victim_notice_told,
        name="crime-victim-notice-told",
    ),
    path("crimes/<int:pk>/enquiries/new/", crimes.crime_enquiry, name="crime-enquiry"),
    path("crimes/<int:pk>/appointments/new/", victims.crime_appointment, name="crime-appointment"),
    path("enquiries/<int:pk>/", crimes.enquiry_update, name="enquiry-update"),
    path("reclassifications/", queues.reclassification_list, name="reclassification-list"),
    path(
        "reclassifications/<int:pk>/decide/", queues.reclassification_decide, name="reclassification-decide"
    ),
    path("cancellations/", queues.cancellation_list, name="cancellation-list"),
    path("cancellations/<int:pk>/decide/", queues.cancellation_decide, name="cancellation-decide"),
    path("transfers/", queues.transfer_list, name="transfer-list"),
    path("to-allocate/", queues.to_allocate, name="to-allocate"),
    path("transfers/incoming/new/", queues.transfer_incoming, name="transfer-incoming"),
    path("transfers/<int:pk>/decide/", queues.transfer_decide, name="transfer-decide"),
    path("forces/", directory.force_list, name="force-list"),
    path("forces/new/", directory.force_edit, name="force-new"),
    path("forces/<int:pk>/edit/", directory.force_edit, name="force-edit"),
]
