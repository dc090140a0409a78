"""What qa adds to recording's incident page (config.registry.IncidentSection): the incident's
unrecorded-incident flags and the dip-test samples of it and of its crimes. recording never imports qa;
qa answers the registry's question. Rows are plain dicts so the page and the API show the same."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils import timezone

from config.permissions import Role
from config.registry import IncidentSection, age_text
from qa import selectors
from qa.models import DipSample, UnrecordedFlag


def _flag_row(flag: UnrecordedFlag, *, links: bool, now: Any) -> dict[str, Any]:
    if flag.escalation_open:
        escalation = "open"
    elif flag.escalation_answered_at:
        escalation = "answered"
    else:
        escalation = None
    return {
        "id": flag.pk,
        "status": flag.status,
        "status_label": flag.get_status_display(),
        "flagged_at": flag.flagged_at,
        "closed_at": flag.closed_at,
        "assigned_to": str(flag.assigned_to) if flag.assigned_to else None,
        "resolved_crime_number": flag.resolved_crime_number or None,
        "resolve_mismatch": flag.resolve_mismatch or None,
        "resolve_reason": flag.resolve_reason or None,
        "dismiss_reason": flag.dismiss_reason or None,
        "escalation": escalation,
        "escalation_age": age_text(flag.escalated_at, now) if escalation == "open" else "",
        "url": reverse("qa:flag-detail", args=[flag.pk]) if links else None,
    }


def _sample_row(sample: DipSample, *, links: bool) -> dict[str, Any]:
    answered = sample.audited_at is not None
    return {
        "id": sample.pk,
        "date": sample.dip_test.date,
        "kind": sample.get_kind_display(),
        "label": sample.label,
        "stratum": sample.stratum,
        "audited_at": sample.audited_at,
        "audited_by": str(sample.audited_by) if sample.audited_by else None,
        "compliant": sample.compliant if answered else None,
        "url": reverse("qa:dip-sample-audit", args=[sample.pk]) if links else None,
    }


def incident_sections(incident: Any, user: Any) -> list[IncidentSection]:
    """Flags and dip-test samples, for everyone who may see the incident; the links into QA (sergeants'
    screens) only for those who may use them."""
    links = getattr(user, "role", None) in Role.SUPERVISORS
    now = timezone.now()
    return [
        IncidentSection(
            key="unrecorded_flags",
            title="Unrecorded-incident flags",
            template="qa/partials/_incident_flags.html",
            rows=[_flag_row(f, links=links, now=now) for f in selectors.incident_flags(incident)],
            empty="The sweep has not flagged this incident.",
            order=10,
        ),
        IncidentSection(
            key="dip_samples",
            title="Dip-test samples",
            template="qa/partials/_incident_samples.html",
            rows=[_sample_row(s, links=links) for s in selectors.incident_dip_samples(incident)],
            empty="Neither this incident nor its crimes have been sampled by a dip-test.",
            order=20,
        ),
    ]
