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


METHODS = ("get", "post", "put", "patch", "delete")
COMBINERS = ("allOf", "anyOf", "oneOf", "$ref")


def json_schema(node):
    """An OpenAPI 3.0 description with ``nullable`` spelt as JSON Schema does (null is one of the
    types), so that a JSON Schema validator reads it as OpenAPI means it."""
    if isinstance(node, list):
        return [json_schema(value) for value in node]
    if not isinstance(node, dict):
        return node
    node = {key: json_schema(value) for key, value in node.items()}
    if node.get("nullable") is not True:
        return node
    del node["nullable"]
    if "type" in node and not any(key in node for key in COMBINERS):
        node["type"] = [node["type"], "null"]
        if "enum" in node:
            node["enum"] = [*node["enum"], None]
        return node
    return {"anyOf": [node, {"type": "null"}]}


ERRORS_SCHEMA = {
    "Error": {
        "type": "object",
        "properties": {
            "code": {"type": "string"},
            "field": {"type": "string", "nullable": True},
            "message": {"type": "string"},
        },
        "required": ["code", "field", "message"],
    },
    "Errors": {
        "type": "object",
        "properties": {
            "errors": {"type": "array", "items": {"$ref": "#/components/schemas/Error"}}
        },
        "required": ["errors"],
    },
}

# Query parameters whose empty value is refused (every other one may be empty: not given).
STRICT_PARAMETERS = {"page_size"}

ERROR_DESCRIPTIONS = {
    "400": "A query parameter or a field of the body is wrong, or unknown to this operation; "
    "`field` names it.",
    "401": "No token where one is needed, or a token that is not valid (revoked, expired).",
    "403": "The token may not do this, e.g. it may only read.",
    "404": "Not found, or not yours to see.",
    "415": "The body is not in a media type this operation takes.",
    "429": "Too many requests: try again after `Retry-After` seconds.",
}


def _error_codes(path: str, method: str, operation: dict) -> set[str]:
    """The error statuses any operation of this kind can answer, whatever its view: a bad
    parameter or token and the rate limit anywhere; 403 for a write needing a token; 404 where
    the address names a record; 415 where there is a body."""
    codes = {"400", "401", "429"}
    if method != "get" and {} not in operation.get("security", [{}]):
        codes.add("403")
    if "{" in path:
        codes.add("404")
    if "requestBody" in operation:
        codes.add("415")
    return codes


def document_errors(result: dict, generator, request, public) -> dict:
    """drf-spectacular post-processing: every operation lists the error statuses it can answer,
    each with the error body, so no view has to list them by hand (a view's own entries, with
    their descriptions, are kept); a query parameter that may be sent empty says so."""
    schemas = result.setdefault("components", {}).setdefault("schemas", {})
    for name, schema in ERRORS_SCHEMA.items():
        schemas.setdefault(name, schema)
    for path, item in result.get("paths", {}).items():
        for method, operation in item.items():
            if method not in METHODS:
                continue
            responses = operation.setdefault("responses", {})
            for code in sorted(_error_codes(path, method, operation)):
                responses.setdefault(
                    code,
                    {
                        "description": ERROR_DESCRIPTIONS[code],
                        "content": {
                            "application/json": {"schema": {"$ref": "#/components/schemas/Errors"}}
                        },
                    },
                )
            operation["responses"] = dict(sorted(responses.items()))
            document_resume(operation)
            document_rate_limits(operation)
            for parameter in operation.get("parameters", []):
                if parameter["in"] == "query" and parameter["name"] not in STRICT_PARAMETERS:
                    # django-filter reads ?status= as no filter at all: say so.
                    parameter["allowEmptyValue"] = True
    return result


RATE_LIMIT_HEADERS = {
    "RateLimit-Limit": "Requests allowed in the current window by the tightest limit that counted "
    "this request.",
    "RateLimit-Remaining": "Requests left in that window.",
    "RateLimit-Reset": "Seconds until that window ends.",
}


def document_rate_limits(operation: dict) -> None:
    """Every answer that went through the rate limits says where the client stands (not a 304
    answered from the cache before the view, which counts nothing); a 429 also says when to
    try again."""
    for code, response in operation["responses"].items():
        if code == "304":
            continue
        headers = response.setdefault("headers", {})
        for name, description in RATE_LIMIT_HEADERS.items():
            headers.setdefault(
                name, {"description": description, "schema": {"type": "integer", "minimum": 0}}
            )
        if code == "429":
            headers.setdefault(
                "Retry-After",
                {
                    "description": "Seconds to wait before trying again.",
                    "schema": {"type": "integer", "minimum": 1},
                },
            )


def document_resume(operation: dict) -> None:
    """A list that syncs (``updated_after``, pantau.api.sync) says what ``Pantau-Resume`` holds."""
    from .sync import PARAMETER, RESUME_HEADER

    names = {p["name"] for p in operation.get("parameters", []) if p["in"] == "query"}
    if PARAMETER not in names or "200" not in operation["responses"]:
        return
    operation["responses"]["200"].setdefault("headers", {})[RESUME_HEADER] = {
        "description": "With `updated_after`: the address to call later for what changed after "
        "the last row of this page (also on the last page).",
        "schema": {"type": "string", "format": "uri"},
    }
