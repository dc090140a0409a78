"""PDF rendering of stored letter HTML (xhtml2pdf)."""

from __future__ import annotations

import io

from xhtml2pdf import pisa

from config.exceptions import DomainError


def letter_pdf(html: str) -> bytes:
    out = io.BytesIO()
    result = pisa.CreatePDF(src=html, dest=out, encoding="utf-8")
    if result.err:
        raise DomainError("The letter could not be turned into a PDF.", field="letter")
    return out.getvalue()
