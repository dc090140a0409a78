"""Content-Security-Policy variants. The site-wide policy (settings.SECURE_CSP) forbids inline scripts
and styles; a few documents need inline *styles* (never scripts): Swagger UI, which sets styles as it
renders, and complaint letters, whose one stylesheet must travel inside the document so the same HTML
renders to PDF."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.utils.csp import CSP

INLINE_STYLE_CSP: dict[str, Any] = dict(settings.SECURE_CSP)
INLINE_STYLE_CSP["style-src"] = [CSP.SELF, CSP.UNSAFE_INLINE]
