"""Paging for long lists without counting them: read one row more than a page to know whether a
next page exists. A COUNT(*) over millions of rows would cost more than the page itself."""

from dataclasses import dataclass


@dataclass
class _NoCount:
    count: None = None
    num_pages: None = None


class CheapPage:
    def __init__(self, queryset, number, per_page: int = 25):
        try:
            self.number = max(1, int(number or 1))
        except (TypeError, ValueError):
            self.number = 1
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
