"""The address Pantau is served at, for links in mail and webhook payloads.

``PANTAU_SITE_URL`` when it is set (production must set it: reset links are never built from a
request's Host, decision 0020). Without it, in development (``make run`` on any port), the address
of the latest request Django accepted (its Host checked against ALLOWED_HOSTS), so links in mail
point where the site really runs; else ``http://127.0.0.1:8000`` (issue 17).
"""

from django.conf import settings

DEFAULT = "http://127.0.0.1:8000"
_seen: dict[str, str] = {}


def base_url() -> str:
    configured = (getattr(settings, "SITE_URL", "") or "").rstrip("/")
    if configured:
        return configured
    if settings.DEBUG and "origin" in _seen:
        return _seen["origin"]
    return DEFAULT


class RememberOriginMiddleware:
    """Remembers the origin of accepted requests, only when no site URL is configured and DEBUG."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if settings.DEBUG and not getattr(settings, "SITE_URL", ""):
            from django.core.exceptions import DisallowedHost

            try:
                _seen["origin"] = f"{request.scheme}://{request.get_host()}"
            except DisallowedHost:
                pass  # Django answers 400 for it; it is never remembered
        return self.get_response(request)
