"""``updated_after``: a list read as a sync client reads it (issue 20, decision 0038).

Every paginated list whose rows have an update time (``updated_at``) takes
``updated_after=<ISO 8601 with its zone>``. The rows changed after that moment then come oldest
change first, in the stable order of (update time, id), and the page's ``cursor`` holds the
position of the last row returned: both parts, so that rows sharing one timestamp are neither
skipped nor repeated, and a row changed again while the client pages comes again once, at its
new place. (DRF's own cursor keeps one field and an offset among equal values, which skips a row
when another of the same timestamp moves away between two pages.)

Each answer carries ``Pantau-Resume``: the address to call later to get what changed after the
last row returned (the same query with the cursor past that row), also on the last page and on
an empty one. Changes younger than ``SETTLE`` are left for that later call, so that a row whose
transaction is still committing (its time was taken before the commit) is not passed over.

The moment and the cursor are checked before the database is asked: a date without a zone, a
value that is no date, or a cursor Pantau did not make answers 400 naming the parameter."""

import base64
import binascii
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from urllib import parse

from django.core.exceptions import FieldDoesNotExist
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _
from rest_framework import exceptions

from pantau.common.moments import parse_moment

PARAMETER = "updated_after"
FIELD = "updated_at"
RESUME_HEADER = "Pantau-Resume"
SETTLE = timedelta(seconds=5)
BIGGEST_INTEGER = 2**63 - 1

DESCRIPTION = (
    "Only the rows changed after this moment (ISO 8601 with its zone, e.g. "
    "`2026-11-23T09:00:00+07:00` or `…Z`), oldest change first in the stable order of (update "
    "time, id). Follow `next` to the end, then call the address in the `Pantau-Resume` header "
    "later to get what changed since: no row is missed or repeated, even when many share one "
    "timestamp. Changes of the last 5 seconds wait for the next call. A date without a zone "
    "answers 400."
)


def sync_field(view) -> str | None:
    """The update-time field the list ``view`` syncs on, or None when its rows have none (or it
    says ``sync_field = None``)."""
    name = getattr(view, "sync_field", FIELD)
    queryset = getattr(view, "queryset", None)
    if not name or queryset is None:
        return None
    try:
        queryset.model._meta.get_field(name)
    except FieldDoesNotExist:
        return None
    return name


def invalid_moment() -> exceptions.ValidationError:
    return exceptions.ValidationError(
        {
            PARAMETER: [
                _(
                    "Give a date and time in ISO 8601 with its zone, an offset between -12:00 "
                    "and +14:00 or Z, e.g. 2026-11-23T09:00:00+07:00."
                )
            ]
        },
        code="invalid",
    )


def zoned_moment(text: str) -> datetime:
    """``text`` as an aware datetime; a 400 naming ``updated_after`` for a date without a zone
    or anything that is not a moment a database can hold."""
    text = text.replace(" ", "+")  # an unescaped "+" in a query string reads as a space
    moment = parse_moment(text)
    if moment is None:
        raise invalid_moment()
    try:
        written = parse_datetime(text)
    except ValueError:
        written = None
    if written is None or written.tzinfo is None:  # parse_moment makes a naive one local
        raise invalid_moment()
    return moment


@dataclass(frozen=True)
class Position:
    """Where a sync page ends: the update time and id of its last row."""

    at: datetime
    pk: int

    def encode(self) -> str:
        text = parse.urlencode({"u": self.at.astimezone(UTC).isoformat(), "i": str(self.pk)})
        return base64.b64encode(text.encode("ascii")).decode("ascii")

    @classmethod
    def decode(cls, encoded: str, bad) -> "Position":
        """The position in a cursor made by ``encode``; ``bad()`` raised for anything else."""
        try:
            text = base64.b64decode(encoded.encode("ascii"), validate=True).decode("ascii")
        except (ValueError, binascii.Error):
            raise bad() from None
        keys = parse.parse_qs(text, keep_blank_values=True)
        if set(keys) != {"u", "i"} or any(len(v) != 1 for v in keys.values()):
            raise bad()
        pk, at = keys["i"][0], parse_moment(keys["u"][0])
        if at is None or not (pk.isascii() and pk.isdigit() and int(pk) <= BIGGEST_INTEGER):
            raise bad()
        return cls(at=at, pk=int(pk))


def changed_after(
    queryset: QuerySet, *, field: str, after: datetime, position: Position | None
) -> QuerySet:
    """The rows changed after ``after`` (and past ``position``), settled, in (time, id) order."""
    later = Q(**{f"{field}__gt": after})
    if position is not None:
        later &= Q(**{f"{field}__gt": position.at}) | Q(
            **{field: position.at, "pk__gt": position.pk}
        )
    settled = timezone.now() - SETTLE
    return queryset.filter(later, **{f"{field}__lte": settled}).order_by(field, "pk")
