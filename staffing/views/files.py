"""Files on records (issue 22 part 6)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render

from config.access import roles_required
from config.exceptions import DomainError
from config.listing import safe_next
from config.permissions import Role
from staffing import selectors
from staffing.access_audit import (
    purpose_from,
)
from staffing.api.files import record_file_response
from staffing.forms import (
    RecordFileForm,
    RecordFileWithdrawForm,
)
from staffing.records import RecordKind, record_kind
from staffing.services import files
from staffing.views.common import user_of

# Any signed-in role may ask; the record kind's own need-to-know (its `open`) answers 404 to anyone who
# may not see the record, and logs the access (a download always).
any_role = roles_required(*Role.ALL)


def _record_open(request: HttpRequest, key: str, pk: int, action: str) -> tuple[RecordKind, Any]:
    kind = record_kind(key)
    record = kind.open(
        user=user_of(request),
        pk=pk,
        purpose=purpose_from(request, f"{kind.label} files"),
        path=request.path,
        action=action,
    )
    return kind, record


def _files_page(
    request: HttpRequest,
    kind: RecordKind,
    record: Any,
    *,
    form: RecordFileForm | None = None,
    withdraw: tuple[int, RecordFileWithdrawForm] | None = None,
) -> HttpResponse:
    bound = bool((form is not None and form.errors) or withdraw is not None)
    context = {
        "kind": kind,
        "record": record,
        "reference": kind.reference(record),
        "record_url": kind.url(record),
        "upload_form": form,
        "withdraw": withdraw,
        "title": f"Files on {kind.label.lower()} {kind.reference(record)}",
    }
    return render(request, "staffing/record_files.html", context, status=400 if bound else 200)


@any_role
def record_files(request: HttpRequest, key: str, pk: int) -> HttpResponse:
    """The files on a record (GET), or a new one uploaded to it (POST): the same service as the API."""
    if request.method != "POST":
        kind, record = _record_open(request, key, pk, "view")
        return _files_page(request, kind, record)
    kind, record = _record_open(request, key, pk, "upload")
    form = RecordFileForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            row = files.record_file_upload(
                kind=kind,
                record=record,
                actor=user_of(request),
                upload=form.cleaned_data["file"],
                description=form.cleaned_data["description"],
            )
        except DomainError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
        else:
            messages.success(
                request, f"{row.name} is attached to {kind.label.lower()} {kind.reference(record)}."
            )
            return redirect(safe_next(request, kind.url(record)) + "#files")
    return _files_page(request, kind, record, form=form)


@any_role
def record_file_download(request: HttpRequest, key: str, pk: int, file_id: int) -> StreamingHttpResponse:
    kind, record = _record_open(request, key, pk, "download")
    row = selectors.record_file_get(key=kind.key, record_id=kind.record_id(record), file_id=file_id)
    return record_file_response(row)


@any_role
def record_file_withdraw(request: HttpRequest, key: str, pk: int, file_id: int) -> HttpResponse:
    if request.method != "POST":
        return redirect("staffing:record-files", key=key, pk=pk)
    kind, record = _record_open(request, key, pk, "withdraw")
    form = RecordFileWithdrawForm(request.POST, prefix=f"withdraw-{file_id}")
    if form.is_valid():
        try:
            row = files.record_file_withdraw(
                kind=kind,
                record=record,
                file_id=file_id,
                actor=user_of(request),
                reason=form.cleaned_data["reason"],
            )
        except DomainError as error:
            form.add_error("reason" if error.field == "reason" else None, error.message)
        else:
            messages.success(
                request, f"{row.name} is withdrawn. It is kept, with the reason, in the file's history."
            )
            return redirect(safe_next(request, kind.url(record)) + "#files")
    return _files_page(request, kind, record, withdraw=(file_id, form))
