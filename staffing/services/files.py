"""Files held on records (staffing.RecordFile): upload, withdraw, and the bytes for a download.

The record is opened by the caller through staffing.records (the owning app's need-to-know and the
access log in one call) and handed in: these services never decide who may see a record. The page and
the API call the same functions."""

from __future__ import annotations

import csv
import functools
import hashlib
import os
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import filetype
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone

from config.exceptions import DomainError
from staffing import rules
from staffing.models import RecordFile, User
from staffing.records import RecordKind

REFERENCE = Path(__file__).resolve().parent.parent / "reference"
HEAD_BYTES = 8192  # what the content sniffer reads (filetype's own signature window)
CHUNK_BYTES = 64 * 1024


@functools.cache
def allowed_file_types() -> dict[str, str]:
    """The types a file may be, by the content type read from its content -> the label people read
    (reference data: staffing/reference/file_types.csv)."""
    with (REFERENCE / "file_types.csv").open(newline="", encoding="utf-8") as handle:
        return {row["content_type"].strip(): row["label"].strip() for row in csv.DictReader(handle)}


@functools.cache
def retention_schedule() -> dict[str, str]:
    """How long files on each kind of record are kept, in words (reference data:
    staffing/reference/retention_schedule.csv), keyed by the record kind's key."""
    with (REFERENCE / "retention_schedule.csv").open(newline="", encoding="utf-8") as handle:
        return {row["record_kind"].strip(): row["basis"].strip() for row in csv.DictReader(handle)}


def file_type_label(content_type: str) -> str:
    return allowed_file_types().get(content_type, content_type)


def _clean_name(name: str) -> str:
    """The person's file name for display and download: the last path part, no control characters."""
    base = os.path.basename(name.replace("\\", "/")).strip()
    base = "".join(ch for ch in base if unicodedata.category(ch)[0] != "C")
    return (base or "file")[:255]


def _read_head(upload: UploadedFile) -> bytes:
    upload.seek(0)
    head = upload.read(HEAD_BYTES)
    upload.seek(0)
    return head


def record_file_check(*, upload: UploadedFile) -> str:
    """The content type of `upload` read from its content; DomainError naming `file` when its size or
    type is not accepted (a program, a script, a web page, a type the force does not list)."""
    head = _read_head(upload)
    kind = filetype.guess(head)
    verdict = rules.file_type_verdict(
        head=head,
        size=int(upload.size or 0),
        max_bytes=settings.RESOLVE_FILE_MAX_BYTES,
        allowed=allowed_file_types(),
        guessed=kind.mime if kind is not None else None,
    )
    if verdict.refusal:
        raise DomainError(verdict.refusal, field="file")
    return verdict.content_type


def _sha256(upload: UploadedFile) -> str:
    digest = hashlib.sha256()
    upload.seek(0)
    for chunk in upload.chunks(CHUNK_BYTES):
        digest.update(chunk)
    upload.seek(0)
    return digest.hexdigest()


def record_file_upload(
    *, kind: RecordKind, record: Any, actor: User, upload: UploadedFile | None, description: str = ""
) -> RecordFile:
    """Attach a file to a record the caller has opened for `actor`. Its type is read from its content
    (never its name) and checked against the force's list; its SHA-256 is kept so a copy handed on (the
    review bundle) can be checked. The bytes are stored first and removed again if the row cannot be
    saved, so nothing is left half-written."""
    if upload is None:
        raise DomainError("Choose a file to upload.", field="file")
    content_type = record_file_check(upload=upload)
    row = RecordFile(
        record_type=kind.key,
        record_id=kind.record_id(record),
        name=_clean_name(upload.name or ""),
        size=int(upload.size or 0),
        content_type=content_type,
        sha256=_sha256(upload),
        description=description.strip(),
        uploaded_by=actor,
        uploaded_at=timezone.now(),
    )
    row.file.save(row.name, upload, save=False)
    try:
        with transaction.atomic():
            row._history_user = actor  # type: ignore[attr-defined]
            row._change_reason = f"File {row.name} uploaded to {kind.label.lower()} {kind.reference(record)}"  # type: ignore[attr-defined]
            row.full_clean(exclude=["file"])
            row.save()
    except BaseException:
        row.file.storage.delete(str(row.file.name))
        raise
    return row


@transaction.atomic
def record_file_withdraw(
    *, kind: RecordKind, record: Any, file_id: int, actor: User, reason: str
) -> RecordFile:
    """Withdraw a file from a record with a reason: it stays (bytes, row and history), marked withdrawn,
    and is no longer handed on in a review bundle. Nothing deletes a file."""
    reason = reason.strip()
    if not reason:
        raise DomainError("Say why the file is withdrawn.", field="reason")
    row = (
        RecordFile.objects.select_for_update()
        .filter(pk=file_id, record_type=kind.key, record_id=kind.record_id(record))
        .first()
    )
    if row is None:
        raise DomainError("No such file on this record.", field="file")
    if row.withdrawn:
        raise DomainError("The file was already withdrawn.", field="file")
    row.withdrawn_at = timezone.now()
    row.withdrawn_by = actor
    row.withdrawn_reason = reason
    row._history_user = actor  # type: ignore[attr-defined]
    row._change_reason = f"File withdrawn: {reason}"  # type: ignore[attr-defined]
    row.save(update_fields=["withdrawn_at", "withdrawn_by", "withdrawn_reason"])
    return row


def record_file_chunks(row: RecordFile) -> Iterator[bytes]:
    """The stored bytes of a file, a chunk at a time (a download or a bundle never holds a whole file)."""
    with row.file.storage.open(str(row.file.name), "rb") as handle:
        while chunk := handle.read(CHUNK_BYTES):
            yield chunk
