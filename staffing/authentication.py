"""API keys: `Authorization: Token <key>` (the contract's DRF token scheme) checked against a digest.

A key is stored only as its SHA-256 digest, so nobody who can read the database or the admin site can
act as its owner, and the access log always names the person who really made the request. A key stops
working when its owner's password or role changes: the key carries a digest of both as they were when it
was made, compared on every request, so no path that changes them (the admin, a password reset, a
command, a raw update) can leave an old key working."""

from __future__ import annotations

import hashlib
import hmac
from typing import TYPE_CHECKING, Any

from rest_framework.authentication import TokenAuthentication
from rest_framework.exceptions import AuthenticationFailed

if TYPE_CHECKING:  # DRF imports this module from the settings, before the models are ready
    from staffing.models import ApiKey, User


def key_digest(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()


def credentials_digest(user: User) -> str:
    """What a key is bound to: the stored password hash (salted; a new password gives a new one) and
    the role."""
    return hashlib.sha256(f"{user.password}\x00{user.role}".encode()).hexdigest()


def api_key_works(api_key: ApiKey) -> bool:
    """Not revoked, and the owner's password and role are those it was made under."""
    return api_key.revoked_at is None and hmac.compare_digest(
        api_key.credentials, credentials_digest(api_key.user)
    )


class ApiKeyAuthentication(TokenAuthentication):
    """DRF's token scheme (same header, same 401 with `WWW-Authenticate: Token`) over `ApiKey`."""

    keyword = "Token"

    def authenticate_credentials(self, key: str) -> tuple[User, Any]:
        from staffing.models import ApiKey

        api_key = ApiKey.objects.select_related("user").filter(digest=key_digest(key)).first()
        if api_key is None or api_key.revoked_at is not None:
            raise AuthenticationFailed("Invalid token.")
        if not api_key.user.is_active:
            raise AuthenticationFailed("User inactive or deleted.")
        if not api_key_works(api_key):
            raise AuthenticationFailed(
                "This key stopped working when its owner's password or role changed. "
                "Make a new one on your profile page."
            )
        return api_key.user, api_key
