from __future__ import annotations

from typing import Any

from django.contrib import admin

from recording.models import (
    Appointment,
    AwaitingVictim,
    CancellationCriterion,
    CancellationRequest,
    ClassificationChange,
    Crime,
    CrimeSuspect,
    CrimeTransfer,
    CrimeVictim,
    Enquiry,
    Force,
    HomeOfficeOutcome,
    ImportBatch,
    Incident,
    NsirCode,
    Offence,
    OffenceCode,
    VictimUpdate,
)
from staffing.admin import AccessLogged, AuditedAdmin, NoAdd, NoHardDelete


@admin.register(Offence)
class OffenceAdmin(AuditedAdmin):
    list_display = ["code", "title", "category", "seriousness_rank", "victim_based", "restricted"]
    list_filter = ["category", "restricted", "victim_based"]
    search_fields = ["code", "title"]


@admin.register(OffenceCode)
class OffenceCodeAdmin(AuditedAdmin):
    list_display = ["code", "title", "offence_class", "counting", "legislation"]
    list_filter = ["counting", "offence_class"]
    list_select_related = ["offence_class"]
    search_fields = ["code", "title", "legislation", "offence_class__code"]


@admin.register(HomeOfficeOutcome)
class HomeOfficeOutcomeAdmin(AuditedAdmin):
    list_display = ["code", "title", "group", "requires_suspect", "requires_victim_view"]


@admin.register(CancellationCriterion)
class CancellationCriterionAdmin(AuditedAdmin):
    list_display = ["code", "title", "needs_ddm_approval"]


@admin.register(NsirCode)
class NsirCodeAdmin(AuditedAdmin):
    list_display = ["code", "title", "incident_category", "crime_related", "hidden_crime_risk"]
    list_filter = ["incident_category", "crime_related", "hidden_crime_risk"]


@admin.register(Force)
class ForceAdmin(AuditedAdmin):
    list_display = ["code", "name", "transfer_email", "transfer_phone", "last_verified"]
    search_fields = ["code", "name"]


@admin.register(ImportBatch)
class ImportBatchAdmin(NoAdd, NoHardDelete, admin.ModelAdmin):  # the feed's audit trail of imports
    list_display = [
        "started_at",
        "source",
        "source_name",
        "created_by",
        "rows",
        "created_count",
        "updated_count",
    ]
    list_select_related = ["created_by"]
    list_filter = ["source"]


@admin.register(Incident)
class IncidentAdmin(NoAdd, NoHardDelete, admin.ModelAdmin):  # the log of record (R-NSIR-AUDIT-TRAIL)
    list_display = ["reference", "opened_at", "nsir_code", "crime_related", "grade", "crime_number"]
    list_select_related = ["nsir_code"]
    list_filter = ["crime_related", "grade"]
    search_fields = ["reference", "crime_number"]
    raw_id_fields = ["import_batch"]


class CrimeVictimInline(admin.TabularInline):
    model = CrimeVictim
    extra = 0
    can_delete = False


class CrimeSuspectInline(admin.TabularInline):
    model = CrimeSuspect
    extra = 0
    can_delete = False


@admin.register(Crime)
class CrimeAdmin(AccessLogged, NoAdd, AuditedAdmin):
    list_display = ["crime_number", "offence", "status", "recorded_at", "record_by", "ncrs_breach", "owner"]
    list_select_related = ["offence", "owner"]
    list_filter = ["status", "ncrs_breach", "restricted"]
    search_fields = ["crime_number", "sending_force_reference"]
    raw_id_fields = ["incidents", "owner", "recorded_by", "team"]
    inlines = [CrimeVictimInline, CrimeSuspectInline]

    def access_record(self, obj: Crime) -> tuple[str, Any, str] | None:
        """A restricted crime is logged as its pages log it (R-RESTRICTED)."""
        return ("recording.crime", obj.pk, obj.crime_number) if obj.restricted else None


class CrimePartAdmin(AccessLogged, NoAdd, AuditedAdmin):
    """A record that is part of a crime (its reclassifications, cancellations, victim updates, enquiries,
    appointments): opening one of a restricted crime is logged as a view of that crime. Each is made by
    its service (a proposal its proposer never decides, a contact that restarts the update clock), never
    added here."""

    def access_record(self, obj: Any) -> tuple[str, Any, str] | None:
        crime = obj.crime
        return ("recording.crime", crime.pk, crime.crime_number) if crime.restricted else None


@admin.register(ClassificationChange)
class ClassificationChangeAdmin(CrimePartAdmin):
    list_display = ["crime", "from_offence", "to_offence", "status", "proposed_at", "decided_by"]
    list_select_related = ["crime", "from_offence", "to_offence", "decided_by"]
    list_filter = ["status"]


@admin.register(CancellationRequest)
class CancellationRequestAdmin(CrimePartAdmin):
    list_display = ["crime", "criterion", "status", "requested_at", "decided_by"]
    list_select_related = ["crime", "criterion", "decided_by"]
    list_filter = ["status", "criterion"]


@admin.register(CrimeTransfer)
class CrimeTransferAdmin(AccessLogged, NoAdd, AuditedAdmin):
    list_display = ["direction", "force", "crime", "their_reference", "status", "requested_at"]
    list_select_related = ["force", "crime"]
    list_filter = ["direction", "status"]

    def access_record(self, obj: CrimeTransfer) -> tuple[str, Any, str] | None:
        """A transfer of a restricted crime, or an incoming one of a restricted offence (it carries the
        victim's name until accepted)."""
        if obj.crime is not None:
            return ("recording.crime", obj.crime.pk, obj.crime.crime_number) if obj.crime.restricted else None
        if obj.offence is not None and obj.offence.restricted:
            return ("recording.crimetransfer", obj.pk, obj.their_reference)
        return None


@admin.register(VictimUpdate)
class VictimUpdateAdmin(CrimePartAdmin):
    list_display = ["crime", "contacted_at", "method", "next_due"]
    list_select_related = ["crime"]


@admin.register(Enquiry)
class EnquiryAdmin(CrimePartAdmin):
    list_display = ["crime", "kind", "status", "assigned_to", "due_at"]
    list_select_related = ["crime", "assigned_to"]
    list_filter = ["kind", "status"]


@admin.register(Appointment)
class AppointmentAdmin(CrimePartAdmin):
    list_display = ["crime", "officer", "starts_at", "ends_at", "status"]
    list_select_related = ["crime", "officer"]


@admin.register(AwaitingVictim)
class AwaitingVictimAdmin(AccessLogged, NoAdd, AuditedAdmin):
    list_display = ["id", "status", "reporter", "reported_at", "record_by", "daily_review", "created_by"]
    list_select_related = ["created_by", "incident"]
    list_filter = ["status", "reporter", "daily_review", "restricted"]
    raw_id_fields = ["incident", "created_by", "decided_by", "crimes"]

    def access_record(self, obj: AwaitingVictim) -> tuple[str, Any, str] | None:
        return ("recording.awaiting_victim", obj.pk, obj.label) if obj.restricted else None
