"""A letter as a document: its HTML (the frozen text of an issued letter) and its accessible PDF.

WeasyPrint writes tagged PDF (PDF/UA-1: a structure tree with headings and paragraphs, the document's
language and title, real text), which xhtml2pdf cannot. The same HTML is what the e-mail carries and
what the letter page shows, so the three never differ."""

from __future__ import annotations

import base64
import datetime as dt
from typing import TYPE_CHECKING, Any

import filetype
from django.conf import settings
from django.template.loader import render_to_string

from staffing.rules import SIGNATURE_TYPES
from staffing.rules import letters as rules

if TYPE_CHECKING:
    from staffing.models import Letter, User

LANG = "en-GB"


def signature_data_uri(user: User) -> str:
    """The handler's signature image inside the letter (so the frozen letter keeps it), or ""."""
    if not user.signature:
        return ""
    with user.signature.open("rb") as fh:
        data = fh.read()
    kind = filetype.guess(data[:8192])  # checked by its content when uploaded: a PNG or a JPEG
    if kind is None or kind.mime not in SIGNATURE_TYPES:
        return ""
    return f"data:{kind.mime};base64,{base64.b64encode(data).decode()}"


def letter_html(letter: Letter, *, dated: dt.date, signature: str = "") -> str:
    """The letter's full HTML document in its recorded format."""
    fmt = rules.Format(letter.format)
    pt = rules.body_font_pt(fmt, also_large_print=letter.large_print)
    handler = letter.handler
    return render_to_string(
        "staffing/letters/document.html",
        {
            "lang": LANG,
            "title": f"{letter.subject} ({letter.record_label})",
            "pt": pt,
            "h1_pt": pt + 6,
            "h2_pt": pt + 3,
            "easy_read": fmt == rules.Format.EASY_READ,
            "sender": letter.sender or settings.RESOLVE_FORCE_NAME,
            "recipient_name": letter.recipient_name,
            "address_lines": [line.strip() for line in letter.recipient_address.splitlines() if line.strip()],
            "dated": rules.long_date(dated),
            "reference": letter.record_label,
            "subject": letter.subject,
            "blocks": rules.blocks(letter.body),
            "signature": signature,
            "handler_name": str(handler),
            "handler_role": handler.get_role_display(),
            "handler_phone": handler.direct_phone,
            "handler_email": handler.direct_email,
        },
    )


def _document(html: str) -> Any:
    import weasyprint  # imported here: loading pango is slow and only letters need it

    return weasyprint.HTML(string=html).render(pdf_variant="pdf/ua-1")


def letter_pdf(html: str) -> bytes:
    """The accessible (tagged, PDF/UA-1) PDF of a letter's HTML."""
    return bytes(_document(html).write_pdf(pdf_variant="pdf/ua-1"))


def page_count(html: str) -> int:
    return len(_document(html).pages)
