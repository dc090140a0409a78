"""Incident casework, one incident at a time: incidents opened in Resolve (a generated reference), linking
and unlinking crimes with a reason, and reading a need-to-know incident with the access log. Apart from
the feed (recording.services.incidents.feed), which writes incidents by the thousand."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from config import registry
from config.exceptions import DomainError
from recording.models import Crime, Incident, IncidentReferenceCounter, NsirCode
from recording.permissions import crime_scope_refusal
from recording.selectors import crime_visible, incident_get, incident_is_restricted
from recording.services.common import require_past_time
from recording.services.incidents.rows import GRADES
from staffing.access_audit import purpose_from
from staffing.models import User
from staffing.services import open_logged

# ---------------------------------------------------------------- incidents opened in Resolve
# Forces without a command-and-control feed, and reports at a front counter or online: the recorder opens
# the incident here, then goes straight on to the recording decision with its reference.


def incident_reference_next(*, at: datetime, force: str | None = None) -> str:
    """The next free reference in the feed's format, `{FORCE}-{YYYYMMDD}-{NNNN}` (the Europe/London day of
    `at`). A counter row locked with SELECT ... FOR UPDATE gives each recorder their own number; a number
    the feed already holds is skipped. Call inside a transaction."""
    prefix = f"{force or settings.RESOLVE_FORCE_CODE}-{timezone.localtime(at):%Y%m%d}"
    IncidentReferenceCounter.objects.get_or_create(prefix=prefix)
    counter = IncidentReferenceCounter.objects.select_for_update().get(prefix=prefix)
    while True:
        counter.last_value += 1
        reference = f"{prefix}-{counter.last_value:04d}"
        if not Incident.objects.filter(reference=reference).exists():
            break
    counter.save(update_fields=["last_value"])
    return reference


@transaction.atomic
def incident_open(
    *,
    actor: User,
    nsir_code: str,
    summary: str,
    opened_at: datetime | None = None,
    location: str = "",
    grade: str = "",
) -> Incident:
    """Open an incident for a report taken in Resolve: a generated reference, the NSIR code (which decides
    whether it is crime-related, so the sweep watches it like a feed incident), the caller's account."""
    now = timezone.now()
    opened = opened_at or now
    require_past_time(opened, field="opened_at", future="An incident cannot open in the future.")
    code = NsirCode.objects.filter(code=nsir_code.strip()).first()
    if code is None:
        raise DomainError("Choose the NSIR code.", field="nsir_code")
    if not summary.strip():
        raise DomainError("Write what was reported.", field="summary")
    if grade and grade not in GRADES:
        raise DomainError("Choose a THRIVE grade.", field="grade")
    incident = Incident(
        reference=incident_reference_next(at=opened),
        opened_at=opened,
        nsir_code=code,
        crime_related=code.crime_related,
        grade=grade,
        summary=summary.strip(),
        location=location.strip(),
        opened_by=actor,
    )
    incident.full_clean()
    incident._change_reason = f"Opened in Resolve by {actor} ({code.title})"  # type: ignore[attr-defined]
    incident.save()
    return incident


# ---------------------------------------------------------------- linking crimes and incidents
def _crime_for_link(crime_number: str, *, actor: User, what: str) -> Crime:
    """The crime the actor may see, locked; a crime they may not see reads as no crime (need-to-know).
    Another team's crime is refused (team scope, recording.permissions.crime_scope_refusal): unlinking
    it would put its incident back among the unrecorded (issue 20 part 6)."""
    number = crime_number.strip()
    if not number:
        raise DomainError("Give the crime number.", field="crime_number")
    crime = crime_visible(user=actor).select_for_update().filter(crime_number=number).first()
    if crime is None:
        raise DomainError(f"No crime {number} is recorded.", field="crime_number")
    refusal = crime_scope_refusal(actor, crime, what)
    if refusal:
        raise DomainError(refusal, field="crime_number")
    return crime


def _audit(record: Crime | Incident, *, actor: User, reason: str) -> None:
    """The history row's reason and author, for the save that follows."""
    record._change_reason = reason  # type: ignore[union-attr]
    record._history_user = actor  # type: ignore[union-attr]


@transaction.atomic
def incident_link_crime(*, incident_id: int, crime_number: str, actor: User, reason: str) -> Incident:
    """Link a recorded crime to an incident with a reason: the crime then lists the incident, and an
    incident with no crime number takes this one, so the sweep closes its flag (R-NSIR-AUDIT-TRAIL).
    Both records get a history row with the reason."""
    reason = reason.strip()
    if not reason:
        raise DomainError("Say why this crime belongs to this incident.", field="reason")
    incident = Incident.objects.select_for_update().get(pk=incident_id)
    crime = _crime_for_link(crime_number, actor=actor, what="link it to an incident")
    if crime.incidents.filter(pk=incident.pk).exists():
        raise DomainError(
            f"Crime {crime.crime_number} is already linked to this incident.", field="crime_number"
        )
    crime.incidents.add(incident)
    text = f"Crime {crime.crime_number} linked to incident {incident.reference}: {reason}"
    _audit(crime, actor=actor, reason=text)
    crime.save(update_fields=["updated_at"])
    _audit(incident, actor=actor, reason=text)
    if not incident.crime_number:
        incident.crime_number = crime.crime_number
    incident.save(update_fields=["crime_number", "updated_at"])
    # recording.services.crimes.CRIME_LINKED_TO_INCIDENT: qa closes a possible-hidden-crime flag on it.
    registry.announce("crime_linked_to_incident", incident_id=incident.pk, crime_id=crime.pk)
    return incident


@transaction.atomic
def incident_unlink_crime(*, incident_id: int, crime_number: str, actor: User, reason: str) -> Incident:
    """Unlink a crime from an incident with a reason. If the incident carried that crime's number it takes
    the number of its earliest other crime, or none (and the sweep flags it again if it is crime-related)."""
    reason = reason.strip()
    if not reason:
        raise DomainError("Say why this crime does not belong to this incident.", field="reason")
    incident = Incident.objects.select_for_update().get(pk=incident_id)
    crime = _crime_for_link(crime_number, actor=actor, what="unlink it from an incident")
    if not crime.incidents.filter(pk=incident.pk).exists():
        raise DomainError(f"Crime {crime.crime_number} is not linked to this incident.", field="crime_number")
    crime.incidents.remove(incident)
    text = f"Crime {crime.crime_number} unlinked from incident {incident.reference}: {reason}"
    _audit(crime, actor=actor, reason=text)
    crime.save(update_fields=["updated_at"])
    if incident.crime_number == crime.crime_number:
        incident.crime_number = (
            Crime.objects.filter(incidents=incident)
            .order_by("recorded_at", "pk")
            .values_list("crime_number", flat=True)
            .first()
        )
    _audit(incident, actor=actor, reason=text)
    incident.save(update_fields=["crime_number", "updated_at"])
    return incident


# ---------------------------------------------------------------- need-to-know views (R-RESTRICTED)
ACCESS_RECORD_TYPE = "recording.incident"


def incident_restricted_cached(incident: Incident) -> bool:
    """incident_is_restricted, asked once per loaded incident (the page and the access log both ask)."""
    cached = getattr(incident, "_restricted", None)
    if cached is None:
        cached = incident_is_restricted(incident)
        incident._restricted = cached  # type: ignore[attr-defined]
    return bool(cached)


def incident_get_logged(*, user: User, pk: int | str, request: Any, purpose: str) -> Incident:
    """The incident if the user may know it exists (selectors.incident_get), else Http404. Every view of
    a need-to-know incident goes into the access log, and so does every refused attempt (a 404 for an
    incident that exists is always a need-to-know refusal), so the log shows who tried."""
    lookup = {"pk": pk} if isinstance(pk, int) or str(pk).isdigit() else {"reference": pk}
    return open_logged(
        user=user,
        find=lambda: incident_get(user=user, pk=pk),
        record_type=ACCESS_RECORD_TYPE,
        label=lambda incident: incident.reference,
        purpose=purpose_from(request, purpose),
        path=getattr(request, "path", ""),
        logged=incident_restricted_cached,
        hidden=lambda: Incident.objects.filter(**lookup).values_list("pk", "reference").first(),
    )
