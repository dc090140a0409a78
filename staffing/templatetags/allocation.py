"""`{% load allocation %}{{ item|allocate_url }}`: the sergeant's allocation screen for any registered kind
of work item (a crime, a transfer, a flag, a dip-test sample, an amendment), with the skill and weight its
app registered (staffing.selectors.allocation_page_url_for)."""

from __future__ import annotations

from django import template
from django.db.models import Model

from staffing.selectors import allocation_page_url_for

register = template.Library()


@register.filter
def allocate_url(item: Model) -> str:
    return allocation_page_url_for(item)
