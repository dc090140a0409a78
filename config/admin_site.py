"""The Django admin as Resolve runs it (issue 20): UK dates everywhere in it, read and typed
(dd/mm/yyyy, times in Europe/London, the site's TIME_ZONE), whatever each app's ModelAdmin declares.

Resolve's own forms keep ISO first among the input formats, because a browser's <input type="date">
takes only YYYY-MM-DD; the admin's date boxes are plain text, so they show and take dd/mm/yyyy here.
Listed dates use the en-GB display formats in config/formats/en_GB."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.contrib.admin import widgets
from django.contrib.admin.apps import AdminConfig
from django.db import models

UK_DATE = "%d/%m/%Y"
UK_TIME = "%H:%M:%S"


class UKDateWidget(widgets.AdminDateWidget):
    def __init__(self, attrs: dict[str, Any] | None = None, format: str | None = None) -> None:
        super().__init__(attrs=attrs, format=format or UK_DATE)


class UKSplitDateTime(widgets.AdminSplitDateTime):
    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        forms.MultiWidget.__init__(
            self, [UKDateWidget(attrs=attrs), widgets.AdminTimeWidget(attrs=attrs, format=UK_TIME)], attrs
        )


UK_DATES: dict[type[models.Field[Any, Any]], dict[str, Any]] = {
    models.DateField: {"widget": UKDateWidget},
    models.DateTimeField: {"form_class": forms.SplitDateTimeField, "widget": UKSplitDateTime},
}


class ResolveAdminSite(admin.AdminSite):
    site_header = "Resolve administration"
    site_title = "Resolve administration"

    def register(self, model_or_iterable: Any, admin_class: Any = None, **options: Any) -> None:
        """Every ModelAdmin takes UK date widgets unless it declares its own for a field type."""
        admin_class = admin_class or admin.ModelAdmin
        overrides = {**UK_DATES, **getattr(admin_class, "formfield_overrides", {})}
        options.setdefault("formfield_overrides", overrides)
        super().register(model_or_iterable, admin_class, **options)


class ResolveAdminConfig(AdminConfig):
    default_site = "config.admin_site.ResolveAdminSite"
