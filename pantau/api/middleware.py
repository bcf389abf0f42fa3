from django.conf import settings
from django.http import JsonResponse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation.trans_real import parse_accept_lang_header

from pantau.common.query_guard import API_PREFIXES, has_nul

RATE_LIMIT_HEADERS = ("RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset")


class ApiLanguageMiddleware:
    """On the API, answer in the language of the Accept-Language header, else Indonesian; and
    say where the client stands against the rate limit that counted the request (``RateLimit-*``).

    Web pages ignore the header on purpose (docs/decisions/0002-indonesian-first.md); a program
    calling the API asks for a language explicitly, so the API follows the header. Must come
    after ``DefaultLanguageMiddleware``.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.supported = [code for code, _name in settings.LANGUAGES]

    def language_for(self, header: str) -> str:
        for code, _quality in parse_accept_lang_header(header)[:10]:
            base = code.split("-")[0].lower()
            if base in self.supported:
                return base
        return settings.LANGUAGE_CODE

    def __call__(self, request):
        if not request.path.startswith(API_PREFIXES):
            return self.get_response(request)
        language = self.language_for(request.META.get("HTTP_ACCEPT_LANGUAGE", ""))
        translation.activate(language)
        request.LANGUAGE_CODE = language
        if has_nul(request):
            response = _refuse_nul(request)
        else:
            response = self.get_response(request)
        response.headers["Content-Language"] = language
        rate_limit = getattr(request, "rate_limit", None)  # pantau.api.throttling.note_limit
        if rate_limit is not None:
            for name, value in zip(RATE_LIMIT_HEADERS, rate_limit, strict=True):
                response.headers[name] = str(value)
        vary = response.headers.get("Vary", "")
        if "Accept-Language" not in vary:
            response.headers["Vary"] = f"{vary}, Accept-Language" if vary else "Accept-Language"
        return response


def _refuse_nul(request) -> JsonResponse:
    message = _("The address or its parameters contain a NUL character.")
    if request.path.startswith("/open311/"):
        return JsonResponse([{"code": 400, "description": message}], status=400, safe=False)
    return JsonResponse(
        {"errors": [{"code": "invalid", "field": None, "message": message}]}, status=400
    )
