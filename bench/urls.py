"""The bench's URLconf (bench/settings.py): the product's own routes, and two bare endpoints that give
each page and API figure its framework floor (issue 24 part 3). They live here, not in config/urls.py,
so the product serves no bench endpoint.

- /bench/bare/page/: an authenticated page through every middleware, the role check every page makes
  (`roles_required`), the context processors and base.html around one heading: what any page pays
  before it reads or renders anything of its own.
- /bench/bare/api/: an authenticated DRF view with the product's authentication (API key or session),
  a role check like every API view (`roles_allowed`), its parsers (a POST's JSON body is parsed) and its
  JSON renderer, answering a constant."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import URLPattern, URLResolver, include, path
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from config.access import roles_required
from config.permissions import Role, roles_allowed

BARE_PAGE_PATH = "/bench/bare/page/"
BARE_API_PATH = "/bench/bare/api/"


@roles_required(*Role.ALL)
def bare_page(request: HttpRequest) -> HttpResponse:
    return render(request, "bench/bare.html")


class BareApi(APIView):
    permission_classes = [roles_allowed(*Role.ALL)]

    def get(self, request: Request) -> Response:
        return Response({"ok": True})

    def post(self, request: Request) -> Response:
        data: Any = request.data  # parsed, as every POST endpoint's body is
        return Response({"ok": True, "fields": len(data)})


urlpatterns: list[URLPattern | URLResolver] = [
    path(BARE_PAGE_PATH.strip("/") + "/", bare_page, name="bench-bare-page"),
    path(BARE_API_PATH.strip("/") + "/", BareApi.as_view(), name="bench-bare-api"),
    path("", include("config.urls")),
]
handler500 = "config.views.server_error"  # config.urls' own, which Django reads from the root URLconf
