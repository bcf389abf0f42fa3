"""Webhook events: how a domain service emits one, and how a delivery is signed.

A domain service calls ``emit`` (``pantau.complaints.events``, ``pantau.satisfaction.events``);
once the transaction commits, one ``WebhookDelivery`` per active endpoint of the unit that asked
for the event is logged and handed to Celery (``tasks.deliver_webhook``), which retries with
growing waits. Each request carries::

    X-Pantau-Event: complaint.created
    X-Pantau-Delivery: <uuid, the same on every retry>
    X-Pantau-Signature: t=<unix time>,v1=<hex HMAC-SHA256 of "<t>.<body>" with the secret>

Payloads name the report or period and its state, never a reporter's identity. Each process
keeps the list of endpoints for a few seconds (``pantau.common.memo``): an endpoint added or
switched off takes effect in every worker within that time."""

import json

from django.db import transaction
from django.utils import timezone

from pantau.common import background, memo

from .models import WebhookDelivery, WebhookEndpoint, WebhookEvent
from .signing import encode, sign, verify
from .tasks import deliver_webhook

__all__ = ["WebhookEvent", "emit", "encode", "sign", "verify"]


def _queue(event: str, unit_ids: set[int], data) -> None:
    endpoints = memo.remembered(
        ("webhook-endpoints", event, frozenset(unit_ids)),
        lambda: [
            endpoint
            for endpoint in WebhookEndpoint.objects.filter(
                unit_id__in=unit_ids, is_active=True
            ).select_related("unit")
            if event in endpoint.events
        ],
    )
    if endpoints and callable(data):
        data = data()
    for endpoint in endpoints:
        delivery = WebhookDelivery(endpoint=endpoint, event=event)
        delivery.payload = {
            "id": str(delivery.event_id),
            "event": event,
            "created_at": timezone.localtime().isoformat(timespec="seconds"),
            "unit": endpoint.unit.slug,
            "data": json.loads(encode(data)),
        }
        delivery.save()
        background.dispatch(deliver_webhook, delivery.pk)


def emit(event: str, *, unit_ids: set[int], data) -> None:
    """Queue an event for the units' endpoints once the current transaction commits. ``data`` is
    the payload's data, or a function that computes it (called only when an endpoint wants it)."""
    unit_ids = {pk for pk in unit_ids if pk}
    if unit_ids:
        transaction.on_commit(lambda: _queue(event, unit_ids, data))
