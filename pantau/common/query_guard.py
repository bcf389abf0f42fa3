"""Pages refuse a NUL character in the address or its query with a 400.

No database stores NUL (PostgreSQL refuses it with a DataError, a 500), and no form a person fills
in sends one. The API and Open311 refuse it in their own error format
(``pantau.api.middleware``); this covers every other page, so a view need not check each
parameter."""

from django.http import HttpResponseBadRequest
from django.utils.html import escape
from django.utils.translation import gettext as _

# The addresses of the API and Open311, which answer errors in their own format (their
# middleware, ``pantau.api.middleware``, imports these two from here: common sits below them).
API_PREFIXES = ("/api/", "/open311/")


def has_nul(request) -> bool:
    """A NUL character in the address or the query: no database stores it (PostgreSQL refuses it)."""
    return "\x00" in request.path or any(
        "\x00" in key or "\x00" in value for key, values in request.GET.lists() for value in values
    )


class RefuseNulMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path.startswith(API_PREFIXES) and has_nul(request):
            message = _("The address or its parameters contain a NUL character.")
            return HttpResponseBadRequest(
                f"<!doctype html><title>400</title><p>{escape(message)}</p>",
                content_type="text/html; charset=utf-8",
            )
        return self.get_response(request)
