"""Demo API data: a read-only token of the Dinas Sosial unit head with a known secret (so that the
curl examples of docs/api.md work on `make run`), and a paused webhook with a short delivery log."""

from datetime import timedelta

from django.utils import timezone

from pantau.common.demo import DemoContext, upsert
from pantau.events.models import WebhookDelivery, WebhookEndpoint, WebhookEvent

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
        now = timezone.now()
        for days, status, code, error in (
            (3, WebhookDelivery.Status.DELIVERED, 200, ""),
            (1, WebhookDelivery.Status.FAILED, 503, "HTTP 503"),
        ):
            at = now - timedelta(days=days)
            delivery = WebhookDelivery.objects.create(
                endpoint=endpoint,
                event=WebhookEvent.COMPLAINT_CREATED,
                payload={"event": WebhookEvent.COMPLAINT_CREATED, "demo": True},
                status=status,
                attempts=1 if code == 200 else 5,
                response_code=code,
                error=error,
                last_attempt_at=at,
                delivered_at=at if code == 200 else None,
            )
            WebhookDelivery.objects.filter(pk=delivery.pk).update(created_at=at)
    ctx.objects["api:demo-token"] = DEMO_TOKEN
