"""Dates and times typed by clients: parsed once, with real-world offsets only.

``parse_datetime`` accepts offsets up to ±23:59 (PostgreSQL refuses beyond ±15:59) and raises
``ValueError`` past that; a moment near year 1 or 9999 overflows when turned to UTC. Both must
answer 400, not 500, so every query parameter holding a moment goes through ``parse_moment``."""

from datetime import UTC, datetime, timedelta

from django.utils import timezone
from django.utils.dateparse import parse_datetime

# The offsets in use on Earth run from UTC-12:00 to UTC+14:00.
EARLIEST_OFFSET = timedelta(hours=-12)
LATEST_OFFSET = timedelta(hours=14)


def parse_moment(text: str) -> datetime | None:
    """An aware datetime from ISO 8601 ``text``, or None if it is not one a database can hold."""
    if not text or "\x00" in text or len(text) > 64:
        return None
    try:
        moment = parse_datetime(text)
    except (ValueError, OverflowError):
        return None
    if moment is None:
        return None
    return checked(moment)


def checked(moment: datetime) -> datetime | None:
    """``moment`` made aware, if its offset is a real one and it stays a datetime in UTC."""
    try:
        if timezone.is_naive(moment):
            moment = timezone.make_aware(moment)
        offset = moment.utcoffset()
        if offset is None or not EARLIEST_OFFSET <= offset <= LATEST_OFFSET:
            return None
        moment.astimezone(UTC)
        return moment
    except (ValueError, OverflowError):
        return None
