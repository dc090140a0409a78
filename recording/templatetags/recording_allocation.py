"""`{% load recording_allocation %}{{ crime|allocate_url }}`: the sergeant's allocation screen for a crime
or a transfer, with the skill and weight that kind of work needs."""

from __future__ import annotations

from django import template
from django.db.models import Model

from recording.services.allocation import page_url

register = template.Library()


@register.filter
def allocate_url(item: Model) -> str:
    return page_url(item)
