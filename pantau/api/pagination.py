"""Cursor pages: ``next``/``previous`` links and ``results``, never a COUNT over the whole table
(the first page of two million reports costs the same as that of two hundred).

A cursor is base64 the client can forge: its position is checked against the ordering field
before it reaches the database, and a position that field cannot hold answers 400 (``cursor``)."""

from django.core.exceptions import FieldDoesNotExist
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import models
from django.utils.translation import gettext as _
from rest_framework import exceptions
from rest_framework.pagination import CursorPagination

BIGGEST_INTEGER = 2**63 - 1


def bad_cursor() -> exceptions.ValidationError:
    return exceptions.ValidationError(
        {"cursor": [_("This cursor is not valid: use the next or previous link of a page.")]},
        code="invalid_cursor",
    )


def check_position(model, ordering: tuple[str, ...], position: str | None) -> None:
    """Raise a 400 unless the first ordering field of ``model`` can hold ``position``."""
    if position is None:
        return
    if "\x00" in position:
        raise bad_cursor()
    name = ordering[0].lstrip("-")
    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:  # an annotation: nothing to check it against
        return
    try:
        value = field.to_python(position)
        if isinstance(field, models.IntegerField | models.AutoField) and (
            value is None or abs(int(value)) > BIGGEST_INTEGER
        ):
            raise ValueError(position)
        if isinstance(field, models.DateTimeField | models.DateField) and value is None:
            raise ValueError(position)
        field.get_prep_value(value)
    except (DjangoValidationError, ValueError, TypeError, OverflowError):
        raise bad_cursor() from None


class Pages(CursorPagination):
    page_size = 25
    page_size_query_param = "page_size"
    max_page_size = 100
    ordering = "-id"

    def get_ordering(self, request, queryset, view):
        ordering = getattr(view, "cursor_ordering", self.ordering)
        return (ordering,) if isinstance(ordering, str) else tuple(ordering)

    def paginate_queryset(self, queryset, request, view=None):
        self._model = queryset.model
        return super().paginate_queryset(queryset, request, view)

    def decode_cursor(self, request):
        cursor = super().decode_cursor(request)
        if cursor is not None:
            check_position(self._model, self.ordering, cursor.position)
        return cursor
