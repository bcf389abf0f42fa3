"""Configuration that every public submission reads, kept in each process for a few seconds.

A citizen's survey answers or report need the same few rows every time: the survey behind a
link, the unit, its agency chain, the deadline policy and days off, the webhook endpoints. Read
through the ORM they cost more CPU than the submission's own insert (decision 0017). They change
a few times a year, by staff, so each process keeps what it read for ``TTL`` seconds:

- a save or delete of one of the ``WATCHED`` models clears the process's memo at once (so a
  test, or the one-process development server, never sees an old value);
- another worker process sees the change within ``TTL`` seconds at the latest;
- what must hold at the moment of saving (a survey still open, a submission not sent twice) is
  checked again by the database in the statement that saves, never taken from the memo.

Values are shared by every request of the process: callers must not change them.
"""

import time
from collections.abc import Callable
from typing import TypeVar, cast

from django.apps import apps
from django.db.models.signals import m2m_changed, post_delete, post_save

T = TypeVar("T")

TTL = 5.0  # seconds
MAX_ENTRIES = 2048

# What the memo holds is read from these models; a change to any of them clears it.
WATCHED = (
    "organisations.Agency",
    "organisations.ServiceUnit",
    "organisations.Service",
    "surveys.Collection",
    "surveys.InstrumentVersion",
    "satisfaction.SurveyPeriod",
    "complaints.DeadlinePolicy",
    "complaints.DayOff",
    "complaints.Category",
    "events.WebhookEndpoint",
)

_entries: dict[tuple, tuple[float, object]] = {}


def remembered(key: tuple, load: Callable[[], T], *, ttl: float = TTL) -> T:
    """``load()``'s value for ``key``, read again when older than ``ttl`` seconds."""
    now = time.monotonic()
    hit = _entries.get(key)
    if hit is not None and hit[0] > now:
        return cast(T, hit[1])
    value = load()
    if len(_entries) >= MAX_ENTRIES:
        _entries.clear()
    _entries[key] = (now + ttl, value)
    return value


def forget(*_args, **_kwargs) -> None:
    """Clear the memo of this process (a signal receiver, hence the ignored arguments)."""
    _entries.clear()


def connect_signals() -> None:
    for label in WATCHED:
        model = apps.get_model(label)
        post_save.connect(forget, sender=model, dispatch_uid=f"memo-save-{label}")
        post_delete.connect(forget, sender=model, dispatch_uid=f"memo-delete-{label}")
    through = apps.get_model("satisfaction.SurveyPeriod").services.through
    m2m_changed.connect(forget, sender=through, dispatch_uid="memo-period-services")
