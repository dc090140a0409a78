from __future__ import annotations

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import URLPattern, URLResolver, include, path
from django.views.decorators.csp import csp_override
from django.views.generic import RedirectView
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from complaints import views as complaints_views
from config import views
from config.access import public, roles_required
from config.csp import INLINE_STYLE_CSP
from config.permissions import Role, roles_allowed
from config.sign_in import SignInView

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
    path("complain/", complaints_views.complain, name="complain"),
    path("queues/<slug:key>/", views.queue_list, name="queue"),
    # The rule catalogue under the address people guess (and cite in notes): /rules/ and /rules/<ID>/.
    path(
        "rules/",
        roles_required(*Role.ALL)(RedirectView.as_view(pattern_name="staffing:rule-list", query_string=True)),
        name="rules",
    ),
    path(
        "rules/<str:code>/",
        roles_required(*Role.ALL)(RedirectView.as_view(pattern_name="staffing:rule-detail")),
        name="rule",
    ),
    path("accounts/login/", public(SignInView.as_view()), name="login"),
    # Django's own password reset by e-mail (templates/registration/password_reset_*.html).
    path(
        "accounts/password-reset/",
        public(auth_views.PasswordResetView.as_view()),
        name="password_reset",
    ),
    path(
        "accounts/password-reset/sent/",
        public(auth_views.PasswordResetDoneView.as_view()),
        name="password_reset_done",
    ),
    path(
        "accounts/reset/<uidb64>/<token>/",
        public(auth_views.PasswordResetConfirmView.as_view()),
        name="password_reset_confirm",
    ),
    path(
        "accounts/reset/done/",
        public(auth_views.PasswordResetCompleteView.as_view()),
        name="password_reset_complete",
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
