"""``Authorization: Bearer pnt_…`` (or ``Token pnt_…``) authenticates as the token's user; an
integration token (``pantau.api.integration``) as nobody: it reads only its own endpoints."""

from datetime import timedelta

from django.contrib.auth.models import AnonymousUser
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from rest_framework import authentication, exceptions

from .models import ApiToken
from .tokens import PREFIX, hash_token

TOUCH_EVERY = timedelta(minutes=5)  # last_used_at is written at most this often


def find_token(raw: str) -> ApiToken | None:
    if not raw.startswith(PREFIX) or len(raw) > 100:
        return None
    return (
        ApiToken.objects.select_related("user")
        .filter(key_hash=hash_token(raw), revoked_at__isnull=True, user__is_active=True)
        .first()
    )


def touch(token: ApiToken) -> None:
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at > TOUCH_EVERY:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now


class TokenAuthentication(authentication.BaseAuthentication):
    keywords = ("bearer", "token")

    def authenticate(self, request):
        header = authentication.get_authorization_header(request).decode("latin-1").split()
        if not header or header[0].lower() not in self.keywords:
            return None
        if len(header) != 2:
            raise exceptions.AuthenticationFailed(
                _("The Authorization header must read “Bearer” followed by one token.")
            )
        token = find_token(header[1])
        if token is None:
            raise exceptions.AuthenticationFailed(_("The API token is unknown or revoked."))
        touch(token)
        if token.is_integration:
            return AnonymousUser(), token
        return token.user, token

    def authenticate_header(self, request) -> str:
        return 'Bearer realm="api"'
