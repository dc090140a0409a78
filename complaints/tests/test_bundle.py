"""The review bundle (contract: GET /api/v1/complaints/cases/{id}/bundle/): every file, letter, the
decision record and the action log, with index.csv naming each member's SHA-256."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import zipfile
from collections.abc import Callable
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from rest_framework.test import APIClient

from complaints.tests.factories import ComplaintCaseFactory
from staffing.models import AccessLog, RecordFile
from staffing.records import record_kind
from staffing.services import letters
from staffing.services.files import record_file_upload, record_file_withdraw

pytestmark = pytest.mark.django_db

PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000") + b"\x00" * 40


def attach(case: Any, actor: Any, name: str, content: bytes) -> RecordFile:
    upload = SimpleUploadedFile(name, content)
    return record_file_upload(kind=record_kind("complaint_case"), record=case, actor=actor, upload=upload)


def bundle_of(response: Any) -> zipfile.ZipFile:
    assert response.status_code == 200, response.content
    assert response["Content-Type"] == "application/zip"
    return zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))


def test_a_review_bundles_index_lists_every_file_with_its_hash(api_as: Callable[..., APIClient]) -> None:
    client = api_as("advisor")
    case = ComplaintCaseFactory(actor=client.user)  # type: ignore[attr-defined]
    contents = {
        "statement.pdf": b"%PDF-1.4\nstatement\n%%EOF\n",
        "photo.png": PNG,
        "email.txt": "Dear advisor, the officer never called back. — A.".encode(),
    }
    for name, content in contents.items():
        attach(case, client.user, name, content)  # type: ignore[attr-defined]
    wrong = attach(case, client.user, "other-case.pdf", b"%PDF-1.4\nnot this case\n")  # type: ignore[attr-defined]
    record_file_withdraw(
        kind=record_kind("complaint_case"),
        record=case,
        file_id=wrong.pk,
        actor=client.user,  # type: ignore[attr-defined]
        reason="Belongs to another case",
    )
    letters.letter_templates_ship()  # a transactional test may have emptied the migration's templates
    letter = letters.letter_draft(
        record_type="complaint_case",
        record_id=case.pk,
        actor=client.user,  # type: ignore[attr-defined]
        purpose="acknowledgement",
    )
    letters.letter_issue(letter_id=letter.pk, actor=client.user)  # type: ignore[attr-defined]
    letters.letter_draft(  # a draft was never sent: not in the bundle
        record_type="complaint_case",
        record_id=case.pk,
        actor=client.user,  # type: ignore[attr-defined]
        purpose="acknowledgement",
    )

    archive = bundle_of(client.get(f"/api/v1/complaints/cases/{case.pk}/bundle/"))

    rows = list(csv.DictReader(io.StringIO(archive.read("index.csv").decode())))
    assert list(rows[0]) == ["path", "sha256", "size", "kind", "created_at"]
    assert sorted(row["path"] for row in rows) == sorted(n for n in archive.namelist() if n != "index.csv")
    for row in rows:  # every hash and size is the member's own
        data = archive.read(row["path"])
        assert (row["sha256"], int(row["size"])) == (hashlib.sha256(data).hexdigest(), len(data))
    files = {row["path"].split("-", 1)[1]: row["sha256"] for row in rows if row["kind"] == "file"}
    assert files == {name: hashlib.sha256(content).hexdigest() for name, content in contents.items()}
    assert [row["kind"] for row in rows].count("letter") == 1
    assert {"decision-record.json", "action-log.csv"} <= set(archive.namelist())
    assert json.loads(archive.read("decision-record.json"))["reference"] == case.reference
    assert "Case created" in archive.read("action-log.csv").decode()
    assert archive.read(next(r["path"] for r in rows if r["kind"] == "letter")).startswith(b"%PDF")
    log = AccessLog.objects.get(action="export")
    assert (log.record_type, log.record_id, log.user) == ("complaint_case", str(case.pk), client.user)  # type: ignore[attr-defined]


def test_the_bundle_is_for_complaints_staff_with_need_to_know(api_as: Callable[..., APIClient]) -> None:
    case = ComplaintCaseFactory()

    assert api_as("investigator").get(f"/api/v1/complaints/cases/{case.pk}/bundle/").status_code == 403
    subject = api_as("advisor")
    case.subjects.update(user=subject.user)  # type: ignore[attr-defined]
    assert subject.get(f"/api/v1/complaints/cases/{case.pk}/bundle/").status_code == 404
    assert not AccessLog.objects.filter(action="export").exists()


def test_the_case_page_offers_the_bundle_and_it_downloads(make_user: Any) -> None:
    advisor = make_user("advisor")
    case = ComplaintCaseFactory(actor=advisor)
    client = Client()
    client.force_login(advisor)

    page = client.get(f"/complaints/{case.pk}/").content.decode()
    archive = bundle_of(client.get(f"/complaints/{case.pk}/bundle/"))

    assert f'href="/complaints/{case.pk}/bundle/"' in page
    assert "index.csv" in archive.namelist()
