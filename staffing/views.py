from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from staffing import selectors


@login_required
def team_list(request: HttpRequest) -> HttpResponse:
    return render(request, "staffing/team_list.html", {"teams": selectors.team_list()})
