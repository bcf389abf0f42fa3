"""Webhook delivery through Celery: one attempt per run, retried with doubling waits, every
attempt written to the delivery log."""

import ipaddress
import socket
import urllib.error
import urllib.request
from urllib.parse import urlsplit

from celery import shared_task
from django.conf import settings
from django.utils import timezone

from .models import WebhookDelivery
from .signing import encode, sign

TIMEOUT_SECONDS = 5


def post(url: str, body: bytes, headers: dict[str, str]) -> tuple[int | None, str]:
    """(HTTP status or None, error text). Only https:// addresses are ever registered."""
    request = urllib.request.Request(url, data=body, headers=headers, method="POST")  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:  # noqa: S310
            return response.status, ""
    except urllib.error.HTTPError as error:
        return error.code, f"HTTP {error.code}"
    except (urllib.error.URLError, TimeoutError, OSError) as error:
        return None, str(getattr(error, "reason", error))[:300]


def check_destination(url: str) -> str:
    """ "" when every address the host resolves to is public; else why not. A webhook must not
    reach Pantau's own network (the loopback, private ranges, link-local cloud metadata)."""
    host = urlsplit(url).hostname or ""
    try:
        addresses = {
            str(info[4][0]) for info in socket.getaddrinfo(host, 443, proto=socket.IPPROTO_TCP)
        }
    except (OSError, UnicodeError) as error:
        return f"cannot resolve {host}: {error}"[:300]
    for address in addresses:
        if not ipaddress.ip_address(address.split("%")[0]).is_global:
            return f"{host} resolves to a non-public address ({address})"[:300]
    return ""


# The name it had in pantau.api, so that deliveries already queued still find their task.
@shared_task(bind=True, max_retries=None, name="pantau.api.tasks.deliver_webhook")
def deliver_webhook(self, delivery_id: int) -> str:
    delivery = (
        WebhookDelivery.objects.select_related("endpoint", "event").filter(pk=delivery_id).first()
    )
    if delivery is None or delivery.status != WebhookDelivery.Status.PENDING:
        return "skipped"
    endpoint = delivery.endpoint
    body = encode(delivery.event.payload)
    refused = check_destination(endpoint.url)
    code, error = (
        (None, refused)
        if refused
        else post(
            endpoint.url,
            body,
            {
                "Content-Type": "application/json",
                "User-Agent": "Pantau-Webhooks/1",
                "X-Pantau-Event": delivery.event.type,
                "X-Pantau-Delivery": str(delivery.event.uuid),
                "X-Pantau-Signature": sign(endpoint.secret, body),
            },
        )
    )
    delivery.attempts += 1
    delivery.last_attempt_at = timezone.now()
    delivery.response_code = code
    delivery.error = error
    if code is not None and 200 <= code < 300:
        delivery.status = WebhookDelivery.Status.DELIVERED
        delivery.delivered_at = delivery.last_attempt_at
        delivery.error = ""
    elif delivery.attempts >= settings.PANTAU_WEBHOOK_ATTEMPTS or not endpoint.is_active:
        delivery.status = WebhookDelivery.Status.FAILED
    delivery.save()
    if delivery.status == WebhookDelivery.Status.PENDING:
        if self.request.is_eager:
            from pantau.common import background

            if background.inline():  # tests: the next attempt runs at once
                return deliver_webhook.run(delivery_id)
            # No worker (the embedded demo): one attempt, after the response, and no retries
            # that nobody would run (issue 17).
            delivery.status = WebhookDelivery.Status.FAILED
            delivery.error = (delivery.error + " (no task worker: not retried)")[:300]
            delivery.save(update_fields=["status", "error"])
            return delivery.status
        wait = settings.PANTAU_WEBHOOK_BACKOFF * 2 ** (delivery.attempts - 1)
        raise self.retry(countdown=wait)
    return delivery.status
