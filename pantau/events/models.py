"""Events as they happened, the webhook endpoints of units and the log of deliveries. The webhook
tables keep the names they had when these models lived in ``pantau.api`` (decision 0035)."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from pantau.common.models import TimeStampedModel


class WebhookEvent(models.TextChoices):
    COMPLAINT_CREATED = "complaint.created", _("New report")
    COMPLAINT_STATUS = "complaint.status_changed", _("Report status changed")
    SKM_PUBLISHED = "skm.result_published", _("SKM result published")


class Event(models.Model):
    """One event for one unit, stored once when it is emitted: the payload its webhooks receive
    and the "events since" feed returns (issue 20). ``id`` orders the feed; ``uuid`` is the
    payload's ``id`` and the ``X-Pantau-Delivery`` header, the same on every retry and resend.
    Removed after ``PANTAU_EVENT_RETENTION_DAYS`` with their deliveries."""

    uuid = models.UUIDField(default=uuid.uuid4, editable=False, unique=True)
    type = models.CharField(_("event"), max_length=40, choices=WebhookEvent.choices)
    unit = models.ForeignKey(
        "organisations.ServiceUnit",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("service unit"),
    )
    payload = models.JSONField()
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["id"]
        indexes = [models.Index(fields=["unit", "id"], name="events_event_unit_order")]

    def __str__(self) -> str:
        return f"{self.type} {self.uuid}"


class WebhookEndpoint(TimeStampedModel):
    """An HTTPS address of a unit's own system that receives signed events."""

    unit = models.ForeignKey(
        "organisations.ServiceUnit",
        on_delete=models.CASCADE,
        related_name="webhooks",
        verbose_name=_("service unit"),
    )
    url = models.URLField(_("address (HTTPS)"), max_length=400)
    secret = models.CharField(max_length=64)
    events = models.JSONField(_("events"), default=list)
    is_active = models.BooleanField(_("active"), default=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        db_table = "api_webhookendpoint"  # the table it had in pantau.api (issue 18)
        verbose_name = _("webhook")
        verbose_name_plural = _("webhooks")
        ordering = ["unit", "url"]

    def __str__(self) -> str:
        return self.url


class WebhookDelivery(models.Model):
    """One event for one endpoint, with every attempt's outcome (the delivery log). A resend
    (``resent_by``) is a row of its own for the same event; at most one waits per endpoint."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting")
        DELIVERED = "delivered", _("Delivered")
        FAILED = "failed", _("Failed")

    endpoint = models.ForeignKey(
        WebhookEndpoint, on_delete=models.CASCADE, related_name="deliveries"
    )
    event = models.ForeignKey(
        Event, on_delete=models.CASCADE, related_name="deliveries", verbose_name=_("event")
    )
    resent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("resent by"),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    response_code = models.PositiveSmallIntegerField(_("response code"), null=True, blank=True)
    error = models.CharField(_("error"), max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    last_attempt_at = models.DateTimeField(null=True, blank=True)
    delivered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        db_table = "api_webhookdelivery"  # the table it had in pantau.api (issue 18)
        verbose_name = _("webhook delivery")
        verbose_name_plural = _("webhook deliveries")
        ordering = ["-created_at", "-id"]
        constraints = [
            # Emitting delivers an event once per endpoint; resends are the only other rows.
            models.UniqueConstraint(
                fields=["endpoint", "event"],
                condition=Q(resent_by__isnull=True),
                name="events_delivery_once_per_event",
            ),
            models.UniqueConstraint(
                fields=["endpoint", "event"],
                condition=Q(status="pending"),
                name="events_one_waiting_delivery",
            ),
            models.CheckConstraint(
                condition=~Q(status="delivered") | Q(delivered_at__isnull=False),
                name="api_delivered_has_time",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.event_id} → {self.endpoint_id}"
