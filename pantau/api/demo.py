"""Demo API data: a read-only token of the Dinas Sosial unit head with a known secret (so that the
curl examples of docs/api.md work on `make run`), and a paused webhook with a short delivery log of
the unit's own events."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from pantau.common.demo import DemoContext, upsert
from pantau.events.models import Event, WebhookDelivery, WebhookEndpoint, WebhookEvent

from .models import ApiToken
from .tokens import hash_token

# Demo only: a real token is random and shown once (docs/api.md).
DEMO_TOKEN = "pnt_d3m0d1n5_demo-token-kepala-dinsos-read-only"
DEMO_WEBHOOK_URL = "https://sistem.lomboktimurkab.example/pantau/events"


def load(ctx: DemoContext) -> None:
    head = ctx.objects["user:kepala.dinsos"]
    unit = ctx.objects["unit:dinsos-mpp-lombok-timur"]
    upsert(
        ApiToken,
        prefix="d3m0d1n5",
        defaults={
            "user": head,
            "name": "Dasbor Bappeda (demo)",
            "key_hash": hash_token(DEMO_TOKEN),
            "can_write": False,
        },
    )
    endpoint = upsert(
        WebhookEndpoint,
        unit=unit,
        url=DEMO_WEBHOOK_URL,
        defaults={
            "secret": f"{ctx.rng.getrandbits(256):064x}",
            "events": sorted(WebhookEvent.values),
            # Paused: the demo has no receiving system, and nothing should wait for one.
            "is_active": False,
            "created_by": head,
        },
    )
    if not endpoint.deliveries.exists():
        # The unit's reports emit their events when the demo's transaction commits; the log
        # then shows two of them, sent days ago (these callbacks run after the reports').
        transaction.on_commit(lambda: _delivery_log(endpoint))
    ctx.objects["api:demo-token"] = DEMO_TOKEN


def _delivery_log(endpoint: WebhookEndpoint) -> None:
    events = list(Event.objects.filter(unit=endpoint.unit).order_by("-id")[:2])
    now = timezone.now()
    for event, (days, status, code, error) in zip(
        reversed(events),
        (
            (3, WebhookDelivery.Status.DELIVERED, 200, ""),
            (1, WebhookDelivery.Status.FAILED, 503, "HTTP 503"),
        ),
        strict=False,
    ):
        at = now - timedelta(days=days)
        delivery = WebhookDelivery.objects.create(
            endpoint=endpoint,
            event=event,
            status=status,
            attempts=1 if code == 200 else 5,
            response_code=code,
            error=error,
            last_attempt_at=at,
            delivered_at=at if code == 200 else None,
        )
        WebhookDelivery.objects.filter(pk=delivery.pk).update(created_at=at)
