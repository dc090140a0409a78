"""The offence-code reference page."""

from __future__ import annotations

from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from recording.models import (
    Offence,
)
from recording.views.common import crime_staff


@crime_staff
def offence_list(request: HttpRequest) -> HttpResponse:
    """The HO offence classifications, searchable by code, title or category (recorders look codes up)."""
    q = request.GET.get("q", "").strip()
    offences = Offence.objects.all()
    if q:
        offences = offences.filter(Q(code__iexact=q) | Q(title__icontains=q) | Q(category__icontains=q))
    return render(request, "recording/offence_list.html", {"offences": offences, "q": q})
