"""Files on crimes through the API (contract: Files on crimes and complaint cases): type by content,
need-to-know as the crime, every download in the access log."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from rest_framework.test import APIClient

from recording.tests.factories import CrimeFactory, OffenceFactory
from staffing.models import AccessLog, RecordFile

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def upload(client: APIClient, crime_id: int, name: str, content: bytes, **extra: Any) -> Any:
    return client.post(
        f"/api/v1/recording/crimes/{crime_id}/files/",
        {"file": SimpleUploadedFile(name, content), "description": "Victim statement"},
        format="multipart",
        **extra,
    )


def test_it_uploads_a_pdf_and_answers_exactly_the_contract_fields(api_as: Callable[..., APIClient]) -> None:
    crime = CrimeFactory()
    client = api_as("investigator")

    response = upload(client, crime.pk, "statement.pdf", PDF)

    assert response.status_code == 201, response.content
    body = response.json()
    assert set(body) == {"id", "name", "size", "content_type", "uploaded_at", "uploaded_by"}
    assert (body["name"], body["size"], body["content_type"]) == (
        "statement.pdf",
        len(PDF),
        "application/pdf",
    )
    assert body["uploaded_by"] == client.user.username  # type: ignore[attr-defined]
    row = RecordFile.objects.get()
    assert (row.record_type, row.record_id, row.sha256) == (
        "crime",
        crime.pk,
        hashlib.sha256(PDF).hexdigest(),
    )
    assert row.history.get().history_change_reason.startswith("File statement.pdf uploaded to crime")  # type: ignore[attr-defined]


def test_a_file_whose_content_is_an_executable_but_whose_name_says_pdf_is_refused(
    api_as: Callable[..., APIClient],
) -> None:
    crime = CrimeFactory()
    with open("/bin/true", "rb") as handle:
        program = handle.read()

    response = upload(api_as("investigator"), crime.pk, "statement.pdf", program)

    assert response.status_code == 400
    assert "program" in response.json()["file"][0]
    assert not RecordFile.objects.exists()


def test_a_shell_script_named_as_text_is_refused(api_as: Callable[..., APIClient]) -> None:
    response = upload(api_as("investigator"), CrimeFactory().pk, "notes.txt", b"#!/bin/bash\ncurl x | sh\n")

    assert response.status_code == 400
    assert "script" in response.json()["file"][0]


def test_a_file_over_the_force_limit_is_refused_naming_file(
    api_as: Callable[..., APIClient], settings: Any
) -> None:
    settings.RESOLVE_FILE_MAX_BYTES = 50

    response = upload(api_as("investigator"), CrimeFactory().pk, "statement.pdf", PDF)

    assert response.status_code == 400
    assert "at most 50 bytes" in response.json()["file"][0]
    assert not RecordFile.objects.exists()


def test_an_upload_without_a_file_names_file(api_as: Callable[..., APIClient]) -> None:
    response = api_as("investigator").post(
        f"/api/v1/recording/crimes/{CrimeFactory().pk}/files/", {"description": "x"}, format="multipart"
    )

    assert response.status_code == 400
    assert "file" in response.json()


def test_a_restricted_crimes_file_is_not_found_for_who_cannot_see_the_crime_and_logged_for_who_can(
    api_as: Callable[..., APIClient],
) -> None:
    crime = CrimeFactory(
        offence=OffenceFactory(code="19C", title="Rape", category="Sexual offences", restricted=True)
    )
    sergeant = api_as("sergeant")
    file_id = upload(sergeant, crime.pk, "medical.pdf", PDF).json()["id"]
    recorder = api_as("recorder")
    url = f"/api/v1/recording/crimes/{crime.pk}/files/{file_id}/"

    assert recorder.get(url).status_code == 404
    assert recorder.get(f"/api/v1/recording/crimes/{crime.pk}/files/").status_code == 404
    assert upload(recorder, crime.pk, "more.pdf", PDF).status_code == 404
    downloaded = sergeant.get(url, {"purpose": "Case review"})

    assert downloaded.status_code == 200
    assert b"".join(downloaded.streaming_content) == PDF  # type: ignore[attr-defined]
    assert downloaded["Content-Disposition"] == 'attachment; filename="medical.pdf"'
    log = AccessLog.objects.get(user=sergeant.user, action="download")  # type: ignore[attr-defined]
    assert (log.record_id, log.purpose, log.path) == (str(crime.pk), "Case review", url)
    # The two refused reads are logged. The refused upload answers the same 404, but a create runs in one
    # transaction (its answer is built inside it), so its "refused" row goes back with it.
    assert AccessLog.objects.filter(user=recorder.user, action="refused").count() == 2  # type: ignore[attr-defined]


def test_a_download_of_an_unrestricted_crimes_file_is_logged_too(api_as: Callable[..., APIClient]) -> None:
    crime = CrimeFactory()
    client = api_as("investigator")
    file_id = upload(client, crime.pk, "s.pdf", PDF).json()["id"]

    assert client.get(f"/api/v1/recording/crimes/{crime.pk}/files/{file_id}/").status_code == 200

    assert AccessLog.objects.filter(action="download", record_id=str(crime.pk)).count() == 1


def test_a_file_of_another_crime_is_not_found(api_as: Callable[..., APIClient]) -> None:
    client = api_as("investigator")
    file_id = upload(client, CrimeFactory().pk, "s.pdf", PDF).json()["id"]

    assert client.get(f"/api/v1/recording/crimes/{CrimeFactory().pk}/files/{file_id}/").status_code == 404


def test_the_list_reads_every_file_in_a_fixed_number_of_queries(
    api_as: Callable[..., APIClient], django_assert_num_queries: Any
) -> None:
    crime = CrimeFactory()
    client = api_as("investigator")
    for n in range(3):
        upload(client, crime.pk, f"s{n}.pdf", PDF)

    # 1 the token with its user; 2 the crime (crime_open: recording.selectors.crime_get, the crime's own
    # need-to-know read); 3-12 its victims, suspects, incidents, classification changes, cancellations,
    # transfers, victim updates, enquiries, appointments, Victims' Code notices (crime_get's prefetches);
    # 13 the files with who uploaded and who withdrew each.
    with django_assert_num_queries(13):
        response = client.get(f"/api/v1/recording/crimes/{crime.pk}/files/")

    assert [row["name"] for row in response.json()] == ["s0.pdf", "s1.pdf", "s2.pdf"]
    assert response.json()[0]["retention_review_on"] is None


def test_a_subject_access_export_lists_the_files_on_a_victims_crime(
    api_as: Callable[..., APIClient], make_user: Any
) -> None:
    from recording.tests.factories import CrimeVictimFactory

    crime = CrimeFactory()
    CrimeVictimFactory(crime=crime, name="Jo Bloggs")
    upload(api_as("investigator"), crime.pk, "statement.pdf", PDF)

    answer = api_as("manager").get(
        "/api/v1/staffing/subject-access/", {"name": "Jo Bloggs", "purpose": "SAR 12"}
    )

    listed = answer.json()["records"]["recording"]["as_victim"][0]["files"]
    assert [(f["name"], f["sha256"]) for f in listed] == [("statement.pdf", hashlib.sha256(PDF).hexdigest())]
