"""The review bundle of a complaint case (C-REVIEW-BODY, C-RECORD-COPY): everything a review body needs,
as one zip archive streamed a member at a time.

Members: every file held on the case (withdrawn ones are not handed on: a file withdrawn as uploaded to
the wrong case must not reach a review body), every letter issued (as PDF), the decision record
(decision-record.json) and the action log (action-log.csv), and `index.csv` at the root listing each
other member with its SHA-256, size, kind and when it was created. The hashes are computed from the
bytes as they go into the archive, so the index describes what the archive holds; a file whose stored
bytes no longer match the hash taken at upload stops the export rather than hand on a changed copy.

The caller opens the case through staffing.records with action "export" (need-to-know and the access
log) before streaming."""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.utils import timezone

from complaints.models import CaseAction, ComplaintCase
from config.exceptions import DomainError
from config.exports import csv_bytes
from staffing import selectors as staffing_selectors
from staffing.models import Letter, RecordFile
from staffing.services.files import record_file_chunks
from staffing.services.letters.documents import letter_pdf

RECORD_KIND = "complaint_case"
INDEX_COLUMNS = ("path", "sha256", "size", "kind", "created_at")


@dataclass(frozen=True)
class Member:
    path: str
    kind: str  # file, letter, decision_record, action_log
    created_at: datetime
    chunks: Iterable[bytes]
    expected_sha256: str = ""  # a stored file's hash taken at upload


class _Sink(io.RawIOBase):
    """Where zipfile writes: bytes collected until the generator hands them on (an unseekable stream,
    so zipfile writes each member's sizes after its data, and no member is held whole)."""

    def __init__(self) -> None:
        self._parts: list[bytes] = []

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        self._parts.append(bytes(data))
        return len(data)

    def drain(self) -> bytes:
        out = b"".join(self._parts)
        self._parts.clear()
        return out


def _safe(name: str) -> str:
    return "".join(ch if ch.isalnum() or ch in "._- " else "_" for ch in name).strip() or "file"


def _file_members(case: ComplaintCase) -> Iterator[Member]:
    rows: Iterable[RecordFile] = (
        staffing_selectors.record_files(key=RECORD_KIND, record_id=case.pk)
        .filter(withdrawn_at__isnull=True)
        .iterator()
    )
    for row in rows:
        yield Member(
            path=f"files/{row.pk}-{_safe(row.name)}",
            kind="file",
            created_at=row.uploaded_at,
            chunks=record_file_chunks(row),
            expected_sha256=row.sha256,
        )


def _letter_members(case: ComplaintCase) -> Iterator[Member]:
    # Issued letters only, exactly as issued (staffing's letters, issue 22): a draft was never sent.
    issued = Letter.objects.filter(
        record_type=RECORD_KIND, record_id=case.pk, status=Letter.Status.ISSUED
    ).order_by("issued_at", "pk")
    for letter in issued.iterator():
        dated = letter.dated.isoformat() if letter.dated else ""
        yield Member(
            path=f"letters/{letter.pk}-{letter.purpose}-{dated}.pdf",
            kind="letter",
            created_at=letter.issued_at or letter.created_at,
            chunks=[letter_pdf(letter.issued_html)],
        )


def _label(choices: Any, value: str) -> str:
    return str(dict(choices).get(value, value)) if value else ""


def decision_record(case: ComplaintCase) -> dict[str, Any]:
    """The decisions on a case, in words and with their rule IDs: triage, route, referral, each
    allegation's outcome, the case outcome and the review right, and any review."""
    return {
        "reference": case.reference,
        "kind": case.get_kind_display(),
        "received_at": case.received_at.isoformat(),
        "summary": case.summary,
        "status": case.get_status_display(),
        "route": case.get_route_display() if case.route else "",
        "appropriate_authority": case.get_appropriate_authority_display()
        if case.appropriate_authority
        else "",
        "recorded_on": case.recorded_on.isoformat() if case.recorded_on else None,
        "iopc_referred_on": case.iopc_referred_on.isoformat() if case.iopc_referred_on else None,
        "iopc_reference": case.iopc_reference,
        "triage_decisions": [
            {
                "decided_at": t.decided_at.isoformat(),
                "decided_by": str(t.decided_by),
                "accepted_proposal": t.accepted,
                "proposed_route": _label(ComplaintCase._meta.get_field("route").choices, t.proposed_route),
                "route": t.get_route_display() if t.route else "",
                "must_refer_to_iopc": t.must_refer_to_iopc,
                "reason": t.reason,
                "rules": list(t.rules),
                "explanation": t.explanation,
            }
            for t in case.triage_decisions.select_related("decided_by").order_by("decided_at", "pk")
        ],
        "allegations": [
            {
                "category": f"{a.category.code} {a.category.title}",
                "description": a.description,
                "outcome": a.outcome.title if a.outcome is not None else None,
            }
            for a in case.allegations.select_related("category", "outcome").order_by("pk")
        ],
        "outcome": case.outcome.title if case.outcome is not None else None,
        "outcome_on": case.outcome_on.isoformat() if case.outcome_on else None,
        "closure_reason": case.closure_reason,
        "review_body": case.get_review_body_display() if case.review_body else "",
        "review_deadline": case.review_deadline.isoformat() if case.review_deadline else None,
        "reviews": [
            {
                "received_on": r.received_on.isoformat(),
                "result": str(r.result) if r.result_id else None,
                "recommendations": r.recommendations,
            }
            for r in case.reviews.select_related("result").order_by("pk")
        ],
    }


def _action_log_csv(case: ComplaintCase) -> bytes:
    """The case log through the one formula-safe CSV writer (a summary typed as "=..." stays text)."""
    actions = CaseAction.objects.filter(case=case).select_related("actor").order_by("at", "pk")
    rows = [
        [a.at.isoformat(), str(a.actor), a.get_kind_display(), a.summary, a.reason, " ".join(a.rules)]
        for a in actions
    ]
    return csv_bytes(["at", "who", "action", "summary", "reason", "rules"], rows, bom=False)


def _members(case: ComplaintCase, now: datetime) -> Iterator[Member]:
    yield from _file_members(case)
    yield from _letter_members(case)
    record = json.dumps(decision_record(case), indent=2, ensure_ascii=False).encode("utf-8")
    yield Member(path="decision-record.json", kind="decision_record", created_at=now, chunks=[record])
    yield Member(path="action-log.csv", kind="action_log", created_at=now, chunks=[_action_log_csv(case)])


def _zip_info(path: str, created_at: datetime) -> zipfile.ZipInfo:
    local = timezone.localtime(created_at)
    info = zipfile.ZipInfo(
        path, date_time=(local.year, local.month, local.day, local.hour, local.minute, local.second)
    )
    info.compress_type = zipfile.ZIP_DEFLATED
    return info


def case_bundle_stream(*, case: ComplaintCase) -> Iterator[bytes]:
    """The bundle as a stream of zip bytes: each member is written (and hashed) as it is read, and handed
    on before the next is read, so a case with hundreds of files is never held in memory."""
    now = timezone.now()
    sink = _Sink()
    index: list[tuple[str, str, int, str, str]] = []
    with zipfile.ZipFile(sink, mode="w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        for member in _members(case, now):
            digest = hashlib.sha256()
            size = 0
            with archive.open(_zip_info(member.path, member.created_at), mode="w", force_zip64=True) as out:
                for chunk in member.chunks:
                    out.write(chunk)
                    digest.update(chunk)
                    size += len(chunk)
                    if sink_bytes := sink.drain():
                        yield sink_bytes
            if member.expected_sha256 and digest.hexdigest() != member.expected_sha256:
                raise DomainError(
                    f"The stored copy of {member.path} no longer matches the file uploaded; "
                    "the bundle was not completed.",
                    field="file",
                )
            index.append((member.path, digest.hexdigest(), size, member.kind, member.created_at.isoformat()))
            yield sink.drain()
        archive.writestr(_zip_info("index.csv", now), csv_bytes(INDEX_COLUMNS, index, bom=False))
    yield sink.drain()


def case_bundle_name(case: ComplaintCase) -> str:
    return f"review-bundle-{_safe(case.reference)}-{timezone.localdate():%Y-%m-%d}.zip"
