from __future__ import annotations

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from complaints.models import (
    Allegation,
    CaseAction,
    Complainant,
    ComplaintCase,
    ComplaintCategory,
    ComplaintOutcome,
    LessonLearned,
)


@admin.register(ComplaintCategory)
class ComplaintCategoryAdmin(SimpleHistoryAdmin):
    list_display = ["code", "title", "group"]


@admin.register(ComplaintOutcome)
class ComplaintOutcomeAdmin(SimpleHistoryAdmin):
    list_display = ["code", "title", "applies_to", "review_body_relevant"]


class ComplainantInline(admin.StackedInline):
    model = Complainant
    extra = 0
    can_delete = False


class AllegationInline(admin.TabularInline):
    model = Allegation
    extra = 0
    can_delete = False
    list_select_related = ["category", "outcome"]


@admin.register(ComplaintCase)
class ComplaintCaseAdmin(SimpleHistoryAdmin):
    """Read-mostly: changes go through the case screen so they are logged (C-LOG-ALL)."""

    list_display = ["reference", "kind", "status", "route", "assigned_to", "received_at", "next_update_due"]
    list_filter = ["status", "kind", "route"]
    list_select_related = ["assigned_to"]
    search_fields = ["reference"]
    inlines = [ComplainantInline, AllegationInline]

    def has_change_permission(self, request: object, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: object, obj: object = None) -> bool:
        """Nothing is hard-deleted without an audited reason: config.deletion.record_delete."""
        return False


@admin.register(CaseAction)
class CaseActionAdmin(admin.ModelAdmin):
    list_display = ["case", "kind", "actor", "at", "summary"]
    list_select_related = ["case", "actor"]

    def has_change_permission(self, request: object, obj: object = None) -> bool:
        return False


@admin.register(LessonLearned)
class LessonLearnedAdmin(SimpleHistoryAdmin):
    list_display = ["title", "level", "category", "created_at"]
    list_select_related = ["category"]
