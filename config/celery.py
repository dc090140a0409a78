"""The Celery application. Settings come from Django's (CELERY_* names); tasks are found in each app's
tasks.py. The beat schedule is CELERY_BEAT_SCHEDULE in settings (django-celery-beat does not support
Django 6.1)."""

from __future__ import annotations

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")

app = Celery("resolve")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
