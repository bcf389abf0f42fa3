"""The query parameters of Open311 lists, read strictly: a name the method does not define
answers 400 (a sync client must not get everything without knowing it), and so does a bad value.

- dates are W3C date-times with their zone (``2026-11-23T09:00:00+07:00`` or ``…Z``), and a
  ``start_date``–``end_date`` window spans at most the standard's 90 days;
- ``page`` and ``page_size`` (Pantau's extension) number the pages; ``Link: <…>; rel="next"``
  says that another page exists;
- ``updated_after`` (and ``after_id``, which ``Link`` and ``Pantau-Resume`` fill in) reads what
  changed after a point, oldest change first, in a stable (time, id) order: following the links
  a client never misses or repeats a row. Changes younger than ``SETTLE`` are left for the next
  call, so that a row whose transaction is still committing is not skipped."""

from dataclasses import dataclass
from datetime import datetime, timedelta
from urllib.parse import urlencode

from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _
from rest_framework import exceptions

from pantau.common.moments import parse_moment

MAX_SPAN = timedelta(days=90)  # the standard's longest start_date–end_date window
MAX_PAGE_SIZE = 1000  # the standard's maximum per response
MAX_PAGE = 100_000
SETTLE = timedelta(seconds=5)

# Accepted on every method: the standard's own and DRF's format override.
COMMON = frozenset({"jurisdiction_id", "api_key", "format"})
PAGING = frozenset({"page", "page_size", "updated_after", "after_id"})


def refuse_unknown(params, allowed: frozenset[str]) -> None:
    unknown = sorted(set(params) - allowed - COMMON)
    if unknown:
        raise exceptions.ValidationError(
            _("Unknown parameter: %(names)s. This method takes %(allowed)s.")
            % {"names": ", ".join(unknown), "allowed": ", ".join(sorted(allowed | COMMON))}
        )


def moment(params, name: str) -> datetime | None:
    """A date-time with its zone, or None when the parameter is absent."""
    text = str(params.get(name, "") or "").replace(" ", "+")  # an unescaped "+" reads as " "
    if not text:
        return None
    found = parse_moment(text)
    if found is None or _naive(text):
        raise exceptions.ValidationError(
            {
                name: _(
                    "Give a date and time in ISO 8601 with its zone, an offset between -12:00 "
                    "and +14:00 or Z, e.g. 2026-11-23T09:00:00+07:00."
                )
            }
        )
    return found


def _naive(text: str) -> bool:
    try:
        parsed = parse_datetime(text)
    except ValueError:
        return True
    return parsed is None or parsed.tzinfo is None


def window(params, *, default: timedelta | None) -> tuple[datetime | None, datetime | None]:
    """``start_date`` and ``end_date``: end not before start, at most 90 days apart (``start_date``
    alone runs until now, ``end_date`` alone from 90 days before it). Without either, the last
    ``default`` (None: no window)."""
    start, end = moment(params, "start_date"), moment(params, "end_date")
    if start is None and end is None:
        return (None if default is None else timezone.now() - default), None
    if start is not None and end is not None and end < start:
        raise exceptions.ValidationError({"end_date": _("end_date is before start_date.")})
    if start is None and end is not None:
        return end - MAX_SPAN, end
    if start is not None and (end or timezone.now()) - start > MAX_SPAN:
        raise exceptions.ValidationError(
            {
                "start_date": _(
                    "The window from start_date to end_date (or to now) spans more than 90 "
                    "days; ask for at most 90 days at a time, or use updated_after."
                )
            }
        )
    return start, end


@dataclass
class Page:
    number: int
    size: int
    updated_after: datetime | None = None
    after_id: str = ""

    @property
    def offset(self) -> int:
        return 0 if self.updated_after is not None else (self.number - 1) * self.size

    @property
    def syncing(self) -> bool:
        return self.updated_after is not None

    def settled(self) -> datetime:
        """Changes after this moment are left for the next call (see the module's text)."""
        return timezone.now() - SETTLE


def _whole(params, name: str, *, default: int, lowest: int, highest: int) -> int:
    text = str(params.get(name, "") or "")
    if not text:
        return default
    if not text.isascii() or not text.isdigit() or not lowest <= int(text) <= highest:
        raise exceptions.ValidationError(
            {
                name: _("Give a whole number from %(lowest)s to %(highest)s.")
                % {"lowest": lowest, "highest": highest}
            }
        )
    return int(text)


def page(params, *, default_size: int, numeric_ids: bool) -> Page:
    """``page``/``page_size``, or ``updated_after`` with ``after_id``; never both ways at once."""
    size = _whole(params, "page_size", default=default_size, lowest=1, highest=MAX_PAGE_SIZE)
    number = _whole(params, "page", default=1, lowest=1, highest=MAX_PAGE)
    after = moment(params, "updated_after")
    after_id = str(params.get("after_id", "") or "").strip()
    if after is None:
        if after_id:
            raise exceptions.ValidationError({"after_id": _("after_id needs updated_after.")})
        return Page(number=number, size=size)
    if params.get("page"):
        raise exceptions.ValidationError(
            {"page": _("With updated_after, follow the Link header instead of page.")}
        )
    if after_id and (
        len(after_id) > 40
        or not after_id.isascii()
        or not (after_id.isdigit() if numeric_ids else after_id.replace("-", "").isalnum())
    ):
        raise exceptions.ValidationError({"after_id": _("This is not an id of this list.")})
    return Page(number=1, size=size, updated_after=after, after_id=after_id.upper())


def links(request, page: Page, *, more: bool, last: tuple[datetime, str] | None) -> dict:
    """The headers of a page: ``Link`` to the next one when more rows exist; while syncing,
    ``Pantau-Resume``: where to continue from later (past the last row returned)."""
    params = request.query_params.copy()
    headers = {}
    if page.syncing:
        if last is not None:
            params["updated_after"] = timezone.localtime(last[0]).isoformat()
            params["after_id"] = last[1]
        follow = _url(request, params)
        headers["Pantau-Resume"] = follow
        if more:
            headers["Link"] = f'<{follow}>; rel="next"'
    elif more:
        params["page"] = str(page.number + 1)
        headers["Link"] = f'<{_url(request, params)}>; rel="next"'
    return headers


def _url(request, params) -> str:
    return request.build_absolute_uri(request.path) + "?" + urlencode(sorted(params.items()))
