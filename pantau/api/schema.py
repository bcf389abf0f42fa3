"""drf-spectacular: the token scheme, and helpers for the documented error body."""

from drf_spectacular.extensions import OpenApiAuthenticationExtension
from drf_spectacular.utils import OpenApiResponse, inline_serializer
from rest_framework import serializers


class TokenScheme(OpenApiAuthenticationExtension):
    target_class = "pantau.api.authentication.TokenAuthentication"
    name = "token"

    def get_security_definition(self, auto_schema):
        return {
            "type": "http",
            "scheme": "bearer",
            "bearerFormat": "pnt_<prefix>_<secret>",
            "description": "A personal API token (Pantau → My API tokens).",
        }


ErrorSerializer = inline_serializer(
    name="Errors",
    fields={
        "errors": serializers.ListField(
            child=inline_serializer(
                name="Error",
                fields={
                    "code": serializers.CharField(),
                    "field": serializers.CharField(allow_null=True),
                    "message": serializers.CharField(),
                },
            )
        )
    },
)


def errors(*codes: int) -> dict:
    """Documented error responses for the given status codes."""
    return {code: OpenApiResponse(ErrorSerializer) for code in codes}
