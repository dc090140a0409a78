"""`record_files`: the Files section of a record's page (a crime, a complaint case).

    {% load record_files %}
    {% record_files crime %}

The record was opened (need-to-know checked, the view logged) by the page's own view; the section reads
its files in one query and offers upload, download and withdraw (staffing.views.files, the same services
as the API). Apps include it without importing staffing's views."""

from __future__ import annotations

from typing import Any

from django import template

from staffing import selectors
from staffing.forms import RecordFileForm, RecordFileWithdrawForm
from staffing.records import record_kind_for
from staffing.services.files import file_type_label, retention_schedule

register = template.Library()


@register.inclusion_tag("staffing/partials/_record_files.html", takes_context=True)
def record_files(
    context: template.Context,
    record: Any,
    upload_form: RecordFileForm | None = None,
    withdraw: tuple[int, RecordFileWithdrawForm] | None = None,
) -> dict[str, Any]:
    kind = record_kind_for(record)
    rows = list(selectors.record_files(key=kind.key, record_id=kind.record_id(record)))
    for row in rows:
        bound = withdraw[1] if withdraw is not None and withdraw[0] == row.pk else None
        extra: Any = row  # the page's own attributes on each row, for the template only
        extra.withdraw_form = bound or RecordFileWithdrawForm(prefix=f"withdraw-{row.pk}")
        extra.withdraw_open = bound is not None
        extra.type_label = file_type_label(row.content_type)
    return {
        "kind": kind,
        "record": record,
        "rows": rows,
        "current": sum(1 for row in rows if not row.withdrawn),
        "review_on": kind.review_on(record),
        "retention": retention_schedule().get(kind.key, ""),
        "upload_form": upload_form or RecordFileForm(),
        "record_url": kind.url(record),
        "csrf_token": context.get("csrf_token"),
    }
