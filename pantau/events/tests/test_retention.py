"""Stored events are kept PANTAU_EVENT_RETENTION_DAYS days, then removed with their deliveries by
the daily retention run (issue 20)."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from pantau.events.models import Event, WebhookDelivery
from pantau.events.services import remove_old_events
from pantau.events.tests.factories import WebhookEndpointFactory
from pantau.privacy.tasks import apply_retention_task

pytestmark = pytest.mark.django_db


def _event(unit, days_ago: float) -> Event:
    at = timezone.now() - timedelta(days=days_ago)
    event = Event.objects.create(type="complaint.created", unit=unit, payload={}, created_at=at)
    WebhookDelivery.objects.create(endpoint=WebhookEndpointFactory(unit=unit), event=event)
    return event


def test_events_past_the_retention_period_go_with_their_deliveries(unit_a, settings):
    settings.PANTAU_EVENT_RETENTION_DAYS = 30
    old, kept = _event(unit_a, 31), _event(unit_a, 29)
    assert remove_old_events() == 1
    assert list(Event.objects.all()) == [kept]
    assert list(WebhookDelivery.objects.values_list("event", flat=True)) == [kept.pk]
    assert not Event.objects.filter(pk=old.pk).exists()


def test_a_dry_run_counts_and_removes_nothing(unit_a, settings):
    settings.PANTAU_EVENT_RETENTION_DAYS = 30
    _event(unit_a, 40)
    assert remove_old_events(dry_run=True) == 1
    out = StringIO()
    call_command("apply_retention", "--dry-run", stdout=out)
    assert (
        "events.Event, kept 30 days" in out.getvalue() and "would delete 1 events" in out.getvalue()
    )
    assert Event.objects.count() == 1 and WebhookDelivery.objects.count() == 1


def test_the_daily_retention_run_removes_old_events(unit_a, settings):
    settings.PANTAU_EVENT_RETENTION_DAYS = 90
    _event(unit_a, 91)
    kept = _event(unit_a, 1)
    apply_retention_task()
    assert list(Event.objects.all()) == [kept]
