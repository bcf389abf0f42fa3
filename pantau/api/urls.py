"""``/api/v1/``: the schema, its docs page, and the endpoints of every module.

Each module's endpoints live in ``pantau/api/endpoints/<module>.py`` (or a package of that name,
mirroring the module's services) that defines
``urlpatterns``; every file there is included, so a new module's API is that one file."""

import pkgutil
from importlib import import_module

from csp.decorators import csp_update
from django.urls import path, re_path
from django.views import View
from drf_spectacular.utils import extend_schema
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework import exceptions, permissions
from rest_framework.decorators import api_view, permission_classes

from . import endpoints
from .caching import cached_patterns
from .idempotency import idempotent_patterns

app_name = "api-v1"


def _endpoint_patterns() -> list:
    patterns: list = []
    for module in sorted(m.name for m in pkgutil.iter_modules(endpoints.__path__)):
        patterns += import_module(f"{endpoints.__name__}.{module}").urlpatterns
    # ETag, Cache-Control and 304 on reads (.caching); Idempotency-Key on writes (.idempotency)
    return cached_patterns(idempotent_patterns(patterns))


class DocsPage(SpectacularSwaggerSplitView):
    """Swagger UI. Its only renderer is an HTML template, which cannot render DRF's OPTIONS
    metadata: OPTIONS answers as any Django page does (the allowed methods, no body)."""

    def options(self, request, *args, **kwargs):
        return View.options(self, request, *args, **kwargs)


@extend_schema(exclude=True)
@api_view(["GET", "POST", "PUT", "PATCH", "DELETE"])
@permission_classes([permissions.AllowAny])
def not_found(request, rest=""):
    """Any other address under /api/v1/: a 404 in the API's error body, not an HTML page."""
    raise exceptions.NotFound()


urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    # Swagger UI sets inline style attributes; its script comes from our own static files.
    path(
        "docs/",
        csp_update({"style-src": ["'self'", "'unsafe-inline'"]})(
            DocsPage.as_view(url_name="api-v1:schema")
        ),
        name="docs",
    ),
    *_endpoint_patterns(),
    re_path(r"^(?P<rest>[\s\S]*)$", not_found, name="not-found"),
]
