from __future__ import annotations

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from complaints.models import ComplaintCategory, ComplaintOutcome


@admin.register(ComplaintCategory)
class ComplaintCategoryAdmin(SimpleHistoryAdmin):
    list_display = ["code", "title", "group"]


@admin.register(ComplaintOutcome)
class ComplaintOutcomeAdmin(SimpleHistoryAdmin):
    list_display = ["code", "title", "applies_to", "review_body_relevant"]
