"""The Files section of the crime page: upload, download and withdraw in the browser's forms (the same
services as the API)."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from recording.tests.factories import CrimeFactory, OffenceFactory
from staffing.models import AccessLog, RecordFile

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n"


def signed_in(make_user: Any, role: str) -> Client:
    client = Client()
    client.force_login(make_user(role))
    return client


def test_a_file_uploaded_on_the_page_is_listed_on_the_crime_page(make_user: Any) -> None:
    crime = CrimeFactory()
    client = signed_in(make_user, "investigator")

    response = client.post(
        f"/staffing/records/crime/{crime.pk}/files/?next=/recording/crimes/{crime.pk}/",
        {"file": SimpleUploadedFile("statement.pdf", PDF), "description": "First account"},
    )

    assert response.status_code == 302
    assert response["Location"] == f"/recording/crimes/{crime.pk}/#files"
    page = client.get(f"/recording/crimes/{crime.pk}/").content.decode()
    assert "statement.pdf" in page and "First account" in page and "PDF document" in page


def test_a_refused_upload_shows_the_reason_next_to_the_file_field(make_user: Any) -> None:
    crime = CrimeFactory()

    response = signed_in(make_user, "investigator").post(
        f"/staffing/records/crime/{crime.pk}/files/",
        {"file": SimpleUploadedFile("a.pdf", b"#!/bin/sh\nid\n")},
    )

    assert response.status_code == 400
    assert "scripts cannot be attached" in response.content.decode()
    assert 'id="id_file_error"' in response.content.decode()
    assert not RecordFile.objects.exists()


def test_a_file_is_withdrawn_with_a_reason_and_kept(make_user: Any) -> None:
    crime = CrimeFactory()
    client = signed_in(make_user, "investigator")
    client.post(f"/staffing/records/crime/{crime.pk}/files/", {"file": SimpleUploadedFile("s.pdf", PDF)})
    row = RecordFile.objects.get()
    url = f"/staffing/records/crime/{crime.pk}/files/{row.pk}/withdraw/"

    refused = client.post(url, {f"withdraw-{row.pk}-reason": " "})
    done = client.post(url, {f"withdraw-{row.pk}-reason": "Uploaded to the wrong crime"})

    assert refused.status_code == 400 and "Say why the file is withdrawn." in refused.content.decode()
    assert done.status_code == 302
    row.refresh_from_db()
    assert (row.withdrawn_reason, row.file.storage.exists(row.file.name)) == (
        "Uploaded to the wrong crime",
        True,
    )
    assert row.history.count() == 2  # type: ignore[attr-defined]
    assert "Withdrawn" in client.get(f"/recording/crimes/{crime.pk}/").content.decode()


def test_a_restricted_crimes_file_page_and_download_are_not_found_for_a_recorder(make_user: Any) -> None:
    crime = CrimeFactory(
        offence=OffenceFactory(code="19C", title="Rape", category="Sexual offences", restricted=True)
    )
    sergeant = signed_in(make_user, "sergeant")
    sergeant.post(f"/staffing/records/crime/{crime.pk}/files/", {"file": SimpleUploadedFile("m.pdf", PDF)})
    row = RecordFile.objects.get()
    recorder = signed_in(make_user, "recorder")

    assert recorder.get(f"/staffing/records/crime/{crime.pk}/files/").status_code == 404
    assert recorder.get(f"/staffing/records/crime/{crime.pk}/files/{row.pk}/").status_code == 404
    response = sergeant.get(f"/staffing/records/crime/{crime.pk}/files/{row.pk}/")

    assert b"".join(response.streaming_content) == PDF  # type: ignore[attr-defined]
    assert AccessLog.objects.filter(action="download", record_id=str(crime.pk)).count() == 1
