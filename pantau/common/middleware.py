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
