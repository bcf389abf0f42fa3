"""Rate limits: per token, per signed-in browser session, per anonymous client (its address).

Over the limit DRF answers 429 with ``Retry-After``; every counted answer says where the client
stands in ``RateLimit-Limit``, ``RateLimit-Remaining`` and ``RateLimit-Reset`` (seconds until the
window ends), the fields of the IETF draft "RateLimit header fields for HTTP"; the rates are settings
(``REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]``, from the environment). Every throttle counts
atomically on the shared cache (``pantau.common.ratelimit``) instead of DRF's read-then-write
history, so that parallel requests cannot pass a limit together, and an anonymous client is its
address as ``pantau.common.client_ip`` finds it (the proxy's header only when ``BEHIND_PROXY``)."""

from django.conf import settings
from rest_framework.throttling import SimpleRateThrottle

from pantau.common import ratelimit
from pantau.common.client_ip import client_ip

from .permissions import token_of


def note_limit(request, *, limit: int, remaining: int, reset: int) -> None:
    """Keep, for the ``RateLimit-*`` headers (``ApiLanguageMiddleware`` writes them), the
    tightest of the limits that counted this request: the one with the fewest requests left."""
    holder = getattr(request, "_request", request)  # DRF's request wraps Django's
    current = getattr(holder, "rate_limit", None)
    if current is None or max(0, remaining) < current[1]:
        holder.rate_limit = (limit, max(0, remaining), reset)


class AtomicRateThrottle(SimpleRateThrottle):
    """DRF's throttle on a fixed-window counter of ``pantau.common.ratelimit``."""

    def get_ident(self, request) -> str:
        return client_ip(request)

    def allow_request(self, request, view) -> bool:
        if self.rate is None:
            return True
        self.key = self.get_cache_key(request, view)
        if self.key is None:
            return True
        limit: int = self.num_requests  # type: ignore[attr-defined]  # set by SimpleRateThrottle.__init__ from the rate
        window: int = self.duration  # type: ignore[attr-defined]
        count = ratelimit.hit_count(self.key, window)
        note_limit(
            request, limit=limit, remaining=limit - count, reset=ratelimit.retry_after(window)
        )
        return count <= limit

    def wait(self) -> float:
        return ratelimit.retry_after(self.duration)  # type: ignore[attr-defined]


class TokenRateThrottle(AtomicRateThrottle):
    scope = "token"

    def get_cache_key(self, request, view):
        token = token_of(request)
        return (
            None if token is None else self.cache_format % {"scope": self.scope, "ident": token.pk}
        )


class SessionRateThrottle(AtomicRateThrottle):
    scope = "user"

    def get_cache_key(self, request, view):
        if token_of(request) is not None or not request.user.is_authenticated:
            return None
        return self.cache_format % {"scope": self.scope, "ident": request.user.pk}


class AnonymousRateThrottle(AtomicRateThrottle):
    scope = "anon"

    def get_cache_key(self, request, view):
        if request.user and request.user.is_authenticated:
            return None
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}


class TrackRateThrottle(AtomicRateThrottle):
    """Looking a report up by number and access code, per client or token: every try is counted
    before it is checked and a right one is given back (``record_success``), so that parallel
    tries never check more than the limit and only wrong ones use it up; past the limit every
    try answers 429."""

    scope = "track"

    def get_cache_key(self, request, view):
        token = token_of(request)
        ident = f"t{token.pk}" if token is not None else self.get_ident(request)
        return self.cache_format % {"scope": self.scope, "ident": ident}

    def record_success(self, request, view) -> None:
        key = self.get_cache_key(request, view)
        if self.rate is not None and key is not None:
            ratelimit.undo(key, self.duration)  # type: ignore[attr-defined]


class ComplaintIntakeThrottle(AtomicRateThrottle):
    """A citizen's new report without a token: the same count per address as the web form
    (``PANTAU_COMPLAINT_RATE``), so that the two doors share one limit."""

    scope = "complaint"

    def __init__(self):
        self.num_requests, self.duration = settings.PANTAU_COMPLAINT_RATE
        self.rate = f"{self.num_requests}/{self.duration}s"

    def get_cache_key(self, request, view):
        if token_of(request) is not None or (request.user and request.user.is_authenticated):
            return None
        return f"complaint-intake:{self.get_ident(request)}"
