"""Subject access exports (C-DP-*)."""

from __future__ import annotations

import io
import json
import zipfile
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from complaints import permissions, selectors
from complaints.models import (
    Subject,
)
from complaints.views.common import crumbs, me
from config.access import roles_required
from config.exports import csv_bytes
from config.permissions import Role
from staffing.access_audit import purpose_from
from staffing.services import access_log_record


# ---------------------------------------------------------------- subject access
@roles_required(Role.MANAGER, Role.ADMIN)
def subject_access(request: HttpRequest) -> HttpResponse:
    if not permissions.can_export_subject_access(me(request)):
        raise PermissionDenied("Subject access exports are for managers.")
    name = request.GET.get("name", "").strip()
    data = selectors.subject_access_data(name=name, user=me(request)) if name else None
    if data is not None:
        access_log_record(
            user=me(request),
            record_type="complaint_subject_access",
            record_id=name[:60],
            label=name,
            action="export",
            purpose=purpose_from(request, "Subject access request"),
            path=request.path,
        )
        fmt = request.GET.get("format")
        if fmt == "json":
            response = HttpResponse(json.dumps(data, indent=2), content_type="application/json")
            response["Content-Disposition"] = 'attachment; filename="subject-access.json"'
            return response
        if fmt == "zip":
            return _subject_access_zip(data)
    return render(
        request,
        "complaints/subject_access.html",
        {
            "name": name,
            "data": data,
            # The export keeps the subject's kind as its code; the page says it in words.
            "as_subject": [(row, Subject.Kind(row["kind"]).label) for row in data["as_subject"]]
            if data
            else [],
            "breadcrumbs": crumbs(("Subject access", None)),
        },
    )


def _subject_access_zip(data: dict[str, Any]) -> HttpResponse:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("subject-access.json", json.dumps(data, indent=2))
        for section in ("as_complainant", "as_subject"):
            rows = data[section]
            headers = list(rows[0].keys()) if rows else []
            cells = [[json.dumps(v) if isinstance(v, list | dict) else v for v in r.values()] for r in rows]
            archive.writestr(f"{section}.csv", csv_bytes(headers, cells) if rows else b"")
    response = HttpResponse(buffer.getvalue(), content_type="application/zip")
    response["Content-Disposition"] = 'attachment; filename="subject-access.zip"'
    return response
