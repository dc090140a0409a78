"""Sergeants' queues: reclassifications, cancellations and transfers awaiting a decision."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from config.listing import list_page, safe_next
from config.permissions import Role
from config.queues import queue_page
from recording import selectors
from recording.forms.changes import CancellationDecideForm, DecideForm, TransferDecideForm, TransferInForm
from recording.models import (
    CancellationRequest,
    ClassificationChange,
    CrimeTransfer,
)
from recording.permissions import is_ddm
from recording.queues import (
    CANCELLATIONS,
    CRIMES_TO_ALLOCATE,
    RECLASSIFICATIONS,
    TO_ALLOCATE,
    TRANSFERS_IN,
    TRANSFERS_TO_ALLOCATE,
    decided_list,
)
from recording.services import cancellation, reclassification, transfers
from recording.views.common import (
    PAGE_SIZE,
    crime_for_view,
    crime_staff,
    crumbs,
    form_page,
    request_user,
    supervisors,
)

# ---------------------------------------------------------------- sergeants' queues
# Each list of changes awaiting a decision opens in its home queue's order (recording.queues: the risk of
# the crime concerned, then the oldest), with that queue's sortable columns and ordering note; a list of
# decided ones opens the oldest first (recording.queues.decided_list). Decisions return to the same page.


@crime_staff
def reclassification_list(request: HttpRequest) -> HttpResponse:
    status = request.GET.get("status", "proposed")
    qs = selectors.reclassification_list(
        user=request_user(request), status=status if status in ClassificationChange.Status.values else ""
    )
    waiting = status == ClassificationChange.Status.PROPOSED
    queue = RECLASSIFICATIONS if waiting else decided_list(RECLASSIFICATIONS, "proposed")
    listing = list_page(
        request, qs, columns=queue.columns, default_sort=queue.default_sort, per_page=PAGE_SIZE
    )
    user = request_user(request)
    return render(
        request,
        "recording/reclassification_list.html",
        {
            "queue": queue,
            "listing": listing,
            "page": listing.page,
            "status": status,
            "statuses": ClassificationChange.Status.choices[1:],
            # "Decide" only where the service would accept this person's decision (issue 17).
            "decidable": {
                c.pk
                for c in listing.page
                if reclassification.reclassification_refusal(change=c, actor=user) is None
            },
            "breadcrumbs": crumbs(("Reclassifications", None)),
        },
    )


@supervisors
def reclassification_decide(request: HttpRequest, pk: int) -> HttpResponse:
    change = get_object_or_404(
        ClassificationChange.objects.select_related("crime", "from_offence", "to_offence"), pk=pk
    )
    crime = crime_for_view(request, change.crime_id, "Reclassification decision")
    refusal = reclassification.reclassification_refusal(change=change, actor=request_user(request))
    if refusal and change.status == ClassificationChange.Status.PROPOSED:
        raise PermissionDenied(refusal)
    back = safe_next(request, reverse("recording:reclassification-list"))

    def done(data: dict[str, Any]) -> HttpResponse:
        reclassification.reclassification_decide(
            change=change, actor=request_user(request), approve=data["approve"], note=data["note"]
        )
        messages.success(request, "Decision recorded.")
        return redirect(back)

    return form_page(
        request,
        DecideForm(request.POST or None),
        title=f"Reclassify {crime.crime_number}: {change.from_offence} → {change.to_offence}?",
        intro=f"Reason given: {change.reason}",
        breadcrumbs=crumbs(("Reclassifications", back), ("Decide", None)),
        submit="Record decision",
        on_valid=done,
        context={"crime": crime},
    )


@crime_staff
def cancellation_list(request: HttpRequest) -> HttpResponse:
    status = request.GET.get("status", "pending")
    qs = selectors.cancellation_list(
        user=request_user(request), status=status if status in CancellationRequest.Status.values else ""
    )
    waiting = status == CancellationRequest.Status.PENDING
    queue = CANCELLATIONS if waiting else decided_list(CANCELLATIONS, "requested")
    listing = list_page(
        request, qs, columns=queue.columns, default_sort=queue.default_sort, per_page=PAGE_SIZE
    )
    actor = request_user(request)
    ddm = is_ddm(actor)
    # "Decide" is offered on a row only when this person may decide it (issue 15: no link to a 403);
    # otherwise the row says why not, in the service's words.
    for r in listing.items:  # the page's rows, evaluated once: the template reads these instances
        r.decide_refusal = (
            cancellation.cancellation_refusal(request=r, actor=actor, holds_ddm=ddm) or ""
            if r.status == CancellationRequest.Status.PENDING
            else ""
        )
    return render(
        request,
        "recording/cancellation_list.html",
        {
            "queue": queue,
            "listing": listing,
            "page": listing.page,
            "status": status,
            "statuses": CancellationRequest.Status.choices,
            "breadcrumbs": crumbs(("Cancellations", None)),
        },
    )


@crime_staff
def cancellation_decide(request: HttpRequest, pk: int) -> HttpResponse:
    req = get_object_or_404(CancellationRequest.objects.select_related("crime__offence", "criterion"), pk=pk)
    crime = crime_for_view(request, req.crime_id, "Cancellation decision")
    refusal = cancellation.cancellation_refusal(request=req, actor=request_user(request))
    if refusal and req.status == CancellationRequest.Status.PENDING:
        raise PermissionDenied(refusal)
    back = safe_next(request, reverse("recording:cancellation-list"))

    def done(data: dict[str, Any]) -> HttpResponse:
        cancellation.cancellation_decide(
            request=req,
            actor=request_user(request),
            approve=data["approve"],
            note=data["note"],
            victim_informed=data["victim_informed"],
        )
        messages.success(request, "Decision recorded.")
        return redirect(back)

    return form_page(
        request,
        CancellationDecideForm(request.POST or None),
        title=f"Cancel {crime.crime_number} under {req.criterion.code}?",
        intro=f"Evidence: {req.evidence}"
        + (f" — AVI: {req.avi}" if req.avi else "")
        + (f" — duplicate of {req.duplicate_of}" if req.duplicate_of else ""),
        breadcrumbs=crumbs(("Cancellations", back), ("Decide", None)),
        submit="Record decision",
        on_valid=done,
        context={"crime": crime},
    )


@crime_staff
def transfer_list(request: HttpRequest) -> HttpResponse:
    status = request.GET.get("status", "pending")
    direction = request.GET.get("direction", "")
    direction = direction if direction in CrimeTransfer.Direction.values else ""
    qs = selectors.transfer_list(
        user=request_user(request),
        status=status if status in CrimeTransfer.Status.values else "",
        direction=direction,
    )
    # TRANSFERS_IN: the same columns and order as TRANSFERS_OUT.
    waiting = status == CrimeTransfer.Status.PENDING
    queue = TRANSFERS_IN if waiting else decided_list(TRANSFERS_IN, "requested")
    listing = list_page(
        request, qs, columns=queue.columns, default_sort=queue.default_sort, per_page=PAGE_SIZE
    )
    return render(
        request,
        "recording/transfer_list.html",
        {
            "queue": queue,
            "listing": listing,
            "page": listing.page,
            "status": status,
            "statuses": CrimeTransfer.Status.choices,
            "direction": direction,
            "directions": CrimeTransfer.Direction.choices,
            "is_supervisor": request_user(request).role in Role.SUPERVISORS,
            "decidable": {
                t.pk
                for t in listing.page
                if transfers.transfer_refusal(transfer=t, actor=request_user(request)) is None
            },
            "breadcrumbs": crumbs(("Transfers", None)),
        },
    )


@supervisors
def transfer_incoming(request: HttpRequest) -> HttpResponse:
    def done(data: dict[str, Any]) -> HttpResponse:
        transfers.transfer_in_register(
            actor=request_user(request),
            force_code=data["force"],
            their_reference=data["their_reference"],
            offence_code=data["offence"].strip().upper(),
            reported_at=data["reported_at"],
            summary=data["summary"],
            victim_name=data["victim_name"],
        )
        messages.success(request, "Incoming transfer registered; accept it to record the crime here.")
        return redirect("recording:transfer-list")

    return form_page(
        request,
        TransferInForm(request.POST or None),
        title="Register an incoming transfer",
        intro="Another force passes us a crime that happened in our area (R-TRANSFER-PROTOCOL).",
        breadcrumbs=crumbs(("Transfers", reverse("recording:transfer-list")), ("Incoming", None)),
        submit="Register",
        on_valid=done,
        context={"forces": selectors.force_list()},
    )


@supervisors
def transfer_decide(request: HttpRequest, pk: int) -> HttpResponse:
    transfer = get_object_or_404(
        selectors.transfer_visible(user=request_user(request)).select_related("crime", "force", "offence"),
        pk=pk,
    )
    crime = crime_for_view(request, transfer.crime_id, "Transfer decision") if transfer.crime_id else None
    refusal = transfers.transfer_refusal(transfer=transfer, actor=request_user(request))
    if refusal and transfer.status == CrimeTransfer.Status.PENDING:
        raise PermissionDenied(refusal)
    back = safe_next(request, reverse("recording:transfer-list"))

    def done(data: dict[str, Any]) -> HttpResponse:
        transfers.transfer_decide(
            transfer=transfer,
            actor=request_user(request),
            accept=data["accept"],
            their_reference=data["their_reference"],
            note=data["note"],
        )
        messages.success(request, "Transfer decision recorded.")
        return redirect(back)

    what = transfer.crime.crime_number if transfer.crime else transfer.their_reference
    direction = "to" if transfer.direction == CrimeTransfer.Direction.OUTGOING else "from"
    return form_page(
        request,
        TransferDecideForm(request.POST or None),
        title=f"Transfer of {what} {direction} {transfer.force}",
        breadcrumbs=crumbs(("Transfers", back), ("Decide", None)),
        submit="Record decision",
        on_valid=done,
        # The crime the decision is about, linked; an incoming one not yet accepted shows what was sent.
        context={"crime": crime, "transfer": transfer},
    )


# ---------------------------------------------------------------- work to allocate
@supervisors
def to_allocate(request: HttpRequest) -> HttpResponse:
    """Work nobody has been given yet: open crimes with no investigator (riskiest first, then oldest)
    or, with ?kind=transfers, pending transfers nobody is arranging. Every item, page by page: the
    home counts open these same lists (recording.queues)."""
    queue = TRANSFERS_TO_ALLOCATE if request.GET.get("kind") == "transfers" else CRIMES_TO_ALLOCATE
    # The tabs name the other kind of work without counting it (the home page has the counts): a
    # count of a long queue is not free, and this page counts only the list it shows.
    tabs = [{"key": q.key, "label": q.label, "url": q.url} for q in TO_ALLOCATE]
    return queue_page(request, queue, tabs=tabs)
