"""Celery application: background work (mail, webhooks, report rendering).

With ``CELERY_TASK_ALWAYS_EAGER`` (the embedded default, no broker configured) tasks run
in-process, so the demo needs no Redis. Production sets ``CELERY_BROKER_URL``.
"""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

app = Celery("pantau")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
