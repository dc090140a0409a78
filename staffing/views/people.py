"""A person's own page (profile and API key) and the personnel notes kept about them."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from config.access import roles_required
from config.exceptions import DomainError
from config.permissions import Role
from staffing import services
from staffing.authentication import api_key_works
from staffing.forms import (
    PersonnelNoteForm,
)
from staffing.models import ApiKey, PersonnelNote, User
from staffing.permissions import can_view_personnel_notes
from staffing.views.common import crumbs, form_error, user_of


@roles_required(*Role.ALL)
def profile(request: HttpRequest) -> HttpResponse:
    """Who you are, and your API key: make or rotate it here (shown once, never stored), or revoke it.
    Nobody else can make a key for you, so nobody else can act as you through the API."""
    actor = user_of(request)
    new_key = ""
    if request.method == "POST":
        action = request.POST.get("action")
        api_key = ApiKey.objects.filter(user=actor).first()
        if action == "issue":
            new_key = services.api_key_issue(user=actor, actor=actor)
        elif action == "revoke" and api_key is not None:
            services.api_key_revoke(api_key=api_key, actor=actor, reason="Revoked by its owner")
            messages.success(request, "Your API key is revoked. It no longer works.")
            return redirect("staffing:profile")
        else:
            return redirect("staffing:profile")
    api_key = ApiKey.objects.filter(user=actor).select_related("revoked_by").first()
    response = render(
        request,
        "staffing/profile.html",
        {
            "person": actor,
            "api_key": api_key,
            "key_works": api_key is not None and api_key_works(api_key),
            "new_key": new_key,
            "breadcrumbs": crumbs(("Your profile", None)),
        },
    )
    if new_key:  # the key is on this page only: never cached anywhere
        response["Cache-Control"] = "no-store"
    return response


@roles_required(*Role.ALL)  # who may see whose notes is decided per record (404 otherwise)
def personnel_notes(request: HttpRequest, user_id: int) -> HttpResponse:
    """A person's appraisal and welfare notes: their own sergeant and managers/admins only (anyone else
    gets 404, as for a record they may not know exists). Every view is logged."""
    actor = user_of(request)

    def find() -> User:
        subject = get_object_or_404(User.objects.select_related("team"), pk=user_id)
        if not can_view_personnel_notes(actor, subject):
            raise Http404("No such person")
        return subject

    # Opened (and logged) before anything is read or added, whether the page is shown or posted to.
    subject = services.open_logged(
        user=actor,
        find=find,
        record_type="personnel_notes",
        label=str,
        purpose="Supervision",
        path=request.path,
    )
    form = PersonnelNoteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.personnel_note_add(subject=subject, actor=actor, **form.cleaned_data)
        except DomainError as exc:
            form_error(form, exc)
        else:
            messages.success(request, "Note added.")
            return redirect("staffing:personnel-notes", user_id=subject.pk)
    notes = PersonnelNote.objects.filter(subject=subject).select_related("written_by")
    trail: list[tuple[str, str | None]] = []
    if subject.team is not None:
        trail.append((subject.team.code, reverse("staffing:team-detail", args=[subject.team.code])))
    return render(
        request,
        "staffing/personnel_notes.html",
        {
            "subject": subject,
            "notes": notes,
            "form": form,
            "breadcrumbs": crumbs(*trail, (str(subject), None)),
        },
    )
