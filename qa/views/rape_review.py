"""The daily rape review (R-RAPE-RECORD; restricted: every view logged)."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from config.listing import Column, list_page, safe_next
from qa import forms, rules, selectors
from qa.models import RapeReview
from qa.services import rape_review as rape_services
from qa.views.common import actor_of, apply_form, crumbs, supervisors
from staffing.services import access_log_records, open_logged

RAPE_COLUMNS = [
    Column("record", "Record", ("label",)),
    Column("type", "Type"),
    Column("day", "Day", ("review_date", "queued_at")),
    Column("queued", "Queued", ("queued_at",)),
]
RAPE_REVIEWED_COLUMNS = [
    *RAPE_COLUMNS,
    Column("reviewed", "Reviewed", ("reviewed_at",)),
    Column("decision", "Decision", ("decision",)),
    Column("advice", "Advice to"),
]


@supervisors
def rape_review_list(request: HttpRequest) -> HttpResponse:
    reviewed = request.GET.get("reviewed") == "1"
    listing = list_page(
        request,
        selectors.rape_review_queue(reviewed=reviewed),
        columns=RAPE_REVIEWED_COLUMNS if reviewed else RAPE_COLUMNS,
        default_sort="-reviewed" if reviewed else "queued",
    )
    page = listing.page
    # Each row names a victim with their number: every review shown is logged as viewed (one insert), so
    # a search of the access log for a record finds this page as well as the review's own.
    access_log_records(
        user=actor_of(request),
        record_type="qa.RapeReview",
        records=[(review.pk, review.label) for review in listing.items],
        purpose=f"Daily rape review (R-RAPE-RECORD), {'reviewed' if reviewed else 'to review'} list",
        path=request.get_full_path(),
    )
    return render(
        request,
        "qa/rape_review_list.html",
        {
            "listing": listing,
            "page": page,
            "reviewed": reviewed,
            "breadcrumbs": crumbs(("Home", reverse("home")), ("Rape review", None)),
        },
    )


@supervisors
def rape_review_detail(request: HttpRequest, pk: int) -> HttpResponse:
    review = open_logged(
        user=actor_of(request),
        find=lambda: get_object_or_404(
            RapeReview.objects.select_related(
                "incident__nsir_code", "crime__offence", "awaiting", "reviewed_by"
            ),
            pk=pk,
        ),
        record_type="qa.RapeReview",
        label=lambda review: review.label,
        purpose="Daily rape review (R-RAPE-RECORD)",
        path=request.path,
    )
    back = safe_next(request, reverse("qa:rape-review-list"))
    form = forms.RapeReviewForm(request.POST or None, initial={"victim_age": review.victim_age})
    refusal = "" if review.reviewed_at else rape_services.rape_review_refusal(actor_of(request))
    if request.method == "POST" and refusal:
        messages.error(request, refusal)
        return redirect("qa:rape-review-detail", pk=review.pk)
    if request.method == "POST" and apply_form(
        form,
        lambda: rape_services.rape_review_record(
            review_id=review.pk,
            decision=form.cleaned_data["decision"],
            decision_note=form.cleaned_data["decision_note"],
            victim_age=form.cleaned_data["victim_age"],
            advice=form.cleaned_data["advice"],
            actor=actor_of(request),
        ),
    ):
        messages.success(request, f"{review.label} marked reviewed.")
        return redirect(back)
    return render(
        request,
        "qa/rape_review_detail.html",
        {
            "review": review,
            "back": back,
            "form": form,
            "suggested_team": RapeReview.AdviceTeam(rules.abuse_team_for(review.victim_age)).label,
            "refusal": refusal,
            "breadcrumbs": crumbs(
                ("Home", reverse("home")),
                ("Rape review", back),
                (review.label, None),
            ),
        },
        status=400 if request.method == "POST" else 200,
    )
