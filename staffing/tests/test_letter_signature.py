"""A handler's signature image (issue 22 part 2): read by its content with the same content-sniffing
library as evidence files (filetype), never by its name; only a PNG or JPEG picture of at most 300 KB,
and the letter prints it as the picture it is."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from PIL import Image

from config.exceptions import DomainError
from staffing.rules import SIGNATURE_MAX_BYTES, signature_verdict
from staffing.services import letters as services
from staffing.services.letters.documents import signature_data_uri

ELF = b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 56
PDF = b"%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n"


def _picture(fmt: str, size: tuple[int, int] = (120, 40)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, "white").save(out, format=fmt)
    return out.getvalue()


# ---------------------------------------------------------------- the pure rule
@pytest.mark.parametrize("guessed", ["image/png", "image/jpeg"])
def test_it_accepts_a_png_or_jpeg_picture(guessed: str) -> None:
    assert signature_verdict(size=10_000, guessed=guessed).content_type == guessed


@pytest.mark.parametrize(
    ("size", "guessed", "words"),
    [
        (0, "image/png", "empty"),
        (SIGNATURE_MAX_BYTES + 1, "image/png", "at most 300 KB"),
        (2_000, "application/x-executable", "a program"),
        (2_000, "application/pdf", "this file is application/pdf"),
        (2_000, "image/gif", "PNG or JPEG"),
        (2_000, None, "cannot tell what this file is"),
    ],
)
def test_it_refuses_anything_else_in_words(size: int, guessed: str | None, words: str) -> None:
    verdict = signature_verdict(size=size, guessed=guessed)
    assert not verdict.content_type and words in verdict.refusal


# ---------------------------------------------------------------- the service and the page
@pytest.fixture
def media(settings: Any, tmp_path: Path) -> Path:
    settings.MEDIA_ROOT = str(tmp_path)
    return tmp_path


def _upload(me: Any, name: str, content: bytes) -> Any:
    return services.user_letter_details_update(
        user=me,
        actor=me,
        direct_phone="01632 960555",
        direct_email="",
        signature=SimpleUploadedFile(name, content),
    )


@pytest.mark.django_db
@pytest.mark.parametrize(("fmt", "mime", "ext"), [("PNG", "image/png", "png"), ("JPEG", "image/jpeg", "jpg")])
def test_a_picture_is_kept_by_its_content_and_printed_as_it_is(
    make_user: Callable[..., Any], media: Path, fmt: str, mime: str, ext: str
) -> None:
    me = make_user("advisor")
    me = _upload(me, "my-signature.bin", _picture(fmt))  # the name says nothing; the content decides
    me.refresh_from_db()
    assert me.signature.name.endswith(f".{ext}")
    assert signature_data_uri(me).startswith(f"data:{mime};base64,")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "content", "words"),
    [
        ("signature.png", ELF, "a program"),
        ("signature.jpg", PDF, "PNG or JPEG"),
        ("signature.png", b"<svg onload=alert(1)></svg>", "cannot tell"),
        ("signature.png", b"", "empty"),
    ],
)
def test_a_file_that_is_not_a_picture_is_refused_whatever_its_name(
    make_user: Callable[..., Any], media: Path, name: str, content: bytes, words: str
) -> None:
    me = make_user("advisor")
    with pytest.raises(DomainError) as err:
        _upload(me, name, content)
    assert err.value.field == "signature" and words in err.value.message
    me.refresh_from_db()
    assert not me.signature and not any(media.rglob("*"))


@pytest.mark.django_db
def test_an_oversized_picture_is_refused(make_user: Callable[..., Any], media: Path) -> None:
    me = make_user("advisor")
    big = _picture("PNG", (10, 10)) + b"\x00" * SIGNATURE_MAX_BYTES  # a real PNG, padded past the limit
    with pytest.raises(DomainError) as err:
        _upload(me, "signature.png", big)
    assert err.value.field == "signature" and "at most 300 KB" in err.value.message


@pytest.mark.django_db
def test_the_page_shows_the_refusal_beside_the_field(
    client: Client, make_user: Callable[..., Any], media: Path
) -> None:
    me = make_user("investigator")
    client.force_login(me)
    page = client.post(
        "/staffing/letters/my-details/",
        {
            "direct_phone": "01632 960555",
            "direct_email": "",
            "signature": SimpleUploadedFile("signature.png", ELF),
        },
    ).content.decode()
    assert "a program, whatever its name says" in page
    me.refresh_from_db()
    assert not me.signature
