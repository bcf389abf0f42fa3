"""Reads of stored events: the "events since" feed (issue 20)."""

from datetime import timedelta

from django.conf import settings
from django.db.models import Min, QuerySet
from django.utils import timezone

from pantau.organisations.models import ServiceUnit

from .models import Event


def settled_events(units: QuerySet[ServiceUnit]) -> QuerySet[Event]:
    """The events of ``units`` in the order they were stored (``id``), up to the first one
    stored in the last ``PANTAU_EVENT_FEED_DELAY_SECONDS``. Numbers are drawn before a save
    commits, so a later number may be visible before an earlier one; stopping short of every
    recent event means a reader that moves past an id never skips one still being saved."""
    settled = timezone.now() - timedelta(seconds=settings.PANTAU_EVENT_FEED_DELAY_SECONDS)
    first_recent = Event.objects.filter(created_at__gt=settled).aggregate(first=Min("id"))["first"]
    events = Event.objects.filter(unit__in=units).order_by("id")
    return events if first_recent is None else events.filter(id__lt=first_recent)


def events_page(
    units: QuerySet[ServiceUnit], *, after: Event | None, limit: int
) -> tuple[list[Event], bool]:
    """Up to ``limit`` events of ``units`` after ``after`` (from the oldest kept when None), and
    whether more follow."""
    events = settled_events(units)
    if after is not None:
        events = events.filter(id__gt=after.pk)
    rows = list(events[: limit + 1])
    return rows[:limit], len(rows) > limit


def find_event(units: QuerySet[ServiceUnit], uuid: str) -> Event | None:
    """The event with this id among the events of ``units``."""
    return Event.objects.filter(unit__in=units, uuid=uuid).first()
