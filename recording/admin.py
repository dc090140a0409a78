from __future__ import annotations

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from recording.models import CancellationCriterion, HomeOfficeOutcome, NsirCode, Offence


@admin.register(Offence)
class OffenceAdmin(SimpleHistoryAdmin):
    list_display = ["code", "title", "category", "seriousness_rank", "victim_based", "restricted"]
    list_filter = ["category", "restricted", "victim_based"]
    search_fields = ["code", "title"]


@admin.register(HomeOfficeOutcome)
class HomeOfficeOutcomeAdmin(SimpleHistoryAdmin):
    list_display = ["code", "title", "group", "requires_suspect", "requires_victim_view"]


@admin.register(CancellationCriterion)
class CancellationCriterionAdmin(SimpleHistoryAdmin):
    list_display = ["code", "title", "needs_ddm_approval"]


@admin.register(NsirCode)
class NsirCodeAdmin(SimpleHistoryAdmin):
    list_display = ["code", "title", "incident_category", "crime_related", "hidden_crime_risk"]
    list_filter = ["incident_category", "crime_related", "hidden_crime_risk"]
