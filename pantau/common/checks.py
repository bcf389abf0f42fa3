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
