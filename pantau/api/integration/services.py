"""Issuing and revoking integration tokens."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import ApiToken
from ..tokens import new_token
from .permissions import can_issue_integration_token, can_revoke_integration_token

MAX_ACTIVE_PER_SCOPE = 10


@transaction.atomic
def issue_integration_token(*, actor, name: str, agency) -> tuple[ApiToken, str]:
    """A read-only token for ``agency``'s tree (None: national). Returns (token, secret): the
    secret is shown once."""
    if not can_issue_integration_token(actor, agency):
        raise PermissionDenied
    name = name.strip()
    if not name:
        raise ValidationError(
            {"name": _("Give the token a name that says which connector uses it.")}
        )
    active = ApiToken.objects.filter(
        kind=ApiToken.Kind.INTEGRATION, agency=agency, revoked_at__isnull=True
    )
    if active.count() >= MAX_ACTIVE_PER_SCOPE:
        raise ValidationError(
            _("This scope has 10 active integration tokens; revoke one no longer used first.")
        )
    secret, prefix, key_hash = new_token()
    token = ApiToken(
        user=actor,
        kind=ApiToken.Kind.INTEGRATION,
        agency=agency,
        name=name[:100],
        prefix=prefix,
        key_hash=key_hash,
        can_write=False,
    )
    token.full_clean()
    token.save()
    return token, secret


@transaction.atomic
def revoke_integration_token(*, actor, token: ApiToken) -> ApiToken:
    """Stops the token at once; anyone who may issue one for its agency may revoke it."""
    if not can_revoke_integration_token(actor, token):
        raise PermissionDenied
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at", "updated_at"])
    return token
