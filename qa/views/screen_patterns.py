"""The managers' page for the hidden-crime screen's patterns (issue 21 part 1): read the version in
force, edit it, publish a new version (checked by compiling it), and see every version published."""

from __future__ import annotations

from typing import cast

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from config.access import roles_required
from config.exceptions import DomainError
from config.inputs import allows_long_text
from config.permissions import Role
from qa import forms, selectors
from qa.screen.defaults import default_pattern_text
from qa.services import screen_patterns as pattern_services
from staffing.models import User


@allows_long_text("text")  # the whole pattern document (the shipped one is ~90,000 characters)
@roles_required(Role.MANAGER, Role.ADMIN)
def screen_patterns(request: HttpRequest) -> HttpResponse:
    versions = list(selectors.screen_pattern_versions()[:50])
    current_text = versions[0].text if versions else default_pattern_text()
    form = forms.ScreenPatternsForm(request.POST or None, initial={"text": current_text})
    if request.method == "POST" and form.is_valid():
        try:
            row = pattern_services.screen_patterns_publish(
                actor=cast(User, request.user), text=form.cleaned_data["text"], note=form.cleaned_data["note"]
            )
        except DomainError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
        else:
            messages.success(request, f"Version {row.version} of the screen's patterns is now in force.")
            return redirect("qa:screen-patterns")
    in_force = selectors.screen_patterns_current()
    return render(
        request,
        "qa/screen_patterns.html",
        {
            "form": form,
            "versions": versions,
            "in_force": in_force,
            "shipped": not versions,
            "counts": {
                "offence patterns": len(in_force.patterns),
                "cue groups": len(in_force.groups),
                "fact cues": len(in_force.facts),
                "contexts": len(in_force.contexts),
            },
        },
    )
