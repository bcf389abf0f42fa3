"""Pages refuse a NUL character in the address or its query with a 400.

No database stores NUL (PostgreSQL refuses it with a DataError, a 500), and no form a person fills
in sends one. The API and Open311 refuse it in their own error format
(``pantau.api.middleware``); this covers every other page, so a view need not check each
parameter."""

from django.http import HttpResponseBadRequest
from django.utils.html import escape
from django.utils.translation import gettext as _

from pantau.api.middleware import API_PREFIXES, _has_nul


class RefuseNulMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path.startswith(API_PREFIXES) and _has_nul(request):
            message = _("The address or its parameters contain a NUL character.")
            return HttpResponseBadRequest(
                f"<!doctype html><title>400</title><p>{escape(message)}</p>",
                content_type="text/html; charset=utf-8",
            )
        return self.get_response(request)
