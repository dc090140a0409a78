"""The recording decision's one stored state: allegations awaiting the victim (R-NCRS-THIRD-PARTY)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords

from recording.models.crimes import Crime
from recording.models.incidents import Grade, Incident


class AwaitingVictim(models.Model):
    """A recording decision saved while the victim has not been spoken to (R-NCRS-THIRD-PARTY): the
    allegations that wait, the whole report so they can be decided later, and the 24-hour clock that
    runs from the report (R-NCRS-24H). It sits in the sergeant's queue until it is recorded (the victim
    confirms) or closed with a reason. Saved by recording.services.decisions, decided by
    recording.services.awaiting; nothing else writes it."""

    class Status(models.TextChoices):
        AWAITING = "awaiting", "Awaiting the victim"
        RECORDED = "recorded", "Recorded"
        CLOSED = "closed", "Closed without a crime"

    class Reporter(models.TextChoices):
        VICTIM = "victim", "The victim"
        WITNESS = "witness", "A witness"
        RELATIVE = "relative", "A relative"
        PROFESSIONAL = "professional", "A professional (care, health, education, safeguarding)"
        POLICE = "police", "The police"
        OTHER = "other", "A friend, neighbour or other member of the public"

    status = models.CharField(max_length=10, choices=Status.choices, default=Status.AWAITING)
    reporter = models.CharField(max_length=20, choices=Reporter.choices)
    reported_at = models.DateTimeField()
    record_by = models.DateTimeField(help_text="24 hours after the report (R-NCRS-24H).")
    incident = models.ForeignKey(
        Incident, null=True, blank=True, on_delete=models.PROTECT, related_name="awaiting_victim"
    )
    summary = models.TextField(blank=True)
    # [{"allegation", "offence", "offence_code", "victim", "reason", "daily_review", "restricted"}]
    allegations = models.JSONField(default=list)
    # The request as the from-decision API takes it, so the allegations can be decided again later.
    report = models.JSONField(default=dict)
    restricted = models.BooleanField(default=False, help_text="A need-to-know class (R-RESTRICTED).")
    daily_review = models.BooleanField(
        default=False, help_text="Rape or serious sexual offence (R-RAPE-RECORD)."
    )
    # The sergeant's queue is in the crime queues' risk order (config.queues.risk_order): these carry the
    # waiting allegations' most serious offence and the report's own flags and grade, set when it is saved.
    seriousness_rank = models.PositiveSmallIntegerField(
        help_text="The most serious waiting offence's class rank: 1 = most serious (R-PRINCIPAL)."
    )
    vulnerable_victim = models.BooleanField(default=False)
    domestic_abuse = models.BooleanField(default=False)
    hate_crime = models.BooleanField(default=False)
    grade = models.CharField(max_length=30, choices=Grade.choices, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    # The team of whoever saved it, kept as it was then: only that team (or a manager) records or closes it
    # (recording.permissions.awaiting_scope_refusal). None: no team, so any recorder's.
    team = models.ForeignKey(
        "staffing.Team", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_note = models.TextField(blank=True)
    crimes = models.ManyToManyField(Crime, blank=True, related_name="awaiting_victim")
    history = HistoricalRecords()

    class Meta:
        ordering = ["record_by", "id"]
        indexes = [models.Index(fields=["status", "record_by"], name="recording_awaiting_queue_idx")]

    def __str__(self) -> str:
        return f"Awaiting the victim: {', '.join(a['allegation'] for a in self.allegations)}"

    @property
    def people(self) -> list[dict[str, Any]]:
        """The person to ring for each victim the allegations wait for: their ref, the name and number
        the recorder entered (kept in `report`), and the offences reported against them, by title."""
        details = self.report.get("victim_details", {}) if isinstance(self.report, dict) else {}
        found: dict[str, dict[str, Any]] = {}
        for a in self.allegations:
            ref = a.get("victim") or ""
            given = details.get(ref, {})
            person = found.setdefault(
                ref,
                {
                    "ref": ref,
                    "name": given.get("name", ""),
                    "contact": given.get("contact", ""),
                    "offences": [],
                },
            )
            person["offences"].append(a.get("offence_title") or a.get("offence", ""))
        return list(found.values())

    @property
    def label(self) -> str:
        """How lists and the access log name it: the incident, else the report time."""
        if self.incident is not None:
            return self.incident.reference
        return f"report of {timezone.localtime(self.reported_at):%d %b %Y %H:%M}"
