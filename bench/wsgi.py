"""Pantau as served in production, plus one bare Django page (``/bench/bare/``) through the same
middleware: the reference the public pages' requests per second are compared with (issue 20)."""

import os

from django.conf import settings
from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
application = get_wsgi_application()
settings.ROOT_URLCONF = "bench.urls"
