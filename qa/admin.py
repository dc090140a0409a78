"""Read-mostly admin for QA records: every change goes through the services, so the admin only views
(with history)."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest
from simple_history.admin import SimpleHistoryAdmin

from qa.models import Amendment, AuditFinding, DipSample, DipTest, SweepRun, UnrecordedFlag


class ReadOnly:
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class ReadOnlyAdmin(ReadOnly, SimpleHistoryAdmin):
    pass


@admin.register(UnrecordedFlag)
class UnrecordedFlagAdmin(ReadOnlyAdmin):
    list_display = ["incident", "flagged_at", "status", "assigned_to", "closed_at"]
    list_filter = ["status"]
    list_select_related = ["incident", "assigned_to"]
    search_fields = ["incident__reference", "resolved_crime_number"]


@admin.register(SweepRun)
class SweepRunAdmin(ReadOnly, admin.ModelAdmin):
    list_display = ["started_at", "full", "complete", "flagged", "closed", "open_after", "finished_at"]
    list_filter = ["full", "complete"]


@admin.register(DipTest)
class DipTestAdmin(ReadOnlyAdmin):
    list_display = ["date", "seed", "created_at"]


@admin.register(DipSample)
class DipSampleAdmin(ReadOnlyAdmin):
    list_display = ["label", "dip_test", "stratum", "weight", "owner", "compliant", "audited_at"]
    list_filter = ["kind", "compliant"]
    list_select_related = ["dip_test", "owner"]


@admin.register(AuditFinding)
class AuditFindingAdmin(ReadOnlyAdmin):
    list_display = ["sample", "error_type", "found_at", "found_by"]
    list_select_related = ["sample", "found_by"]


@admin.register(Amendment)
class AmendmentAdmin(ReadOnlyAdmin):
    list_display = ["finding", "owner", "due_on", "status"]
    list_filter = ["status"]
    list_select_related = ["finding__sample", "owner"]


# RapeReview is deliberately not in the admin: every view of it must be logged (R-RAPE-RECORD), and the
# admin does not log views. Sergeants use the restricted rape-review pages.
