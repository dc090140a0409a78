"""Optimistic concurrency: "two people editing the same record: the second is told, nothing is silently
overwritten".

Convention: a model people edit in forms gets `version = models.PositiveIntegerField(default=1)`.
The edit form / input serializer carries the version the person loaded (a hidden field `version`);
the service saves through `save_with_version`, which refuses when someone else saved in between:

    @transaction.atomic
    def team_update(*, team_id: int, actor: User, name: str, version: int) -> Team:
        team = Team.objects.get(pk=team_id)
        team.name = name
        team._change_reason = "Team renamed"
        save_with_version(team, expected_version=version, fields=["name"])
        return team

The refusal is a DomainError on the field "version", so an API answers 400 {"version": [...]} and an
HTML view shows it at the top of the form, like any other domain error.

It locks the row (SELECT ... FOR UPDATE) and compares versions before saving, instead of a bare
conditional UPDATE: a queryset update() bypasses django-simple-history and would leave no audit row."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import models, transaction

from config.exceptions import DomainError

VERSION_FIELD = "version"
STALE_MESSAGE = (
    "This record was changed by someone else after you opened it. Your changes were not saved: "
    "reload it to see the current version, then make your changes again."
)


def save_with_version(obj: models.Model, *, expected_version: int, fields: Iterable[str]) -> None:
    """Save `fields` of `obj` and bump its version, if the stored version is still `expected_version`.
    Raises DomainError(field="version") and changes nothing otherwise."""
    model = type(obj)
    update_fields = [name for name in fields if name != VERSION_FIELD]
    with transaction.atomic():
        stored = (
            model._default_manager.select_for_update()
            .filter(pk=obj.pk)
            .values_list(VERSION_FIELD, flat=True)
            .first()
        )
        if stored is None or stored != expected_version:
            raise DomainError(STALE_MESSAGE, field=VERSION_FIELD)
        setattr(obj, VERSION_FIELD, expected_version + 1)
        update_fields.append(VERSION_FIELD)
        if "updated_at" in {f.name for f in model._meta.concrete_fields}:
            update_fields.append("updated_at")
        obj.save(update_fields=update_fields)
