"""Read-only API views over reference code tables, built the same way for every app's tables."""

from __future__ import annotations

from typing import Any

from django.db.models import Model
from rest_framework import serializers
from rest_framework.generics import ListAPIView

from config.permissions import Role, roles_allowed


def reference_list_api(model: type[Model], fields: list[str], *, roles: tuple[str, ...] = Role.ALL) -> Any:
    """A paginated, read-only list of a reference table, ordered by the model's ordering."""
    meta = type("Meta", (), {"model": model, "fields": fields})
    serializer = type(f"{model.__name__}Serializer", (serializers.ModelSerializer,), {"Meta": meta})
    view: Any = type(
        f"{model.__name__}ListApi",
        (ListAPIView,),
        {
            "__doc__": f"The {model._meta.verbose_name_plural} reference table.",
            "serializer_class": serializer,
            "permission_classes": [roles_allowed(*roles)],
            "pagination_class": None,
            "queryset": model._default_manager.all(),
        },
    )
    return view.as_view()
