"""Signing in: a warning before the last try, and a password reset by e-mail (Django's own views).

django-axes locks a username at one address after AXES_FAILURE_LIMIT wrong passwords. The sign-in page
says so before the last try, so nobody walks into the lock unwarned, and offers the reset instead."""

from __future__ import annotations

from typing import Any

from axes.handlers.proxy import AxesProxyHandler
from django.conf import settings
from django.contrib.auth import views as auth_views
from django.http import HttpResponse


def axes_username(request: Any, credentials: dict[str, Any] | None) -> str:
    """The username django-axes counts failures against: as sign-in finds the account whatever the case
    typed, "ALICE" and "alice" are one username to the lock too (else each spelling got its own tries)."""
    username = (credentials or {}).get("username") or request.POST.get("username", "")
    return str(username).lower()


def tries_left(request: Any, username: str) -> int:
    """How many more wrong passwords this username may have from this address before the lock."""
    failures = AxesProxyHandler.get_failures(request, {"username": username})
    return max(0, settings.AXES_FAILURE_LIMIT - failures)


class SignInView(auth_views.LoginView):
    redirect_authenticated_user = True

    def form_invalid(self, form: Any) -> HttpResponse:
        username = str(form.data.get("username", "")).strip()
        left = tries_left(self.request, username) if username else None
        return self.render_to_response(
            self.get_context_data(
                form=form, tries_left=left, cooloff_minutes=settings.AXES_COOLOFF_TIME.seconds // 60
            )
        )
