"""Cursor pages: ``next``/``previous`` links and ``results``, never a COUNT over the whole table
(the first page of two million reports costs the same as that of two hundred)."""

from rest_framework.pagination import CursorPagination


class Pages(CursorPagination):
    page_size = 25
    page_size_query_param = "page_size"
    max_page_size = 100
    ordering = "-id"

    def get_ordering(self, request, queryset, view):
        ordering = getattr(view, "cursor_ordering", self.ordering)
        return (ordering,) if isinstance(ordering, str) else tuple(ordering)
