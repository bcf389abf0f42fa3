"""Deployment checks (``pantau check --deploy``)."""

from django.conf import settings
from django.core.checks import Tags, Warning, register

LOCAL_CACHES = (
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.dummy.DummyCache",
)


@register(Tags.security, deploy=True)
def limits_need_a_shared_cache(app_configs, **kwargs):
    """The public limits (pantau.common.ratelimit) count in the cache: in a cache of one process
    each gunicorn worker counts for itself, and the limits are that many times higher."""
    if settings.CACHES["default"]["BACKEND"] in LOCAL_CACHES:
        return [
            Warning(
                "The cache is local to each process, so every rate limit counts per worker.",
                hint="Set REDIS_URL (docs/deployment.md) so that limits hold across workers.",
                id="pantau.W001",
            )
        ]
    return []


@register(Tags.security, deploy=True)
def links_need_the_public_address(app_configs, **kwargs):
    """Links in mail (password reset, report updates) and webhook payloads begin with
    ``PANTAU_SITE_URL``; in production they are never built from a request's Host."""
    if not settings.DEBUG and not settings.SITE_URL:
        return [
            Warning(
                "PANTAU_SITE_URL is not set: links in mail and webhooks would point to "
                "http://127.0.0.1:8000.",
                hint="Set PANTAU_SITE_URL to the public address, e.g. https://pantau.example.go.id.",
                id="pantau.W002",
            )
        ]
    return []
