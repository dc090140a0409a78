"""The offence reference page: Home Office classes and the offence codes under them."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from recording import selectors
from recording.views.common import crime_staff


@crime_staff
def offence_list(request: HttpRequest) -> HttpResponse:
    """Classes and Home Office offence codes, searchable by code, title, legislation or category
    (recorders look codes up: "assault", "burglary", "8N", "125/9")."""
    q = request.GET.get("q", "").strip()
    return render(request, "recording/offence_list.html", {"offences": selectors.offence_search(q), "q": q})
