"""Filters shared by the API's list endpoints."""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from pantau.common.moments import parse_moment


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
