"""Every write to API keys: its owner makes or rotates one; an administrator only revokes."""

from __future__ import annotations

import secrets

from django.db import transaction
from django.utils import timezone

from config.exceptions import DomainError
from staffing.authentication import credentials_digest, key_digest
from staffing.models import ApiKey, User


@transaction.atomic
def api_key_issue(*, user: User, actor: User | None) -> str:
    """Make the user's key, or replace the one they had (the old one stops working at once). Returns the
    key itself: the only time anyone sees it. Only its owner makes a key (`actor` None is the operator
    at the console, through `create_user --token`), so nobody can hold a key to act as someone else."""
    if actor is not None and actor.pk != user.pk:
        raise DomainError("Only its owner makes or rotates an API key.", field="user")
    key = secrets.token_hex(20)
    api_key = ApiKey.objects.select_for_update().filter(user=user).first()
    rotated = api_key is not None
    if api_key is None:
        api_key = ApiKey(user=user)
    api_key.digest = key_digest(key)
    api_key.prefix = key[:8]
    api_key.credentials = credentials_digest(user)
    api_key.created_at = timezone.now()
    api_key.revoked_at = None
    api_key.revoked_by = None
    how = "at the console" if actor is None else "by its owner"
    api_key._change_reason = f"Key {'rotated' if rotated else 'made'} {how}"  # type: ignore[attr-defined]
    api_key.save()
    return key


@transaction.atomic
def api_key_revoke(*, api_key: ApiKey, actor: User, reason: str) -> ApiKey:
    """Stop a key working (its owner may make a new one). Administrators revoke anyone's; an owner their
    own."""
    if actor.role != User.Role.ADMIN and actor.pk != api_key.user_id:
        raise DomainError("Only an administrator or its owner revokes an API key.", field="user")
    if not reason.strip():
        raise DomainError("Say why the key is revoked.", field="reason")
    api_key = ApiKey.objects.select_for_update().get(pk=api_key.pk)
    if api_key.revoked_at is not None:
        return api_key
    api_key.revoked_at = timezone.now()
    api_key.revoked_by = actor
    api_key._change_reason = f"Revoked by {actor.username}: {reason.strip()}"  # type: ignore[attr-defined]
    api_key.save(update_fields=["revoked_at", "revoked_by"])
    return api_key
