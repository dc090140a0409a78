from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from config.access import roles_required
from config.permissions import Role
from staffing import selectors


@roles_required(*Role.SUPERVISORS)
def team_list(request: HttpRequest) -> HttpResponse:
    return render(request, "staffing/team_list.html", {"teams": selectors.team_list()})
