"""A third-party report saved awaiting the victim (R-NCRS-THIRD-PARTY): its page, where it is recorded
once the victim confirms or closed with a reason."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from config.exceptions import DomainError
from recording.forms.decide import AwaitingCloseForm, AwaitingRecordForm
from recording.services import awaiting
from recording.views.common import crime_staff, crumbs, request_user
from recording.views.decide import recorded_url
from staffing.access_audit import purpose_from


@crime_staff
def recording_awaiting_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """A third-party report awaiting the victim (R-NCRS-THIRD-PARTY): what waits and why, by when, and
    the two ways to decide it: record now (the victim confirms) or close with a reason."""
    user = request_user(request)
    row = awaiting.awaiting_open(
        user=user, pk=pk, purpose=purpose_from(request, "Report awaiting the victim"), path=request.path
    )
    action = request.POST.get("action") if request.method == "POST" else None
    record_form = AwaitingRecordForm(request.POST if action == "record" else None, prefix="record")
    close_form = AwaitingCloseForm(request.POST if action == "close" else None, prefix="close")
    try:
        if action == "record" and record_form.is_valid():
            made = awaiting.awaiting_record(
                awaiting_id=row.pk, actor=user, note=record_form.cleaned_data["note"]
            )
            messages.success(request, f"Recorded {len(made)} crime(s) now the victim has been spoken to.")
            return redirect(recorded_url({"crimes": [c.pk for c in made]}))
        if action == "close" and close_form.is_valid():
            awaiting.awaiting_close(awaiting_id=row.pk, actor=user, reason=close_form.cleaned_data["reason"])
            messages.success(request, "Closed without a crime; the reason is kept with the report.")
            return redirect("queue", key="recording-awaiting-victim")
    except DomainError as exc:
        form = record_form if action == "record" else close_form
        form.add_error(exc.field if exc.field in form.fields else None, exc.message)
    return render(
        request,
        "recording/awaiting_detail.html",
        {
            "row": row,
            "record_form": record_form,
            "close_form": close_form,
            "breadcrumbs": crumbs(
                ("Reports awaiting the victim", reverse("queue", args=["recording-awaiting-victim"])),
                (row.label, None),
            ),
        },
    )
