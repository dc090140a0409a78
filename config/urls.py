from __future__ import annotations

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import URLPattern, URLResolver, include, path
from django.views.decorators.csp import csp_override
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from config import views
from config.access import public, roles_required
from config.csp import INLINE_STYLE_CSP
from config.permissions import Role, roles_allowed

# The schema and the docs describe endpoints, not records, but they map the attack surface of a system
# holding victims' details, so they need a sign-in (a token or a session) like everything else.
api_patterns: list[URLPattern | URLResolver] = [
    path("schema/", SpectacularAPIView.as_view(permission_classes=[roles_allowed(*Role.ALL)]), name="schema"),
    path(
        "docs/",
        roles_required(*Role.ALL)(
            # The split view serves its start-up script as a separate file: no inline script. Swagger UI
            # sets inline styles as it renders, so this one page allows inline *styles* (never scripts).
            csp_override(INLINE_STYLE_CSP)(
                SpectacularSwaggerSplitView.as_view(
                    url_name="api:schema", template_name="api/swagger_ui.html"
                )
            )
        ),
        name="docs",
    ),
    path("", include("staffing.api_urls")),
    path("", include("recording.api_urls")),
    path("", include("complaints.api_urls")),
    path("", include("qa.api_urls")),
]

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz/", views.healthz, name="healthz"),
    # Clients that ignore the page's <link rel="icon"> ask for /favicon.ico on every page.
    path("favicon.ico", views.favicon, name="favicon"),
    path("queues/<slug:key>/", views.queue_list, name="queue"),
    path(
        "accounts/login/",
        public(auth_views.LoginView.as_view(redirect_authenticated_user=True)),
        name="login",
    ),
    path("accounts/logout/", public(auth_views.LogoutView.as_view()), name="logout"),
    path("api/v1/", include((api_patterns, "api"))),
    path("staffing/", include("staffing.urls")),
    path("recording/", include("recording.urls")),
    path("complaints/", include("complaints.urls")),
    path("qa/", include("qa.urls")),
    path("admin/", admin.site.urls),
]

handler500 = "config.views.server_error"
