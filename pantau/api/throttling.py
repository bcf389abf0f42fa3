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
    """Looking a report up by number and access code: few tries per client, token or not."""

    scope = "track"

    def get_cache_key(self, request, view):
        token = token_of(request)
        ident = f"t{token.pk}" if token is not None else self.get_ident(request)
        return self.cache_format % {"scope": self.scope, "ident": ident}
