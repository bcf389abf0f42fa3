"""Filters shared by the API's list endpoints, and the rule that a list answers 400 to a query
parameter it does not know (a sync client that misspells ``updated_after`` would otherwise get
every row without knowing).

A list takes ``format``, the page's ``cursor`` and ``page_size``, the filters of its FilterSet
and the names in its view's ``query_parameters`` (those it reads itself); anything else is a 400
naming the parameter. A filter naming a record (a unit's slug, a category's code) answers 400
when no such record exists, rather than an empty list."""

from collections.abc import Iterable

import django_filters
from django import forms
from django.db.models import Model
from django.utils.translation import gettext_lazy as _
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import extend_schema_field
from rest_framework import exceptions

from pantau.common.moments import parse_moment

from . import sync

ALWAYS_ALLOWED = frozenset({"format"})


class MomentField(forms.Field):
    default_error_messages = {
        "invalid": _("Give a date and time in ISO 8601, e.g. 2026-11-23T09:00:00+07:00.")
    }

    def to_python(self, value):
        if value in self.empty_values:
            return None
        moment = parse_moment(str(value))
        if moment is None:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        return moment


class MomentFilter(django_filters.IsoDateTimeFilter):
    """An ISO 8601 moment with a real-world offset; anything else is a 400 naming the filter."""

    field_class = MomentField


class KnownValueField(forms.CharField):
    default_error_messages = {"unknown": _("There is no %(what)s “%(value)s”.")}

    def __init__(self, *, model: type[Model], lookup: str, **kwargs) -> None:
        self.model = model
        self.lookup = lookup
        super().__init__(**kwargs)

    def clean(self, value):
        value = super().clean(value)
        if value and not self.model._default_manager.filter(**{self.lookup: value}).exists():
            raise forms.ValidationError(
                self.error_messages["unknown"],
                code="unknown",
                params={"what": self.model._meta.verbose_name, "value": value},
            )
        return value


def known(request, name: str, model: type[Model], lookup: str = "slug"):
    """The record the query parameter ``name`` names (a list that reads it itself), or a 400
    naming the parameter, as a ``KnownValueFilter`` answers."""
    field = KnownValueField(model=model, lookup=lookup, max_length=80)
    try:
        value = field.clean(request.query_params.get(name))
    except forms.ValidationError as error:
        details = [
            exceptions.ErrorDetail(message, code=item.code or "invalid")
            for item in error.error_list
            for message in item.messages
        ]
        raise exceptions.ValidationError({name: details}) from None
    return model._default_manager.get(**{lookup: value})


class KnownValueFilter(django_filters.CharFilter):
    """A record named by its slug (``lookup``: another unique-enough field, e.g. a category's
    ``code``); a value that names none is a 400, not an empty list."""

    field_class = KnownValueField

    def __init__(self, *args, model: type[Model], lookup: str = "slug", **kwargs) -> None:
        kwargs.setdefault("max_length", 80)
        super().__init__(*args, model=model, lookup=lookup, **kwargs)
        schema = {"type": "string", "maxLength": kwargs["max_length"]}
        if kwargs.get("help_text"):
            schema["description"] = str(kwargs["help_text"])
        extend_schema_field(schema)(self)


class IntegerFilter(django_filters.NumberFilter):
    """A whole number between ``min_value`` and ``max_value``, described with its bounds (a
    ``NumberFilter`` takes 2.5 and its description gives no bounds)."""

    field_class = forms.IntegerField

    def __init__(self, *args, min_value: int, max_value: int, **kwargs) -> None:
        super().__init__(*args, min_value=min_value, max_value=max_value, **kwargs)
        schema: dict = {"type": "integer", "minimum": min_value, "maximum": max_value}
        if kwargs.get("help_text"):
            schema["description"] = str(kwargs["help_text"])
        extend_schema_field(schema)(self)

    def get_max_validator(self):
        return None  # the field's own max_value


def allowed_parameters(view) -> set[str]:
    names = set(ALWAYS_ALLOWED) | set(getattr(view, "query_parameters", ()))
    filterset_class = getattr(view, "filterset_class", None)
    if filterset_class is not None:
        names |= set(filterset_class.base_filters)
    paginator = getattr(view, "paginator", None)
    for attribute in ("cursor_query_param", "page_size_query_param"):
        if getattr(paginator, attribute, None):
            names.add(getattr(paginator, attribute))
    sync_name = getattr(paginator, "sync_query_param", None)
    if sync_name and sync.sync_field(view):
        names.add(sync_name)
    return names


def unknown_parameters(names: Iterable[str]) -> exceptions.ValidationError:
    message = _("This list takes no such parameter: see the API description for the ones it takes.")
    return exceptions.ValidationError(
        {name: [message] for name in sorted(names)}, code="unknown_parameter"
    )


def check_parameters(request, view) -> None:
    """A 400 naming every query parameter the list ``view`` does not take."""
    if view is None:
        return
    allowed = allowed_parameters(view)
    unknown = set(request.query_params) - allowed
    if unknown:
        raise unknown_parameters(unknown)


class FilterBackend(DjangoFilterBackend):
    """django-filter, after the check of the parameters' names."""

    def filter_queryset(self, request, queryset, view):
        check_parameters(request, view)
        return super().filter_queryset(request, queryset, view)
