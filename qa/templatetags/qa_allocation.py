"""`{% load qa_allocation %}{{ flag|allocate_url }}`: the sergeant's allocation screen for a QA work item
(a flag, a dip-test sample or an amendment), with the skill and weight that kind of work needs."""

from __future__ import annotations

from django import template
from django.db.models import Model

from qa.services.allocation import page_url

register = template.Library()


@register.filter
def allocate_url(item: Model) -> str:
    return page_url(item)
