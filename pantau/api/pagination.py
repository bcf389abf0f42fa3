"""Cursor pages: ``next``/``previous`` links and ``results``, never a COUNT over the whole table
(the first page of two million reports costs the same as that of two hundred).

A cursor is base64 the client can forge: one that does not decode, or whose position the
ordering field cannot hold, answers 400 (``cursor``) before it reaches the database. A
``page_size`` that is not a whole number from 1 to 100 answers 400 (``page_size``), never a
silent 25. Either way the page's other query parameters are checked first (``filters``).

A list whose rows have an update time also takes ``updated_after``: its pages then follow the
(update time, id) order and the cursor holds both (``sync``)."""

import base64
import binascii
from urllib import parse

from django.core.exceptions import FieldDoesNotExist
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import models
from django.utils.translation import gettext as _
from rest_framework import exceptions
from rest_framework.pagination import CursorPagination
from rest_framework.utils.urls import replace_query_param

from . import sync
from .filters import check_parameters

BIGGEST_INTEGER = 2**63 - 1
CURSOR_KEYS = {"o", "r", "p"}


def bad_cursor() -> exceptions.ValidationError:
    return exceptions.ValidationError(
        {"cursor": [_("This cursor is not valid: use the next or previous link of a page.")]},
        code="invalid_cursor",
    )


def check_encoding(encoded: str | None) -> None:
    """Raise a 400 unless ``encoded`` is strict base64 of a query string of DRF's cursor keys
    (offset, reverse, position); DRF itself skips what is not base64 and reads any text."""
    if not encoded:
        return
    try:
        text = base64.b64decode(encoded.encode("ascii"), validate=True).decode("ascii")
    except (ValueError, binascii.Error):
        raise bad_cursor() from None
    keys = parse.parse_qs(text, keep_blank_values=True)
    if not keys or set(keys) - CURSOR_KEYS:
        raise bad_cursor()


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


def bad_page_size(maximum: int) -> exceptions.ValidationError:
    return exceptions.ValidationError(
        {
            "page_size": [
                _("Give a whole number of rows from 1 to %(maximum)s.") % {"maximum": maximum}
            ]
        },
        code="invalid",
    )


class Pages(CursorPagination):
    page_size = 25
    page_size_query_param = "page_size"
    max_page_size = 100
    ordering = "-id"
    sync_query_param = sync.PARAMETER
    _resume: str | None = None  # while syncing: where to go on later (``Pantau-Resume``)

    def get_page_size(self, request) -> int:
        value = request.query_params.get(self.page_size_query_param)
        if value is None:
            return self.page_size
        if not (value.isascii() and value.isdigit() and len(value) <= 3):
            raise bad_page_size(self.max_page_size)
        size = int(value)
        if not 1 <= size <= self.max_page_size:
            raise bad_page_size(self.max_page_size)
        return size

    def get_schema_operation_parameters(self, view):
        cursor, page_size = super().get_schema_operation_parameters(view)
        cursor["description"] = (
            "Where the page starts: take it from the `next` or `previous` link of a page. "
            "A cursor not made by Pantau answers 400."
        )
        page_size["description"] = (
            f"Rows per page, 1 to {self.max_page_size} ({self.page_size} by default)."
        )
        page_size["schema"] = {
            "type": "integer",
            "minimum": 1,
            "maximum": self.max_page_size,
            "default": self.page_size,
        }
        if sync.sync_field(view):
            return [cursor, page_size, sync_parameter()]
        return [cursor, page_size]

    def get_ordering(self, request, queryset, view):
        ordering = getattr(view, "cursor_ordering", self.ordering)
        return (ordering,) if isinstance(ordering, str) else tuple(ordering)

    def paginate_queryset(self, queryset, request, view=None):
        check_parameters(request, view)
        self._model = queryset.model
        self._resume = None
        field = sync.sync_field(view)
        moment = request.query_params.get(sync.PARAMETER, "")
        if field and moment and hasattr(queryset.model, field):
            return self._changed_after(queryset, request, field, moment)
        return super().paginate_queryset(queryset, request, view)

    def _changed_after(self, queryset, request, field: str, moment: str) -> list:
        """A page of the rows changed after ``moment`` (``sync``): ``next`` holds the (time, id)
        of its last row, ``previous`` is null, and ``Pantau-Resume`` says where to go on later."""
        self.base_url = request.build_absolute_uri()
        self.request = request
        self.page_size = self.get_page_size(request)
        after = sync.zoned_moment(moment)
        encoded = request.query_params.get(self.cursor_query_param)
        position = sync.Position.decode(encoded, bad_cursor) if encoded else None
        rows = list(
            sync.changed_after(queryset, field=field, after=after, position=position)[
                : self.page_size + 1
            ]
        )
        self.page = rows[: self.page_size]
        if self.page:
            last = self.page[-1]
            position = sync.Position(at=getattr(last, field), pk=last.pk)
        self._resume = (
            replace_query_param(self.base_url, self.cursor_query_param, position.encode())
            if position is not None
            else self.base_url
        )
        self.has_next, self.has_previous = len(rows) > self.page_size, False
        return self.page

    def get_next_link(self):
        if self._resume is not None:
            return self._resume if self.has_next else None
        return super().get_next_link()

    def get_previous_link(self):
        if self._resume is not None:
            return None
        return super().get_previous_link()

    def get_paginated_response(self, data):
        response = super().get_paginated_response(data)
        if self._resume is not None:
            response.headers[sync.RESUME_HEADER] = self._resume
        return response

    def decode_cursor(self, request):
        check_encoding(request.query_params.get(self.cursor_query_param))
        try:
            cursor = super().decode_cursor(request)
        except exceptions.NotFound:  # DRF's "Invalid cursor", in English and as a 404
            raise bad_cursor() from None
        if cursor is not None:
            check_position(self._model, self.ordering, cursor.position)
        return cursor


def sync_parameter() -> dict:
    return {
        "name": sync.PARAMETER,
        "required": False,
        "in": "query",
        "description": sync.DESCRIPTION,
        "schema": {"type": "string", "format": "date-time"},
    }
