"""Files held on records (staffing.records)."""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from django.db.models import (
    QuerySet,
)
from django.http import Http404

from staffing.models import (
    RecordFile,
)


def record_files(*, key: str, record_id: int) -> QuerySet[RecordFile]:
    """The files on one record, oldest first, withdrawn ones included (marked), with who uploaded and
    who withdrew each read in the same query."""
    return RecordFile.objects.filter(record_type=key, record_id=record_id).select_related(
        "uploaded_by", "withdrawn_by"
    )


def record_file_get(*, key: str, record_id: int, file_id: int) -> RecordFile:
    """One file of one record (Http404 when the record holds no such file): the record itself was opened,
    with its need-to-know, by the caller."""
    row = record_files(key=key, record_id=record_id).filter(pk=file_id).first()
    if row is None:
        raise Http404("No such file on this record.")
    return row


def record_files_listed(*, key: str, record_ids: Collection[int]) -> dict[int, list[dict[str, Any]]]:
    """The files on several records of one kind, as a subject access export lists them (name, type,
    size, hash, when and by whom, withdrawn or not), keyed by record id; one query."""
    out: dict[int, list[dict[str, Any]]] = {}
    rows = RecordFile.objects.filter(record_type=key, record_id__in=list(record_ids)).select_related(
        "uploaded_by", "withdrawn_by"
    )
    for row in rows.order_by("uploaded_at", "pk"):
        out.setdefault(row.record_id, []).append(
            {
                "name": row.name,
                "content_type": row.content_type,
                "size": row.size,
                "sha256": row.sha256,
                "description": row.description,
                "uploaded_at": row.uploaded_at.isoformat(),
                "uploaded_by": str(row.uploaded_by),
                "withdrawn_at": row.withdrawn_at.isoformat() if row.withdrawn_at else None,
                "withdrawn_reason": row.withdrawn_reason,
            }
        )
    return out
