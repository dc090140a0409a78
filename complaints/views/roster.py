"""The managers' roster page: upload a CSV of officers and staff (issue 23 part 3)."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from complaints import forms
from complaints.models import RosterPerson
from complaints.services.roster import roster_import
from complaints.views.common import me
from config.access import roles_required
from config.exceptions import DomainError
from config.permissions import Role


@roles_required(Role.MANAGER, Role.ADMIN)
def roster_page(request: HttpRequest) -> HttpResponse:
    form = forms.RosterUploadForm(request.POST or None, request.FILES or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                text = form.cleaned_data["file"].read().decode("utf-8-sig")
                done = roster_import(actor=me(request), text=text)
            except UnicodeDecodeError:
                form.add_error("file", "The file is not UTF-8 text: save it as CSV UTF-8.")
            except DomainError as exc:
                form.add_error("file", exc.message)
            else:
                counts = f"{done['rows']} rows, {done['added']} added, {done['updated']} updated"
                messages.success(request, f"Roster imported: {counts}.")
                return redirect("complaints:roster")
        status = 400
    people = RosterPerson.objects.all()
    return render(request, "complaints/roster.html", {"form": form, "people": people}, status=status)
