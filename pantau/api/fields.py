"""Serializer fields shared by the API's endpoints."""

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
