"""Actions on stored events and their deliveries: resend one from the delivery log, and remove
events older than the retention period (issue 20)."""

from datetime import datetime, timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from pantau.accounts.models import User
from pantau.common import background
from pantau.organisations.permissions import can_manage_unit

from .models import Event, WebhookDelivery
from .tasks import deliver_webhook


def already_waiting() -> ValidationError:
    return ValidationError(
        _("This event is already waiting to be sent to this address; see the delivery log."),
        code="already_waiting",
    )


@transaction.atomic
def resend_delivery(*, actor: User, delivery: WebhookDelivery) -> WebhookDelivery:
    """Send the delivery's event to its endpoint again: a new delivery in the log, with the same
    event id and payload (receivers ignore an id they have seen), attempted and retried as any
    other. Whoever manages the webhook's unit may do it; not while the webhook is paused or the
    event is still waiting to go to that address."""
    endpoint = delivery.endpoint
    if not can_manage_unit(actor, endpoint.unit):
        raise PermissionDenied
    if not endpoint.is_active:
        raise ValidationError(
            _("The webhook is paused: nothing is sent to it until it is switched on again."),
            code="paused",
        )
    waiting = WebhookDelivery.objects.filter(
        endpoint=endpoint, event_id=delivery.event_id, status=WebhookDelivery.Status.PENDING
    )
    if waiting.exists():
        raise already_waiting()
    try:
        with transaction.atomic():
            resend = WebhookDelivery.objects.create(
                endpoint=endpoint, event_id=delivery.event_id, resent_by=actor
            )
    except IntegrityError:  # another resend of the same event got there first
        raise already_waiting() from None
    transaction.on_commit(lambda: background.dispatch(deliver_webhook, resend.pk))
    return resend


def retention_cutoff(now: datetime | None = None) -> datetime:
    return (now or timezone.now()) - timedelta(days=settings.PANTAU_EVENT_RETENTION_DAYS)


def remove_old_events(*, dry_run: bool = False, now: datetime | None = None) -> int:
    """Delete the events stored more than ``PANTAU_EVENT_RETENTION_DAYS`` ago, with their
    deliveries; returns how many events (with ``dry_run``: would be) deleted. Part of the daily
    retention run (``pantau apply_retention``)."""
    old = Event.objects.filter(created_at__lt=retention_cutoff(now))
    if dry_run:
        return old.count()
    removed = 0
    while True:  # in batches: a long outage of the job must not make one huge transaction
        batch = list(old.values_list("pk", flat=True)[:1000])
        if not batch:
            return removed
        with transaction.atomic():
            Event.objects.filter(pk__in=batch).delete()
        removed += len(batch)
