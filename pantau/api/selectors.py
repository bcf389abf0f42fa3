"""Reads of the API app: whose tokens a user sees, a unit's webhooks and their delivery log."""

from django.db.models import Q, QuerySet

from pantau.events.models import WebhookDelivery, WebhookEndpoint

from .models import ApiToken


def tokens_of(user) -> QuerySet[ApiToken]:
    return (
        ApiToken.objects.filter(user=user, kind=ApiToken.Kind.PERSONAL)
        .prefetch_related("units")
        .order_by("-created_at")
    )


def unit_tokens(unit) -> QuerySet[ApiToken]:
    """Active tokens of the unit's people that reach the unit (limited to it, or not limited)."""
    return (
        ApiToken.objects.filter(
            user__memberships__unit=unit, revoked_at__isnull=True, kind=ApiToken.Kind.PERSONAL
        )
        .filter(Q(units=unit) | Q(units__isnull=True))
        .select_related("user")
        .prefetch_related("units")
        .distinct()
        .order_by("-created_at")
    )


def unit_webhooks(unit) -> QuerySet[WebhookEndpoint]:
    return WebhookEndpoint.objects.filter(unit=unit).order_by("url")


def deliveries(unit) -> QuerySet[WebhookDelivery]:
    return (
        WebhookDelivery.objects.filter(endpoint__unit=unit)
        .select_related("endpoint", "event", "resent_by")
        .order_by("-created_at", "-id")
    )
