"""Paging for long lists without counting them: read one row more than a page to know whether a
next page exists. A COUNT(*) over millions of rows would cost more than the page itself.

The page number comes from the address: anything but a number is the first page, and a number
past ``MAX_PAGE`` is a 404 (an OFFSET that large overflows the database's integer, a 500)."""

from dataclasses import dataclass

from django.http import Http404
from django.utils.translation import gettext as _

MAX_PAGE = 100_000


@dataclass
class _NoCount:
    count: None = None
    num_pages: None = None


def page_number(text) -> int:
    """The page asked for: 1 unless ``text`` is a positive number; 404 past ``MAX_PAGE``."""
    text = str(text or "").strip()
    if not text.isascii() or not text.isdigit():
        return 1
    if len(text) > len(str(MAX_PAGE)) or int(text) > MAX_PAGE:
        raise Http404(_("There is no such page."))
    return max(1, int(text))


class CheapPage:
    def __init__(self, queryset, number, per_page: int = 25):
        self.number = page_number(number)
        start = (self.number - 1) * per_page
        rows = list(queryset[start : start + per_page + 1])
        self.object_list = rows[:per_page]
        self._has_next = len(rows) > per_page
        self.paginator = _NoCount()

    def __iter__(self):
        return iter(self.object_list)

    def __len__(self) -> int:
        return len(self.object_list)

    def has_next(self) -> bool:
        return self._has_next

    def has_previous(self) -> bool:
        return self.number > 1

    def has_other_pages(self) -> bool:
        return self.has_next() or self.has_previous()

    def next_page_number(self) -> int:
        return self.number + 1

    def previous_page_number(self) -> int:
        return self.number - 1
