"""Open a record and log the access: the one function every page, API view and admin view of a
need-to-know record goes through (issue 20, House).

The owning app brings its own need-to-know lookup (`find`: the record, or Http404 for anyone who may
not know it exists) and says which opened records are logged (`logged`: every complaint case, only a
restricted crime); this function runs the lookup and writes the access-log row, so no path can check
without logging or log without checking. When `find` refuses, `hidden` may name the record that does
exist (its id and label): the refused attempt is logged, and the caller still gets the same 404 as for
no record at all. Apps register these openers in their `staffing.records.RecordKind`."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from django.http import Http404

from staffing.models import AccessLog


def _always(record: Any) -> bool:
    return True


def access_log_record(
    *,
    user: Any,
    record_type: str,
    record_id: object,
    label: str = "",
    purpose: str = "",
    action: str = "view",
    path: str = "",
) -> AccessLog:
    """Write one access-log row. Opening a record goes through `open_logged`; this is for accesses that
    open no single record (a queue page of restricted items, a subject-access export)."""
    row = _row(user, record_type, record_id, label, purpose, action, path)
    row.save(force_insert=True)
    return row


def _row(
    user: Any, record_type: str, record_id: object, label: str, purpose: str, action: str, path: str
) -> AccessLog:
    """One row as both writers keep it: the id as text, the free text cut to its column."""
    return AccessLog(
        user=user,
        record_type=record_type,
        record_id=str(record_id),
        record_label=label[:200],
        purpose=purpose[:300],
        action=action,
        path=path[:300],
    )


def access_log_records(
    *,
    user: Any,
    record_type: str,
    records: Iterable[tuple[object, str]],
    purpose: str = "",
    action: str = "view",
    path: str = "",
) -> int:
    """One access-log row per record of `records` (its id and label), written in one statement: a list
    page or export that shows several need-to-know records at once. Returns how many were written."""
    rows = [_row(user, record_type, record_id, label, purpose, action, path) for record_id, label in records]
    return len(AccessLog.objects.bulk_create(rows)) if rows else 0


def open_logged[R](
    *,
    user: Any,
    find: Callable[[], R],
    record_type: str,
    label: Callable[[R], str],
    purpose: str,
    path: str,
    action: str = "view",
    logged: Callable[[R], bool] = _always,
    hidden: Callable[[], tuple[object, str] | None] | None = None,
) -> R:
    """The record `find` returns for `user`, its access logged when `logged(record)`; Http404 (after
    logging a refused attempt on a record `hidden` names) when `find` refuses."""
    try:
        record = find()
    except Http404:
        exists = hidden() if hidden is not None else None
        if exists is not None:
            access_log_record(
                user=user,
                record_type=record_type,
                record_id=exists[0],
                label=exists[1],
                purpose=purpose,
                action="refused",
                path=path,
            )
        raise
    if logged(record):
        access_log_record(
            user=user,
            record_type=record_type,
            record_id=getattr(record, "pk", record),
            label=label(record),
            purpose=purpose,
            action=action,
            path=path,
        )
    return record
