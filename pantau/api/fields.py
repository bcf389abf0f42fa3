"""Serializer fields shared by the API's endpoints."""

from decimal import ROUND_HALF_EVEN, Decimal

from django.utils.translation import gettext as _
from rest_framework import serializers
from rest_framework.fields import empty

from pantau.common.flags import parse_flag


class StrictBooleanField(serializers.BooleanField):
    """true/false, 1/0, yes/no, ya/tidak and nothing else (pantau.common.flags): DRF's own field
    also takes "on", "t" or "y", which a form-minded client may send meaning something else."""

    def to_internal_value(self, data):
        try:
            return parse_flag(data, default=self.default if self.default is not empty else False)
        except ValueError as error:
            raise serializers.ValidationError(str(error)) from None

    def to_representation(self, value):
        return bool(value)


class DegreesField(serializers.FloatField):
    """A WGS84 coordinate in degrees, from -``limit`` to ``limit``, kept to six decimals (about
    10 cm, what a report keeps); a JSON true/false is not a number here."""

    PLACES = Decimal("0.000001")

    def __init__(self, *, limit: int, **kwargs) -> None:
        self.limit = limit
        super().__init__(min_value=-limit, max_value=limit, **kwargs)

    def to_internal_value(self, data):
        if isinstance(data, bool):
            self.fail("invalid")
        value = super().to_internal_value(data)
        if not -self.limit <= value <= self.limit:  # before quantize, which 1e300 overflows
            raise serializers.ValidationError(
                _("Give a number of degrees from -%(limit)s to %(limit)s (WGS84).")
                % {"limit": self.limit},
                code="max_value" if value > 0 else "min_value",
            )
        return Decimal(repr(value)).quantize(self.PLACES, rounding=ROUND_HALF_EVEN)
