"""JSON bodies, held to the types the API description gives them.

DRF's fields coerce: a ``CharField`` takes 0 as "0", a ``BooleanField`` takes 1 or "true", an
``IntegerField`` takes "5". A client written from the description would never notice that its
``"public": "false"`` was read as true by some other server, and the description and the server
disagree about what is accepted. Here each value of a JSON body is checked against the JSON type
of its field in the operation's request schema (the description itself, generated once per
process), before any view reads it; a mismatch is a 400 naming the field. So is a text longer than
its described ``maxLength`` (DRF measures it after trimming spaces, so " " plus 200 characters
passed a limit of 200). Everything else (what is required, bounds, choices, the web form's rules)
stays with the serializers and forms, which give their own messages."""

import re
from collections.abc import Iterator, Mapping
from functools import cache
from typing import IO, Any

from django.http import HttpRequest
from django.utils.translation import gettext as _
from jsonschema import Draft7Validator
from jsonschema.exceptions import ValidationError as SchemaError
from rest_framework import exceptions
from rest_framework.parsers import JSONParser
from rest_framework.settings import api_settings

from .schema import json_schema

JSON_TYPES = (
    (bool, "boolean"),
    (int, "integer"),
    (float, "number"),
    (str, "string"),
    (list, "array"),
    (dict, "object"),
    (type(None), "null"),
)


def json_type(value: Any) -> str:
    return next(name for kind, name in JSON_TYPES if isinstance(value, kind))


@cache
def _request_schemas() -> dict[tuple[str, str], Draft7Validator]:
    """(method, path as the description names it) → a validator of its JSON request body."""
    import json

    from drf_spectacular.generators import SchemaGenerator
    from drf_spectacular.renderers import OpenApiJsonRenderer

    raw = SchemaGenerator().get_schema(request=None, public=True)
    description = json_schema(json.loads(OpenApiJsonRenderer().render(raw)))
    validators = {}
    for path, item in description["paths"].items():
        for method, operation in item.items():
            body = operation.get("requestBody", {}).get("content", {}).get("application/json")
            if isinstance(operation, dict) and body:
                schema = {**body["schema"], "components": description["components"]}
                validators[(method.upper(), path)] = Draft7Validator(schema)
    return validators


def described_path(request: HttpRequest) -> str | None:
    match = getattr(request, "resolver_match", None)
    if match is None or not match.route:
        return None
    path = "/" + re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", match.route)
    return path.replace("{pk}", "{id}")  # as drf-spectacular names it


CHECKED = ("type", "maxLength")


def _shape_errors(errors: Iterator[SchemaError]) -> Iterator[SchemaError]:
    """The ``type`` and ``maxLength`` errors, also those inside a nullable object (``anyOf``
    [object, null])."""
    for error in errors:
        if error.validator in CHECKED:
            yield error
        elif error.validator == "anyOf" and isinstance(error.instance, dict):
            yield from (sub for sub in error.context or () if sub.validator in CHECKED)


def _message(error: SchemaError) -> str:
    if error.validator == "maxLength":
        return _("Send at most %(limit)s characters here.") % {"limit": error.validator_value}
    expected = error.validator_value
    expected = " or ".join(expected) if isinstance(expected, list) else str(expected)
    return _("Send JSON of type %(expected)s here, not %(given)s.") % {
        "expected": expected,
        "given": json_type(error.instance),
    }


def check_types(request: HttpRequest, method: str, data: Any) -> None:
    path = described_path(request)
    validator = _request_schemas().get((method, path)) if path else None
    if validator is None:
        return
    detail: dict[str, list[exceptions.ErrorDetail]] = {}
    for error in _shape_errors(validator.iter_errors(data)):
        field = ".".join(str(part) for part in error.absolute_path) or (
            api_settings.NON_FIELD_ERRORS_KEY
        )
        code = "max_length" if error.validator == "maxLength" else "invalid"
        detail.setdefault(field, []).append(exceptions.ErrorDetail(_message(error), code=code))
    if detail:
        raise exceptions.ValidationError(detail)


class DescribedJSONParser(JSONParser):
    """JSON, whose values must have the JSON types the API description gives them."""

    def parse(
        self,
        stream: IO[Any],
        media_type: str | None = None,
        parser_context: Mapping[str, Any] | None = None,
    ) -> Any:
        data = super().parse(stream, media_type, parser_context)
        request = (parser_context or {}).get("request")
        if request is not None:
            check_types(request._request, request.method, data)
        return data
