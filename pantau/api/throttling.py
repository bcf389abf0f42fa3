"""Rate limits: per token, per signed-in browser session, per anonymous client (its address).

Over the limit DRF answers 429 with ``Retry-After``; the rates are settings
(``REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]``, from the environment)."""

from rest_framework.throttling import SimpleRateThrottle

from .permissions import token_of


class TokenRateThrottle(SimpleRateThrottle):
    scope = "token"

    def get_cache_key(self, request, view):
        token = token_of(request)
        return (
            None if token is None else self.cache_format % {"scope": self.scope, "ident": token.pk}
        )


class SessionRateThrottle(SimpleRateThrottle):
    scope = "user"

    def get_cache_key(self, request, view):
        if token_of(request) is not None or not request.user.is_authenticated:
            return None
        return self.cache_format % {"scope": self.scope, "ident": request.user.pk}


class AnonymousRateThrottle(SimpleRateThrottle):
    scope = "anon"

    def get_cache_key(self, request, view):
        if request.user and request.user.is_authenticated:
            return None
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}


class TrackRateThrottle(SimpleRateThrottle):
    """Looking a report up by number and access code: only *wrong* tries count (as on the web's
    tracking page), per client or token; past the limit every try answers 429."""

    scope = "track"

    def get_cache_key(self, request, view):
        token = token_of(request)
        ident = f"t{token.pk}" if token is not None else self.get_ident(request)
        return self.cache_format % {"scope": self.scope, "ident": ident}

    def throttle_success(self) -> bool:
        return True  # a try is counted by record_failure, once it is known to be wrong

    def record_failure(self, request, view) -> None:
        if self.rate is None:
            return
        key = self.get_cache_key(request, view)
        now = self.timer()
        history = [moment for moment in self.cache.get(key, []) if moment > now - self.duration]
        self.cache.set(key, [now, *history], self.duration)
