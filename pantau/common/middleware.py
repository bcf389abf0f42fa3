from django.conf import settings
from django.utils import translation


class DefaultLanguageMiddleware:
    """Activate the language the user chose, else Bahasa Indonesia.

    Django's LocaleMiddleware would follow the browser's Accept-Language header; Pantau's users
    asked for Indonesian first whatever the phone's language, with English one click away
    (docs/decisions/0002-indonesian-first.md).
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.supported = {code for code, _name in settings.LANGUAGES}

    def __call__(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
        language = chosen if chosen in self.supported else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        patch = response.headers.get("Vary", "")
        if "Cookie" not in patch:
            response.headers["Vary"] = f"{patch}, Cookie" if patch else "Cookie"
        translation.deactivate()
        return response


class FriendlyNotFoundMiddleware:
    """Under ``make run`` (DEBUG on) a missing page showed Django's technical 404, which lists
    every address of the site to whoever typed a wrong one (issue 19). With DEBUG on, a 404 page
    is Pantau's own "Page not found" instead; ``PANTAU_TECHNICAL_404=1`` brings the list back
    for a developer. API and Open311 answers keep their JSON. Without DEBUG, Django already
    renders 404.html, and this does nothing."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        from django.conf import settings
        from django.shortcuts import render

        from .query_guard import API_PREFIXES

        response = self.get_response(request)
        if (
            settings.DEBUG
            and not settings.PANTAU_TECHNICAL_404
            and response.status_code == 404
            and "text/html" in response.get("Content-Type", "")
            and not request.path.startswith(API_PREFIXES)
        ):
            return render(request, "404.html", status=404)
        return response
