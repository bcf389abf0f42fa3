from django.conf import settings


def pantau(request):
    """Values every template may use."""
    return {
        "PANTAU_LANGUAGES": settings.LANGUAGES,
        "PANTAU_LANGUAGE_COOKIE": settings.LANGUAGE_COOKIE_NAME,
    }
