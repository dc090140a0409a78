"""`record_letters`: the Letters section of a record's page (a crime; a complaint case lists its own).

    {% load record_letters %}
    {% record_letters crime %}

The record was opened (need-to-know checked, the view logged) by the page's own view; the section reads
its letters in one query (sends prefetched: two) and links to drafting a new one (issue 22)."""

from __future__ import annotations

from typing import Any

from django import template
from django.urls import reverse
from django.utils.http import urlencode

from staffing.records import record_kind_for
from staffing.selectors.letters import letters_for_record

register = template.Library()


@register.inclusion_tag("staffing/letters/partials/_record_letters.html")
def record_letters(record: Any) -> dict[str, Any]:
    kind = record_kind_for(record)
    record_id = kind.record_id(record)
    return {
        "letters": list(letters_for_record(record_type=kind.key, record_id=record_id)),
        "new_url": reverse("staffing:letter-new")
        + "?"
        + urlencode({"record_type": str(kind.key), "record_id": str(record_id)}),
    }
