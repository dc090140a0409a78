from __future__ import annotations

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import URLPattern, URLResolver, include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView

from config import views

api_patterns: list[URLPattern | URLResolver] = [
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", SpectacularSwaggerView.as_view(url_name="api:schema"), name="docs"),
    path("", include("staffing.api_urls")),
    path("", include("recording.api_urls")),
    path("", include("complaints.api_urls")),
    path("", include("qa.api_urls")),
]

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz/", views.healthz, name="healthz"),
    path("accounts/login/", auth_views.LoginView.as_view(redirect_authenticated_user=True), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("api/v1/", include((api_patterns, "api"))),
    path("staffing/", include("staffing.urls")),
    path("recording/", include("recording.urls")),
    path("complaints/", include("complaints.urls")),
    path("qa/", include("qa.urls")),
    path("admin/", admin.site.urls),
]
