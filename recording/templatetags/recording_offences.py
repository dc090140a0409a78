"""`{% load recording_offences %}{{ offence_titles|get_title:code }}`: an offence read by its title, as
people read it ("Assault with injury (8N)"), from the titles the view looked up once."""

from __future__ import annotations

from collections.abc import Mapping

from django import template

register = template.Library()


@register.filter
def get_title(titles: Mapping[str, str], code: str) -> str:
    return titles.get(code, code)
