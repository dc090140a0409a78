"""Evidence files and signature images: their type read from their content, never their name (issue 22 part
6)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

# Kinds of content that run as programs, whatever the file is called (content types as `filetype`
# names them): never attached, even if a force's list named one by mistake.
PROGRAM_TYPES = frozenset(
    {
        "application/x-executable",  # ELF (Linux programs and libraries)
        "application/x-msdownload",  # PE (Windows .exe, .dll)
        "application/wasm",
        "application/x-shockwave-flash",
        "application/x-deb",
        "application/x-rpm",
        "application/x-google-chrome-extension",
    }
)
# Text that a browser or a shell would run: a page or a script (checked on the text's opening).
ACTIVE_TEXT = ("<!doctype html", "<html", "<script", "<svg", "<?xml", "<?php", "<%")
TEXT_TYPE = "text/plain"


@dataclass(frozen=True)
class FileVerdict:
    """What a file's content is and whether it may be attached: `content_type` when accepted, else the
    `refusal` in words a person reads."""

    content_type: str = ""
    refusal: str = ""


def _text(head: bytes) -> str | None:
    """The opening as text, or None for binary content (a NUL byte, or not UTF-8; a character cut at the
    end of the opening is not held against it)."""
    if b"\x00" in head:
        return None
    for cut in range(4):
        try:
            return head[: len(head) - cut].decode("utf-8")
        except UnicodeDecodeError:
            continue
    return None


def file_type_verdict(
    *, head: bytes, size: int, max_bytes: int, allowed: Mapping[str, str], guessed: str | None
) -> FileVerdict:
    """Whether a file may be attached, from its content alone (its name is never consulted).

    `head`: the file's first bytes (8 KB); `guessed`: the content type a content-sniffing library read
    from them (None: no known signature); `allowed`: the force's accepted types (content type -> label).
    Programs are refused by what they are; text is plain text unless it opens as a script (#!) or as a
    web page or markup a browser would run."""
    if size == 0:
        return FileVerdict(refusal="The file is empty.")
    if size > max_bytes:
        return FileVerdict(
            refusal=f"The file is {_megabytes(size)}; files may be at most {_megabytes(max_bytes)}."
        )
    if guessed in PROGRAM_TYPES:
        return FileVerdict(
            refusal="The file is a program, whatever its name says; programs cannot be attached."
        )
    if guessed is not None:
        if guessed in allowed:
            return FileVerdict(content_type=guessed)
        return FileVerdict(refusal=f"Files of this type ({guessed}) are not accepted; {_accepted(allowed)}.")
    text = _text(head)
    if text is None:
        return FileVerdict(
            refusal=f"Resolve cannot tell what this file is, so it is not accepted; {_accepted(allowed)}."
        )
    opening = text.lstrip("\ufeff \t\r\n").lower()
    if opening.startswith("#!"):
        return FileVerdict(refusal="The file is a script (it starts with #!); scripts cannot be attached.")
    if any(marker in opening[:1024] for marker in ACTIVE_TEXT):
        return FileVerdict(refusal="The file is a web page or script; these cannot be attached.")
    if TEXT_TYPE not in allowed:
        return FileVerdict(refusal=f"Plain text files are not accepted; {_accepted(allowed)}.")
    return FileVerdict(content_type=TEXT_TYPE)


# A handler's signature image, printed on every letter they issue: a picture, read from its content.
SIGNATURE_TYPES = {"image/png": "PNG image", "image/jpeg": "JPEG image"}
SIGNATURE_MAX_BYTES = 300 * 1024


def signature_verdict(*, size: int, guessed: str | None, max_bytes: int = SIGNATURE_MAX_BYTES) -> FileVerdict:
    """Whether an upload may be a person's signature image, from its content alone: `guessed` is the
    content type a content-sniffing library read from its opening (None: no known signature). Only a
    PNG or JPEG picture, not empty, at most `max_bytes`."""
    if size == 0:
        return FileVerdict(refusal="The signature image is empty.")
    if size > max_bytes:
        return FileVerdict(
            refusal=f"The signature image is {_kilobytes(size)}; it may be at most {_kilobytes(max_bytes)}."
        )
    if guessed in PROGRAM_TYPES:
        return FileVerdict(
            refusal="The file is a program, whatever its name says; a signature must be a PNG or JPEG image."
        )
    if guessed not in SIGNATURE_TYPES:
        what = f"this file is {guessed}" if guessed else "Resolve cannot tell what this file is"
        return FileVerdict(refusal=f"The signature must be a PNG or JPEG image; {what}.")
    return FileVerdict(content_type=guessed)


def _kilobytes(size: int) -> str:
    return f"{size / 1024:,.0f} KB" if size >= 1024 else f"{size:,} bytes"


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB" if size >= 1024 * 1024 else f"{size:,} bytes"


def _accepted(allowed: Mapping[str, str]) -> str:
    return "accepted: " + ", ".join(sorted(set(allowed.values())))
