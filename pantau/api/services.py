"""API actions: create and revoke tokens, register and remove webhooks."""

import secrets

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from pantau.events.models import WebhookEndpoint, WebhookEvent
from pantau.organisations.permissions import can_manage_unit
from pantau.organisations.selectors import visible_units

from .models import ApiToken
from .tokens import new_token

MAX_ACTIVE_TOKENS = 20


@transaction.atomic
def create_token(*, actor, name: str, can_write: bool, units=()) -> tuple[ApiToken, str]:
    """A new token for the actor. Returns (token, secret): the secret is shown once."""
    if not actor.is_authenticated:
        raise PermissionDenied
    name = name.strip()
    if not name:
        raise ValidationError({"name": _("Give the token a name that says where it is used.")})
    units = list(units)
    reachable = set(
        visible_units(actor).filter(pk__in=[u.pk for u in units]).values_list("pk", flat=True)
    )
    if any(unit.pk not in reachable for unit in units):
        raise ValidationError({"units": _("Choose only units you work with.")})
    if ApiToken.objects.filter(user=actor, revoked_at__isnull=True).count() >= MAX_ACTIVE_TOKENS:
        raise ValidationError(_("You have 20 active tokens; revoke one you no longer use first."))
    secret, prefix, key_hash = new_token()
    token = ApiToken.objects.create(
        user=actor, name=name[:100], prefix=prefix, key_hash=key_hash, can_write=can_write
    )
    token.units.set(units)
    return token, secret


@transaction.atomic
def revoke_token(*, actor, token: ApiToken) -> ApiToken:
    """The owner (or an administrator) revokes a token; it stops working at once."""
    if token.user_id != actor.pk and not actor.is_superuser:
        raise PermissionDenied
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at", "updated_at"])
    return token


@transaction.atomic
def register_webhook(*, actor, unit, url: str, events: list[str]) -> WebhookEndpoint:
    """A unit head registers an HTTPS address of the unit's own system for the chosen events."""
    if not can_manage_unit(actor, unit):
        raise PermissionDenied
    if not url.lower().startswith("https://"):
        raise ValidationError({"url": _("The address must start with https://.")})
    events = sorted(set(events))
    if not events or any(e not in WebhookEvent.values for e in events):
        raise ValidationError({"events": _("Choose at least one of the listed events.")})
    if WebhookEndpoint.objects.filter(unit=unit, url=url).exists():
        raise ValidationError({"url": _("This address is already registered for the unit.")})
    endpoint = WebhookEndpoint(
        unit=unit, url=url, events=events, secret=secrets.token_hex(32), created_by=actor
    )
    endpoint.full_clean()
    endpoint.save()
    return endpoint


@transaction.atomic
def remove_webhook(*, actor, endpoint: WebhookEndpoint) -> None:
    if not can_manage_unit(actor, endpoint.unit):
        raise PermissionDenied
    endpoint.delete()
