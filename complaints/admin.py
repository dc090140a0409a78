from __future__ import annotations

from typing import Any

from django.contrib import admin

from complaints.models import (
    Allegation,
    CaseAction,
    Complainant,
    ComplaintCase,
    ComplaintCategory,
    ComplaintOutcome,
    LessonLearned,
)
from staffing.admin import AccessLogged, AuditedAdmin, NoAdd, NoHardDelete


@admin.register(ComplaintCategory)
class ComplaintCategoryAdmin(AuditedAdmin):
    list_display = ["code", "title", "group"]


@admin.register(ComplaintOutcome)
class ComplaintOutcomeAdmin(AuditedAdmin):
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
class ComplaintCaseAdmin(AccessLogged, NoAdd, AuditedAdmin):
    """Read-mostly: changes go through the case screen so they are logged (C-LOG-ALL). Never added here:
    intake links each subject to their account (or holds out every possible match), and a case added
    here would skip it, so the officer it names could read it."""

    list_display = ["reference", "kind", "status", "route", "assigned_to", "received_at", "next_update_due"]
    list_filter = ["status", "kind", "route"]
    list_select_related = ["assigned_to"]
    search_fields = ["reference"]
    inlines = [ComplainantInline, AllegationInline]

    def has_change_permission(self, request: object, obj: object = None) -> bool:
        return False

    def access_record(self, obj: ComplaintCase) -> tuple[str, Any, str] | None:
        """Every complaint case is need-to-know: logged as the case pages log it."""
        return ("complaint_case", obj.pk, obj.reference)


@admin.register(CaseAction)
class CaseActionAdmin(AccessLogged, NoHardDelete, admin.ModelAdmin):
    """The case's own audit trail (C-LOG-ALL): never added, changed or deleted here; opening one is a
    view of its case."""

    list_display = ["case", "kind", "actor", "at", "summary"]
    list_select_related = ["case", "actor"]

    def has_add_permission(self, request: object) -> bool:
        return False

    def has_change_permission(self, request: object, obj: object = None) -> bool:
        return False

    def access_record(self, obj: CaseAction) -> tuple[str, Any, str] | None:
        return ("complaint_case", obj.case_id, obj.case.reference)


@admin.register(LessonLearned)
class LessonLearnedAdmin(NoAdd, AuditedAdmin):
    list_display = ["title", "level", "category", "created_at"]
    list_select_related = ["category"]
