"""`{% load recording_risk %}{{ item.grade|grade_label }}`: a THRIVE grade by its label ("Priority"), for
rows that carry a crime's grade without being a crime (a cancellation, a reclassification or a transfer
annotated by config.queues.with_crime_risk) as for those that are."""

from __future__ import annotations

from django import template

from recording.models import Grade

register = template.Library()


@register.filter
def grade_label(code: str) -> str:
    return str(Grade(code).label) if code in Grade.values else code
