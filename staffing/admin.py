from __future__ import annotations

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.http import HttpRequest
from simple_history.admin import SimpleHistoryAdmin

from staffing.models import (
    Absence,
    AccessLog,
    Allocation,
    CoverageRequirement,
    Rule,
    Shift,
    ShiftAssignment,
    ShiftPattern,
    Team,
    TeamMove,
    TrainingRecord,
    User,
)


@admin.register(User)
class UserAdmin(DjangoUserAdmin, SimpleHistoryAdmin):
    list_display = ["username", "first_name", "last_name", "role", "team", "is_active"]
    list_filter = ["role", "team", "is_active"]
    list_select_related = ["team"]
    fieldsets = (*DjangoUserAdmin.fieldsets, ("Resolve", {"fields": ("role", "team", "collar_number")}))  # type: ignore[misc]


@admin.register(Team)
class TeamAdmin(SimpleHistoryAdmin):
    list_display = ["code", "name", "sergeant", "capacity"]
    list_select_related = ["sergeant"]


@admin.register(AccessLog)
class AccessLogAdmin(admin.ModelAdmin):
    list_display = ["at", "user", "action", "record_type", "record_id", "purpose"]
    list_filter = ["record_type", "action"]
    list_select_related = ["user"]
    search_fields = ["record_id", "user__username", "purpose"]

    def has_change_permission(self, request: HttpRequest, obj: AccessLog | None = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: AccessLog | None = None) -> bool:
        return False


@admin.register(TeamMove)
class TeamMoveAdmin(SimpleHistoryAdmin):
    list_display = ["moved_at", "user", "from_team", "to_team", "reason", "moved_by"]
    list_select_related = ["user", "from_team", "to_team", "moved_by"]


@admin.register(TrainingRecord)
class TrainingRecordAdmin(SimpleHistoryAdmin):
    list_display = ["user", "skill", "trained_on", "expires_on"]
    list_filter = ["skill"]
    list_select_related = ["user"]
    search_fields = ["user__username"]


@admin.register(ShiftPattern)
class ShiftPatternAdmin(SimpleHistoryAdmin):
    list_display = ["kind", "starts", "hours"]


@admin.register(Shift)
class ShiftAdmin(SimpleHistoryAdmin):
    list_display = ["team", "kind", "starts_at", "ends_at"]
    list_filter = ["team", "kind"]
    list_select_related = ["team"]


@admin.register(ShiftAssignment)
class ShiftAssignmentAdmin(SimpleHistoryAdmin):
    list_display = ["shift", "user"]
    list_select_related = ["shift", "shift__team", "user"]


@admin.register(Absence)
class AbsenceAdmin(SimpleHistoryAdmin):
    list_display = ["user", "kind", "starts_on", "ends_on"]
    list_filter = ["kind"]
    list_select_related = ["user"]


@admin.register(CoverageRequirement)
class CoverageRequirementAdmin(SimpleHistoryAdmin):
    list_display = ["team", "area", "skill", "minimum"]
    list_select_related = ["team"]


@admin.register(Allocation)
class AllocationAdmin(SimpleHistoryAdmin):
    list_display = ["created_at", "item_label", "content_type", "skill", "weight", "assigned_to", "status"]
    list_filter = ["status", "skill"]
    list_select_related = ["assigned_to", "content_type"]


@admin.register(Rule)
class RuleAdmin(SimpleHistoryAdmin):
    """Rules are data: the usual change is an edited rules.csv reloaded with `load_reference` (its
    history row names the changed fields); an edit here is kept in the same history."""

    list_display = ["code", "domain", "section", "verified"]
    list_filter = ["domain", "verified"]
    search_fields = ["code", "words"]
