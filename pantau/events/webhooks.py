"""Webhook events: how a domain service emits one, and how a delivery is signed.

A domain service calls ``emit`` (``pantau.complaints.events``, ``pantau.satisfaction.events``);
once the transaction commits, the event is stored once per unit it concerns (``Event``: the
"events since" feed reads it, ``GET /api/v1/events/``), and one ``WebhookDelivery`` per active
endpoint of that unit that asked for the event is logged and handed to Celery
(``tasks.deliver_webhook``), which retries with growing waits. Each request carries::

    X-Pantau-Event: complaint.created
    X-Pantau-Delivery: <the event's uuid: the same on every retry and resend>
    X-Pantau-Signature: t=<unix time>,v1=<hex HMAC-SHA256 of "<t>.<body>" with the secret>

Payloads name the report or period and its state, never a reporter's identity; their links
begin with ``pantau.common.site.base_url()`` (``PANTAU_SITE_URL``). Each process keeps the list
of endpoints for a few seconds (``pantau.common.memo``): an endpoint added or switched off takes
effect in every worker within that time."""

import json
from collections.abc import Callable
from typing import Any

from django.db import transaction
from django.utils import timezone

from pantau.common import background, memo
from pantau.organisations.models import ServiceUnit

from .models import Event, WebhookDelivery, WebhookEndpoint, WebhookEvent
from .signing import encode, sign, verify
from .tasks import deliver_webhook

__all__ = ["WebhookEvent", "emit", "encode", "sign", "verify"]


def _endpoints(event: str, unit_ids: frozenset[int]) -> list[WebhookEndpoint]:
    return memo.remembered(
        ("webhook-endpoints", event, unit_ids),
        lambda: [
            endpoint
            for endpoint in WebhookEndpoint.objects.filter(unit_id__in=unit_ids, is_active=True)
            if event in endpoint.events
        ],
    )


def _unit_slugs(unit_ids: frozenset[int]) -> list[tuple[int, str]]:
    return memo.remembered(
        ("event-unit-slugs", unit_ids),
        lambda: list(ServiceUnit.objects.filter(pk__in=unit_ids).values_list("pk", "slug")),
    )


def _store(event: str, unit_ids: set[int], data: Any) -> None:
    """Store the event for each unit and queue its deliveries (after the domain's commit)."""
    if callable(data):
        data = data()
    data = json.loads(encode(data))
    now = timezone.now()
    endpoints = _endpoints(event, frozenset(unit_ids))
    queued: list[int] = []
    with transaction.atomic():
        for unit_id, slug in _unit_slugs(frozenset(unit_ids)):
            stored = Event(type=event, unit_id=unit_id, created_at=now)
            stored.payload = {
                "id": str(stored.uuid),
                "event": event,
                "created_at": timezone.localtime(now).isoformat(timespec="seconds"),
                "unit": slug,
                "data": data,
            }
            stored.save()
            for endpoint in endpoints:
                if endpoint.unit_id == unit_id:
                    queued.append(
                        WebhookDelivery.objects.create(endpoint=endpoint, event=stored).pk
                    )
    for delivery_id in queued:
        background.dispatch(deliver_webhook, delivery_id)


def emit(event: str, *, unit_ids: set[int | None], data: Any | Callable[[], Any]) -> None:
    """Store the event and queue it for the units' endpoints once the current transaction
    commits. ``data`` is the payload's data, or a function that computes it then."""
    units = {pk for pk in unit_ids if pk}
    if units:
        transaction.on_commit(lambda: _store(event, units, data))
