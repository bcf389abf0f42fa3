"""Sign-in limits through django-axes: who a failed sign-in counts against, and when to lock.

Three rules, each counted over the last ``AXES_COOLOFF_TIME`` (axes' own setting):

- the account: ``AXES_FAILURE_LIMIT`` failures for one account, whatever case or e-mail address
  was typed (``canonical_username`` is ``AXES_USERNAME_CALLABLE``);
- the address: ``PANTAU_SIGN_IN_ADDRESS_LIMIT`` failures from one client address;
- spraying: ``PANTAU_SIGN_IN_SPRAY_LIMIT`` different usernames tried from one client address.

The client's address is ``pantau.common.client_ip.client_ip`` (``AXES_CLIENT_IP_CALLABLE``), the
same as every other limit's.
"""

from axes.attempts import get_cool_off_threshold
from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_username, get_cool_off
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db.models import Q, Sum
from django.shortcuts import render

from pantau.common.client_ip import client_ip


def canonical_username(request, credentials) -> str | None:
    """The username of the account the typed name or e-mail reaches, as the sign-in backend finds
    it (case-insensitive); the typed text in lower case when it reaches no single account."""
    typed = (credentials or {}).get("username")
    if typed is None and request is not None:
        typed = getattr(request, "POST", {}).get("username")
    if not typed:
        return None
    typed = typed.strip()
    memo = getattr(request, "_pantau_canonical", None) if request is not None else None
    if memo is not None and typed in memo:
        return memo[typed]  # axes asks several times per sign-in
    matches = list(
        get_user_model()
        .objects.filter(Q(username__iexact=typed) | Q(email__iexact=typed))
        .values_list("username", flat=True)[:2]
    )
    canonical = matches[0] if len(matches) == 1 else typed.lower()
    if request is not None:
        if memo is None:
            memo = {}
            setattr(request, "_pantau_canonical", memo)  # noqa: B010 - a per-request memo
        memo[typed] = canonical
    return canonical


class SignInLimitHandler(AxesDatabaseHandler):
    """axes' database handler with one limit per rule (axes itself has one limit for all).

    axes compares one number with ``AXES_FAILURE_LIMIT``; ``get_failures`` answers, for the rule
    closest to its own limit, its count shifted onto that scale, so that axes locks exactly when
    any rule reaches its limit. A successful sign-in clears the account's failures only, so that
    signing in to one account cannot clear the count of an address that tries many.
    """

    def get_failures(self, request, credentials=None) -> int:
        threshold = get_cool_off_threshold(request)
        attempts = AccessAttempt.objects.filter(attempt_time__gte=threshold)
        username = get_client_username(request, credentials)
        address = getattr(request, "axes_ip_address", None)

        def total(queryset) -> int:
            return queryset.aggregate(n=Sum("failures_since_start"))["n"] or 0

        limit = settings.AXES_FAILURE_LIMIT
        counts = []
        if username:
            counts.append(total(attempts.filter(username=username)))
        if address:
            from_address = attempts.filter(ip_address=address)
            counts.append(total(from_address) + limit - settings.PANTAU_SIGN_IN_ADDRESS_LIMIT)
            usernames = from_address.values("username").distinct().count()
            counts.append(usernames + limit - settings.PANTAU_SIGN_IN_SPRAY_LIMIT)
        return max(counts, default=0)

    def reset_user_attempts(self, request, credentials=None) -> int:
        username = get_client_username(request, credentials)
        if not username:
            return 0
        count, _deleted = AccessAttempt.objects.filter(username=username).delete()
        return count


def lockout_response(request, original_response=None, credentials=None):
    """``AXES_LOCKOUT_CALLABLE``: the lockout page, saying how long to wait, with 429."""
    cool_off = get_cool_off(request)
    minutes = max(1, round(cool_off.total_seconds() / 60)) if cool_off else 1
    return render(request, "accounts/locked_out.html", {"minutes": minutes}, status=429)


def reset_request_allowed(request) -> bool:
    """Whether this client address may ask for another password-reset mail: at most
    ``PANTAU_PASSWORD_RESET_RATE`` = (count, seconds), counted atomically in the cache."""
    count, seconds = settings.PANTAU_PASSWORD_RESET_RATE
    key = f"pantau:password-reset:{client_ip(request)}"
    cache.add(key, 0, timeout=seconds)
    try:
        return cache.incr(key) <= count
    except ValueError:  # the key expired between add and incr
        cache.add(key, 1, timeout=seconds)
        return True
