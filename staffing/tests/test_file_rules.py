"""The pure file-type rule (staffing.rules.file_type_verdict): content decides, never the name."""

from __future__ import annotations

import pytest

from staffing.rules import file_type_verdict

ALLOWED = {"application/pdf": "PDF document", "image/png": "PNG image", "text/plain": "Plain text"}


def verdict(head: bytes, guessed: str | None, *, size: int | None = None, allowed: dict[str, str] = ALLOWED):
    return file_type_verdict(
        head=head, size=len(head) if size is None else size, max_bytes=1000, allowed=allowed, guessed=guessed
    )


@pytest.mark.parametrize(
    ("head", "guessed", "content_type"),
    [
        (b"%PDF-1.7\n...", "application/pdf", "application/pdf"),
        (b"\x89PNG\r\n\x1a\n....", "image/png", "image/png"),
        (b"Statement of PC Reid, 3 May.\nI attended at 14:05.", None, "text/plain"),
        ("Déclaration — café".encode(), None, "text/plain"),
        ("cut here é".encode()[:-1], None, "text/plain"),  # a character cut at the end of the opening
        (b"\xef\xbb\xbfNotes with a byte-order mark", None, "text/plain"),
    ],
)
def test_it_accepts_allowed_content(head: bytes, guessed: str | None, content_type: str) -> None:
    assert verdict(head, guessed).content_type == content_type


@pytest.mark.parametrize(
    ("head", "guessed", "words"),
    [
        (b"\x7fELF\x02\x01\x01", "application/x-executable", "a program"),
        (b"MZ\x90\x00", "application/x-msdownload", "a program"),
        (b"\x00asm\x01", "application/wasm", "a program"),
        (b"#!/bin/sh\nrm -rf /\n", None, "script"),
        (b"  \n#!/usr/bin/env python3\nprint(1)\n", None, "script"),
        (b"<!DOCTYPE html><html><body>hi</body></html>", None, "web page"),
        (b"<script>alert(1)</script>", None, "web page"),
        (b"<svg onload=alert(1)>", None, "web page"),
        (b"\xcf\xfa\xed\xfe\x07\x00\x00\x01\x00\x00", None, "cannot tell"),  # Mach-O: no signature known
        (b"PK\x03\x04....", "application/zip", "not accepted"),
        (b"", None, "empty"),
    ],
)
def test_it_refuses_programs_scripts_pages_and_unknown_content(
    head: bytes, guessed: str | None, words: str
) -> None:
    result = verdict(head, guessed)
    assert result.content_type == ""
    assert words in result.refusal


def test_a_program_is_refused_even_if_the_force_lists_its_type() -> None:
    result = verdict(b"\x7fELF", "application/x-executable", allowed={"application/x-executable": "Program"})
    assert "program" in result.refusal


def test_it_refuses_a_file_over_the_size_limit_saying_both_sizes() -> None:
    result = verdict(b"%PDF-1.7", "application/pdf", size=1001)
    assert result.refusal == "The file is 1,001 bytes; files may be at most 1,000 bytes."


def test_plain_text_is_refused_when_the_force_does_not_list_it() -> None:
    assert (
        "Plain text files are not accepted" in verdict(b"notes", None, allowed={"image/png": "PNG"}).refusal
    )
