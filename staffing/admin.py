"""The Django admin for staffing, and the two rules every app's admin follows (issue 17):
- `AccessLoggedAdmin`: opening a restricted record in the admin (its change, history or past-version
  page) writes one access-log row, as the record's own pages do;
- `AuditedAdmin`: an audited record (history kept, or itself an audit trail) is never hard-deleted
  here; deletion goes through `config.deletion.record_delete` with a reason."""

from __future__ import annotations

from typing import Any

from axes.admin import AccessAttemptAdmin, AccessFailureLogAdmin
from axes.admin import AccessLogAdmin as AxesAccessLogAdmin
from axes.models import AccessAttempt as AxesAccessAttempt
from axes.models import AccessFailureLog
from axes.models import AccessLog as AxesAccessLog
from django.contrib import admin
from django.contrib.admin.utils import unquote
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.forms import AdminUserCreationForm, UserChangeForm
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from simple_history.admin import SimpleHistoryAdmin

from staffing.access_audit import purpose_from
from staffing.models import (
    Absence,
    AccessLog,
    Allocation,
    ApiKey,
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
from staffing.services import api_key_revoke, open_logged

ADMIN_PURPOSE = "Django admin"


class NoHardDelete:
    """No hard delete (nor the bulk "delete selected" action) of an audited record."""

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        """Nothing is hard-deleted without an audited reason: config.deletion.record_delete."""
        return False


class NoAdd:
    """A record with a service path (recording a crime, the incident feed, a third-party report) is made
    only through it: the admin site offers no "Add" that would skip its rules and its history reason."""

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class AuditedAdmin(NoHardDelete, SimpleHistoryAdmin):
    """A model with history: its history shown, never hard-deleted."""


class AccessLogged:
    """Put first in an admin's bases. `access_record(obj)` says how a view of `obj` is logged, as the
    record's own pages log it: (record_type, record_id, label), or None when `obj` is not restricted."""

    def access_record(self, obj: Any) -> tuple[str, Any, str] | None:
        raise NotImplementedError

    def _log_view(self, request: HttpRequest, object_id: str, response: HttpResponse) -> HttpResponse:
        if response.status_code != 200:  # refused, missing or redirected: nothing was shown
            return response
        obj = self.get_object(request, unquote(object_id))  # type: ignore[attr-defined]
        record = self.access_record(obj) if obj is not None else None
        if record is not None:  # the admin site's own lookup found it: log it as every page does
            open_logged(
                user=request.user,
                find=lambda: record[1],
                record_type=record[0],
                label=lambda _: record[2],
                purpose=purpose_from(request, ADMIN_PURPOSE),
                path=request.path,
            )
        return response

    def change_view(
        self, request: HttpRequest, object_id: str, form_url: str = "", extra_context: Any = None
    ) -> HttpResponse:
        response = super().change_view(  # type: ignore[misc]
            request, object_id, form_url, extra_context
        )
        return self._log_view(request, object_id, response)

    def history_view(self, request: HttpRequest, object_id: str, extra_context: Any = None) -> HttpResponse:
        response = super().history_view(request, object_id, extra_context)  # type: ignore[misc]
        return self._log_view(request, object_id, response)

    def history_form_view(
        self, request: HttpRequest, object_id: str, version_id: str, extra_context: Any = None
    ) -> HttpResponse:
        response = super().history_form_view(request, object_id, version_id, extra_context)  # type: ignore[misc]
        return self._log_view(request, object_id, response)


def _username_free(username: str, instance: User | None) -> str:
    """A username no other account holds in any case (the database refuses it too; this names the
    field)."""
    others = User.objects.with_username(username)
    if instance is not None and instance.pk:
        others = others.exclude(pk=instance.pk)
    taken = others.values_list("username", flat=True).first()
    if taken is not None:
        raise ValidationError(
            f"There is already a user {taken!r}: usernames are the same whatever their case."
        )
    return username


class ResolveUserCreationForm(AdminUserCreationForm):
    class Meta(AdminUserCreationForm.Meta):
        model = User

    def clean_username(self) -> str:
        return _username_free(super().clean_username(), None)


class ResolveUserChangeForm(UserChangeForm):
    class Meta(UserChangeForm.Meta):
        model = User

    def clean_username(self) -> str:
        return _username_free(self.cleaned_data["username"], self.instance)


@admin.register(User)
class UserAdmin(DjangoUserAdmin, AuditedAdmin):
    form = ResolveUserChangeForm
    add_form = ResolveUserCreationForm
    list_display = ["username", "first_name", "last_name", "role", "team", "is_active"]
    list_filter = ["role", "team", "is_active"]
    list_select_related = ["team"]
    fieldsets = (*DjangoUserAdmin.fieldsets, ("Resolve", {"fields": ("role", "team", "collar_number")}))  # type: ignore[misc]


# Sign-in records (django-axes: attempts, lock-outs, sign-ins and failures) are the trail of who tried
# to get in: the admin site reads them but never deletes one. A lock-out is cleared with
# `manage.py axes_reset_username USERNAME`, which leaves the sign-in log whole.
for _model, _axes_admin in (
    (AxesAccessAttempt, AccessAttemptAdmin),
    (AxesAccessLog, AxesAccessLogAdmin),
    (AccessFailureLog, AccessFailureLogAdmin),
):
    if admin.site.is_registered(_model):
        admin.site.unregister(_model)
    admin.site.register(_model, type(_axes_admin.__name__, (NoAdd, NoHardDelete, _axes_admin), {}))


@admin.register(ApiKey)
class ApiKeyAdmin(AuditedAdmin):
    """Keys are seen here, never their value: the admin can only revoke one. Only its owner makes a key
    (on their profile page), so nobody can take a key from here and act as someone else."""

    list_display = ["user", "prefix", "created_at", "revoked_at", "revoked_by"]
    list_filter = ["revoked_at"]
    list_select_related = ["user", "revoked_by"]
    search_fields = ["user__username"]
    fields = ["user", "prefix", "created_at", "revoked_at", "revoked_by"]
    readonly_fields = fields
    actions = ["revoke"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: ApiKey | None = None) -> bool:
        return False

    @admin.action(description="Revoke the selected API keys")
    def revoke(self, request: HttpRequest, queryset: Any) -> None:
        count = 0
        for api_key in queryset.filter(revoked_at__isnull=True):
            api_key_revoke(api_key=api_key, actor=request.user, reason="Revoked in the admin site")  # type: ignore[arg-type]
            count += 1
        self.message_user(request, f"{count} API key(s) revoked.")


@admin.register(Team)
class TeamAdmin(AuditedAdmin):
    list_display = ["code", "name", "sergeant", "capacity"]
    list_select_related = ["sergeant"]


@admin.register(AccessLog)
class AccessLogAdmin(admin.ModelAdmin):
    list_display = ["at", "user", "action", "record_type", "record_id", "purpose"]
    list_filter = ["record_type", "action"]
    list_select_related = ["user"]
    search_fields = ["record_id", "user__username", "purpose"]

    # Append-only: rows are written by staffing.services.access_log_record, never forged here.
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: AccessLog | None = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: AccessLog | None = None) -> bool:
        return False


@admin.register(TeamMove)
class TeamMoveAdmin(NoAdd, AuditedAdmin):
    list_display = ["moved_at", "user", "from_team", "to_team", "reason", "moved_by"]
    list_select_related = ["user", "from_team", "to_team", "moved_by"]


@admin.register(TrainingRecord)
class TrainingRecordAdmin(NoAdd, AuditedAdmin):
    """Training is recorded by training_record_add, which refuses a self-grant and another team's
    people: an "Add" here would let an administrator grant themselves any skill."""

    list_display = ["user", "skill", "trained_on", "expires_on"]
    list_filter = ["skill"]
    list_select_related = ["user"]
    search_fields = ["user__username"]


@admin.register(ShiftPattern)
class ShiftPatternAdmin(AuditedAdmin):
    list_display = ["kind", "starts", "hours"]


@admin.register(Shift)
class ShiftAdmin(NoAdd, AuditedAdmin):
    list_display = ["team", "kind", "starts_at", "ends_at"]
    list_filter = ["team", "kind"]
    list_select_related = ["team"]


@admin.register(ShiftAssignment)
class ShiftAssignmentAdmin(NoAdd, AuditedAdmin):
    list_display = ["shift", "user"]
    list_select_related = ["shift", "shift__team", "user"]


@admin.register(Absence)
class AbsenceAdmin(NoAdd, AuditedAdmin):
    list_display = ["user", "kind", "starts_on", "ends_on"]
    list_filter = ["kind"]
    list_select_related = ["user"]


@admin.register(CoverageRequirement)
class CoverageRequirementAdmin(NoAdd, AuditedAdmin):
    list_display = ["team", "area", "skill", "minimum"]
    list_select_related = ["team"]


@admin.register(Allocation)
class AllocationAdmin(NoAdd, AuditedAdmin):
    list_display = ["created_at", "item_label", "content_type", "skill", "weight", "assigned_to", "status"]
    list_filter = ["status", "skill"]
    list_select_related = ["assigned_to", "content_type"]


@admin.register(Rule)
class RuleAdmin(AuditedAdmin):
    """Rules are data: the usual change is an edited rules.csv reloaded with `load_reference` (its
    history row names the changed fields); an edit here is kept in the same history."""

    list_display = ["code", "domain", "section", "verified"]
    list_filter = ["domain", "verified"]
    search_fields = ["code", "words"]
