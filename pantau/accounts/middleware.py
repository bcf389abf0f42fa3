"""Session rules applied to every request: idle and absolute timeouts, required two-factor."""

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.http import JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from .permissions import needs_two_factor

SIGNED_IN_AT = "pantau_signed_in_at"
LAST_SEEN = "pantau_last_seen"
TOUCH_EVERY = 60  # seconds: the last-seen time is saved at most this often


def start_session_clock(sender, request, user, **kwargs) -> None:
    """At sign-in (``user_logged_in``): the session's age and idle time count from now."""
    if request is not None and hasattr(request, "session"):
        now = int(time.time())
        request.session[SIGNED_IN_AT] = now
        request.session[LAST_SEEN] = now


class SessionTimeoutMiddleware:
    """Signs out a session idle for ``PANTAU_SESSION_IDLE_SECONDS`` or older than
    ``PANTAU_SESSION_MAX_SECONDS``; the next page asks to sign in again."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if _has_session(request) and request.user.is_authenticated:
            now = int(time.time())
            session = request.session
            started = session.setdefault(SIGNED_IN_AT, now)
            seen = session.get(LAST_SEEN, now)
            if (
                now - seen > settings.PANTAU_SESSION_IDLE_SECONDS
                or now - started > settings.PANTAU_SESSION_MAX_SECONDS
            ):
                logout(request)
                messages.info(request, _("Your session has ended. Please sign in again."))
            elif now - seen >= TOUCH_EVERY or LAST_SEEN not in session:
                session[LAST_SEEN] = now  # a session write at most once a minute
        return self.get_response(request)


ENROLMENT_ALLOWED = ("accounts:two-factor", "accounts:logout", "set_language", "choose-language")


class TwoFactorRequiredMiddleware:
    """A user whose role requires two-factor sign-in reaches nothing but the enrolment page (and
    sign-out) until the session is verified with an authenticator code."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _has_session(request):
            return self.get_response(request)
        user = request.user
        if user.is_authenticated and not user.is_verified() and needs_two_factor(user):
            match = _resolve(request.path_info)
            name = match.view_name if match else ""
            if name not in ENROLMENT_ALLOWED and not request.path_info.startswith(
                settings.STATIC_URL
            ):
                return self._refuse(request)
        return self.get_response(request)

    @staticmethod
    def _refuse(request):
        from .forms import confirmed_totp_device

        if request.path_info.startswith("/api/"):
            return JsonResponse(
                {
                    "errors": [
                        {
                            "code": "two_factor_required",
                            "message": _("Turn on two-factor sign-in on the website first."),
                        }
                    ]
                },
                status=403,
            )
        if confirmed_totp_device(request.user) is not None:
            # A session from before the rule: sign in again, with the code.
            path = request.get_full_path()
            logout(request)
            return redirect_to_login(path, reverse(settings.LOGIN_URL))
        messages.warning(
            request,
            _("Your role requires two-factor sign-in. Turn it on to continue."),
        )
        return redirect("accounts:two-factor")


def _has_session(request) -> bool:
    """A request without a session cookie (most citizens) is anonymous: no session lookup."""
    return settings.SESSION_COOKIE_NAME in request.COOKIES


def _resolve(path: str):
    from django.urls import Resolver404, resolve

    try:
        return resolve(path)
    except Resolver404:
        return None
