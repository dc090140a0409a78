from __future__ import annotations

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.http import HttpRequest
from simple_history.admin import SimpleHistoryAdmin

from staffing.models import AccessLog, Team, User


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
