"""Amendments an audit asked for: the list, fixing one (the investigator) and confirming it (a
supervisor)."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone

from config.access import roles_required
from config.exceptions import DomainError
from config.listing import Column, list_page
from config.permissions import Role, user_has_role
from qa import forms, selectors
from qa import history as qa_history
from qa.models import Amendment
from qa.services import dip_test as dip_services
from qa.views.common import actor_of, apply_form, crumbs, supervisors

AMENDMENT_COLUMNS = [
    Column("record", "Record", ("finding__sample__label",)),
    Column("error", "Error", ("finding__error_type", "due_on")),
    Column("owner", "Owner", ("owner__last_name", "owner__first_name", "due_on")),
    Column("due", "Due", ("due_on",)),
    Column("status", "Status", ("status", "due_on")),
    Column("action", "Action"),
]


@roles_required(Role.INVESTIGATOR, *Role.SUPERVISORS)
def amendment_list(request: HttpRequest) -> HttpResponse:
    """Amendments to put right, the one due soonest first (R-DIP-TEST); any dated column re-sorts."""
    listing = list_page(
        request,
        selectors.amendment_list(user=actor_of(request)),
        columns=AMENDMENT_COLUMNS,
        default_sort="due",
    )
    return render(
        request,
        "qa/amendment_list.html",
        {
            "listing": listing,
            "page": listing.page,
            "today": timezone.localdate(),
            "fix_form": forms.AmendmentFixForm(),
            "is_supervisor": user_has_role(request.user, Role.SUPERVISORS),
            "breadcrumbs": crumbs(("Home", reverse("home")), ("Amendments", None)),
        },
    )


def _record_links(amendment: Amendment) -> list[tuple[str, str]]:
    """The crimes the amendment's error concerns, with their pages, so the fixer can correct them."""
    crimes = qa_history.sample_crimes(
        amendment.finding.sample, wider=amendment.finding.error_type in qa_history.COUNTING_ERRORS
    )
    return [(crime.crime_number, reverse("recording:crime-detail", args=[crime.pk])) for crime in crimes]


@roles_required(Role.INVESTIGATOR, *Role.SUPERVISORS)
def amendment_fix(request: HttpRequest, pk: int) -> HttpResponse:
    """Mark an amendment fixed: the page shows what the record's history says changed since the error
    was found; without a change the fixer must say why none is needed (qa.services.dip_test)."""
    amendment = get_object_or_404(selectors.amendment_list(user=actor_of(request)), pk=pk)
    if amendment.status != Amendment.Status.OPEN:
        messages.info(request, f"This amendment is {amendment.get_status_display().lower()}.")
        return redirect("qa:amendment-list")
    form = forms.AmendmentFixForm(request.POST or None)
    if request.method == "POST" and apply_form(
        form,
        lambda: dip_services.amendment_mark_fixed(
            amendment_id=amendment.pk,
            note=form.cleaned_data["note"],
            no_change_needed=form.cleaned_data["no_change_needed"],
            actor=actor_of(request),
        ),
    ):
        messages.success(request, "Amendment marked fixed; a sergeant other than you will confirm it.")
        return redirect("qa:amendment-list")
    return render(
        request,
        "qa/amendment_fix.html",
        {
            "amendment": amendment,
            "form": form,
            "changes": qa_history.amendment_changes(amendment),
            "records": _record_links(amendment),
            "breadcrumbs": crumbs(
                ("Home", reverse("home")), ("Amendments", reverse("qa:amendment-list")), ("Mark fixed", None)
            ),
        },
        status=400 if request.method == "POST" else 200,
    )


@supervisors
def amendment_confirm(request: HttpRequest, pk: int) -> HttpResponse:
    """Check a fix before confirming it: the error, the fixer's note (or reason no change was needed) and
    the record's before and after from its history. The person who marked it fixed cannot confirm it."""
    amendment = get_object_or_404(selectors.amendment_list(user=actor_of(request)), pk=pk)
    if request.method == "POST":
        try:
            dip_services.amendment_confirm(amendment_id=amendment.pk, actor=actor_of(request))
        except DomainError as err:
            messages.error(request, err.message)
            return redirect("qa:amendment-confirm", pk=amendment.pk)
        messages.success(request, f"Fix of {amendment.finding.sample.label} confirmed.")
        return redirect("qa:amendment-list")
    return render(
        request,
        "qa/amendment_confirm.html",
        {
            "amendment": amendment,
            "changes": qa_history.amendment_changes(amendment),
            "records": _record_links(amendment),
            "refusal": dip_services.amendment_confirm_refusal(amendment=amendment, actor=actor_of(request)),
            "breadcrumbs": crumbs(
                ("Home", reverse("home")),
                ("Amendments", reverse("qa:amendment-list")),
                ("Check the fix", None),
            ),
        },
    )
