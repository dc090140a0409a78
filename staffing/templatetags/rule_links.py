"""`rule_links`: every rule ID in a text becomes a link to its page in the rule catalogue.

    {% load rule_links %}
    {{ line|rule_links }}                          an explanation line, a citation
    {% filter rule_links %}… (R-DIP-TEST) …{% endfilter %}   a page's own text

The text is escaped first (unless already safe), so it is as safe as `{{ line }}`. The pattern alone
decides what is an ID (no database query, so a list of explanations costs nothing extra); the
catalogue test makes sure every ID the code cites has its page."""

from __future__ import annotations

import re
from typing import Any

from django import template
from django.urls import reverse
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe

from staffing.catalogue import RULE_ID

register = template.Library()


def _link(match: re.Match[str]) -> str:
    code = match.group(0)
    return format_html(
        '<a class="rule-link" href="{}" title="Rule {}: what it says and where it comes from">{}</a>',
        reverse("staffing:rule-detail", args=[code]),
        code,
        code,
    )


@register.filter(needs_autoescape=True)
def rule_links(value: Any, autoescape: bool = True) -> SafeString:
    text = str(conditional_escape(value) if autoescape else value)
    return mark_safe(RULE_ID.sub(_link, text))  # noqa: S308 - the text was escaped above; links built by format_html
