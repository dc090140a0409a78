"""Evidence files in an S3-compatible store (issue 22 part 6): the store is built from the environment
variables a deployment sets (config.settings.base.evidence_storage_from: RESOLVE_FILES_S3_*), and
talks HTTP to moto's standalone S3 server started in-process on the loopback address. Upload, the
need-to-know download (404 to who cannot see the crime, logged for who can) and withdrawal (the object
stays) go through the same API and pages as on the filesystem."""

from __future__ import annotations

import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from typing import Any

import boto3
import environ
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from moto.server import ThreadedMotoServer
from rest_framework.test import APIClient
from storages.backends.s3 import S3Storage

from config.settings.base import evidence_storage_from
from recording.tests.factories import CrimeFactory, OffenceFactory
from staffing.models import AccessLog, RecordFile, evidence_storage

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
BUCKET = "resolve-evidence-test"
REGION = "eu-west-2"
KEYS = {"RESOLVE_FILES_S3_ACCESS_KEY": "testing-access", "RESOLVE_FILES_S3_SECRET_KEY": "testing-secret"}


@pytest.fixture(scope="module")
def s3_endpoint() -> Iterator[str]:
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    try:
        yield f"http://{host}:{port}"
    finally:
        server.stop()


@pytest.fixture
def s3(s3_endpoint: str, settings: Any, monkeypatch: pytest.MonkeyPatch) -> Any:
    """A fresh private bucket, and STORAGES["evidence"] built from the deployment's variables."""
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "http_proxy", "https_proxy", "AWS_PROFILE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("RESOLVE_FILES_S3_BUCKET", BUCKET)
    monkeypatch.setenv("RESOLVE_FILES_S3_ENDPOINT_URL", s3_endpoint)
    monkeypatch.setenv("RESOLVE_FILES_S3_REGION", REGION)
    for name, value in KEYS.items():
        monkeypatch.setenv(name, value)
    client = boto3.client(
        "s3",
        endpoint_url=s3_endpoint,
        region_name=REGION,
        aws_access_key_id=KEYS["RESOLVE_FILES_S3_ACCESS_KEY"],
        aws_secret_access_key=KEYS["RESOLVE_FILES_S3_SECRET_KEY"],
    )
    client.create_bucket(Bucket=BUCKET, CreateBucketConfiguration={"LocationConstraint": REGION})
    settings.STORAGES = {
        **settings.STORAGES,
        "evidence": evidence_storage_from(environ.Env(), "/nonexistent"),
    }
    # RecordFile.file calls evidence_storage() once, when the model class is built (as a deployment's
    # process does at start with its settings); hand it the store the new settings describe.
    monkeypatch.setattr(RecordFile._meta.get_field("file"), "storage", evidence_storage())
    yield client
    for item in client.list_objects_v2(Bucket=BUCKET).get("Contents", []):
        client.delete_object(Bucket=BUCKET, Key=item["Key"])
    client.delete_bucket(Bucket=BUCKET)


def _upload(client: APIClient, crime_id: int, name: str = "statement.pdf") -> Any:
    return client.post(
        f"/api/v1/recording/crimes/{crime_id}/files/",
        {"file": SimpleUploadedFile(name, PDF), "description": "Victim statement"},
        format="multipart",
    )


def test_the_store_is_the_s3_backend_the_settings_describe(s3: Any, s3_endpoint: str) -> None:
    storage = evidence_storage()
    assert isinstance(storage, S3Storage)
    assert (storage.bucket_name, storage.endpoint_url, storage.default_acl) == (
        BUCKET,
        s3_endpoint,
        "private",
    )


def test_an_uploaded_file_lands_in_the_bucket_as_a_private_object(
    s3: Any, s3_endpoint: str, api_as: Callable[..., APIClient]
) -> None:
    crime = CrimeFactory()

    response = _upload(api_as("investigator"), crime.pk)

    assert response.status_code == 201, response.content
    row = RecordFile.objects.get()
    assert row.file.name.startswith(f"records/crime/{crime.pk}/")
    stored = s3.get_object(Bucket=BUCKET, Key=row.file.name)
    assert stored["Body"].read() == PDF
    # Private: the bucket answers nobody without the keys (downloads go through Resolve only).
    with pytest.raises(urllib.error.HTTPError) as anonymous:
        urllib.request.urlopen(f"{s3_endpoint}/{BUCKET}/{row.file.name}", timeout=10)  # noqa: S310
    assert anonymous.value.code == 403


def test_a_restricted_crimes_file_downloads_from_the_bucket_only_for_who_may_see_it_and_is_logged(
    s3: Any, api_as: Callable[..., APIClient]
) -> None:
    crime = CrimeFactory(
        offence=OffenceFactory(code="19C", title="Rape", category="Sexual offences", restricted=True)
    )
    sergeant = api_as("sergeant")
    file_id = _upload(sergeant, crime.pk, "medical.pdf").json()["id"]
    url = f"/api/v1/recording/crimes/{crime.pk}/files/{file_id}/"

    refused = api_as("recorder").get(url)
    downloaded = sergeant.get(url, {"purpose": "Case review"})

    assert refused.status_code == 404
    assert downloaded.status_code == 200
    assert b"".join(downloaded.streaming_content) == PDF  # type: ignore[attr-defined]
    assert downloaded["Content-Disposition"] == 'attachment; filename="medical.pdf"'
    log = AccessLog.objects.get(user=sergeant.user, action="download")  # type: ignore[attr-defined]
    assert (log.record_id, log.purpose) == (str(crime.pk), "Case review")


def test_a_withdrawn_file_stays_in_the_bucket(s3: Any, make_user: Any) -> None:
    crime = CrimeFactory()
    client = Client()
    client.force_login(make_user("investigator"))
    client.post(f"/staffing/records/crime/{crime.pk}/files/", {"file": SimpleUploadedFile("s.pdf", PDF)})
    row = RecordFile.objects.get()

    done = client.post(
        f"/staffing/records/crime/{crime.pk}/files/{row.pk}/withdraw/",
        {f"withdraw-{row.pk}-reason": "Uploaded to the wrong crime"},
    )

    assert done.status_code == 302
    row.refresh_from_db()
    assert row.withdrawn_reason == "Uploaded to the wrong crime"
    assert s3.head_object(Bucket=BUCKET, Key=row.file.name)["ContentLength"] == len(PDF)
