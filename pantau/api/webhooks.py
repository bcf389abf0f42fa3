"""Webhook events: what the complaint and SKM services emit, and how a delivery is signed.

A service calls ``complaint_created``/``complaint_status_changed``/``skm_result_published``;
once the transaction commits, one ``WebhookDelivery`` per active endpoint of the unit that asked
for the event is logged and handed to Celery (``tasks.deliver_webhook``), which retries with
growing waits. Each request carries::

    X-Pantau-Event: complaint.created
    X-Pantau-Delivery: <uuid, the same on every retry>
    X-Pantau-Signature: t=<unix time>,v1=<hex HMAC-SHA256 of "<t>.<body>" with the secret>

Payloads name the report or period and its state, never a reporter's identity. Each process
keeps the list of endpoints for a few seconds (``pantau.common.memo``): an endpoint added or
switched off takes effect in every worker within that time."""

import hashlib
import hmac
import json
import time

from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils import timezone

from pantau.common import background, memo, site
from pantau.complaints.public_text import public_subject

from .models import WebhookDelivery, WebhookEndpoint, WebhookEvent


def sign(secret: str, body: bytes, timestamp: int | None = None) -> str:
    timestamp = int(time.time()) if timestamp is None else timestamp
    digest = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256)
    return f"t={timestamp},v1={digest.hexdigest()}"


def verify(secret: str, body: bytes, header: str, *, tolerance: int = 300, now=None) -> bool:
    """What a receiver does (shown in docs/api.md): recompute, compare, refuse old stamps."""
    try:
        parts = dict(part.split("=", 1) for part in header.split(","))
        timestamp = int(parts["t"])
    except (KeyError, ValueError):
        return False
    now = int(time.time()) if now is None else now
    if abs(now - timestamp) > tolerance:
        return False
    return hmac.compare_digest(sign(secret, body, timestamp), header)


def encode(payload: dict) -> bytes:
    return json.dumps(payload, cls=DjangoJSONEncoder, separators=(",", ":")).encode()


def _queue(event: str, unit_ids: set[int], data) -> None:
    from .tasks import deliver_webhook

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


def _complaint_data(complaint) -> dict:
    return {
        "tracking_number": complaint.tracking_number,
        "kind": complaint.kind,
        "status": complaint.status,
        "category": complaint.category.code if complaint.category_id else None,
        # The public rule (issue 15): a receiver may forward it; staff read the full text
        # through the API with their token (``url``).
        "subject": public_subject(complaint),
        "confidential": complaint.confidential,
        "created_at": timezone.localtime(complaint.created_at).isoformat(timespec="seconds"),
        "resolution_due": complaint.resolution_due,
        "url": site.base_url() + f"/api/v1/complaints/{complaint.tracking_number}/",
    }


def complaint_created(complaint) -> None:
    emit(
        WebhookEvent.COMPLAINT_CREATED,
        unit_ids={complaint.unit_id},
        data=_complaint_data(complaint),
    )


def complaint_status_changed(complaint, *, before: str, action: str, previous_unit_id=None) -> None:
    emit(
        WebhookEvent.COMPLAINT_STATUS,
        unit_ids={complaint.unit_id, previous_unit_id},
        data={**_complaint_data(complaint), "previous_status": before, "action": action},
    )


def skm_result_published(period) -> None:
    def data() -> dict:
        from pantau.satisfaction.selectors import period_results

        results = period_results(period)
        return {
            "period": period.pk,
            "label": period.label,
            "starts_on": period.starts_on,
            "ends_on": period.ends_on,
            "respondents": results.respondents,
            "ikm": str(results.ikm.ikm) if results.ikm else None,
            "grade": results.ikm.grade if results.ikm else None,
            "published_at": timezone.localtime(period.published_at).isoformat(timespec="seconds"),
            "url": site.base_url() + f"/api/v1/skm/results/{period.pk}/",
        }

    emit(WebhookEvent.SKM_PUBLISHED, unit_ids={period.unit_id}, data=data)
