from datetime import timedelta
from email.utils import parseaddr

from django.conf import settings
from django.db import DatabaseError, connection
from django.http import HttpResponse, JsonResponse
from django.utils import timezone
from django.views.decorators.http import require_GET

from pantau.common import site


def healthz(request):
    """For load balancers: 200 when the app can reach its database, 503 otherwise."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return JsonResponse({"status": "unavailable"}, status=503)
    return JsonResponse({"status": "ok"})


def security_contact() -> str:
    """Where to report a vulnerability: PANTAU_SECURITY_CONTACT, else the sender address of mail."""
    if settings.PANTAU_SECURITY_CONTACT:
        return settings.PANTAU_SECURITY_CONTACT
    address = parseaddr(settings.DEFAULT_FROM_EMAIL)[1] or "security@localhost"
    return f"mailto:{address}"


@require_GET
def security_txt(request):
    """RFC 9116: how to report a vulnerability; it expires a year after it is served."""
    expires = (timezone.now() + timedelta(days=365)).replace(microsecond=0)
    base = site.base_url()
    lines = [
        f"Contact: {security_contact()}",
        f"Expires: {expires.strftime('%Y-%m-%dT%H:%M:%SZ')}",
        "Preferred-Languages: id, en",
        f"Canonical: {base}/.well-known/security.txt",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def choose_language(request, code: str):
    """Switch the language with a plain link (issue 20): Django's ``set_language`` needs a POST
    with a CSRF token, and that token in every page's header made every public page unique to
    its visitor, so none could be cached. Choosing a language changes nothing but the reader's
    own cookie, which is why a GET is enough."""
    from django.http import HttpResponseRedirect
    from django.utils.http import url_has_allowed_host_and_scheme

    if code not in {language for language, _name in settings.LANGUAGES}:
        from django.http import Http404

        raise Http404
    target = request.GET.get("next", "/")
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = "/"
    response = HttpResponseRedirect(target)
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        code,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        path=settings.LANGUAGE_COOKIE_PATH,
        domain=settings.LANGUAGE_COOKIE_DOMAIN,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,  # type: ignore[arg-type]  # "Lax" in settings
    )
    response["Cache-Control"] = "no-store"
    return response
