"""Check a real answer against the OpenAPI description of its operation (the fuzzing in
test_robustness rarely reaches a 200 with data behind it; these checks do)."""

from functools import cache

from drf_spectacular.generators import SchemaGenerator
from openapi_schema_validator import OAS30Validator


def _nullable_refs(node):
    """drf-spectacular writes a nullable nested object as ``{"allOf": [ref], "nullable": true}``,
    which OpenAPI 3.0 means as "the object or null" but a JSON Schema validator checks null
    against the ref; spell it as a oneOf that validators read the same way."""
    if isinstance(node, dict):
        node = {key: _nullable_refs(value) for key, value in node.items()}
        if node.get("nullable") and "allOf" in node and len(node["allOf"]) == 1:
            rest = {k: v for k, v in node.items() if k not in ("allOf", "nullable")}
            return {**rest, "oneOf": [node["allOf"][0], {"enum": [None]}]}
        return node
    if isinstance(node, list):
        return [_nullable_refs(value) for value in node]
    return node


@cache
def _schema() -> dict:
    import json

    from drf_spectacular.renderers import OpenApiJsonRenderer

    raw = SchemaGenerator().get_schema(request=None, public=True)
    return _nullable_refs(json.loads(OpenApiJsonRenderer().render(raw)))


def assert_conforms(response, method: str, path: str) -> None:
    """``path`` as the description names it, e.g. ``/api/v1/studies/{id}/results/``."""
    schema = _schema()
    operation = schema["paths"][path][method.lower()]
    body_schema = operation["responses"][str(response.status_code)]["content"]["application/json"][
        "schema"
    ]
    validator = OAS30Validator({**body_schema, "components": schema["components"]})
    errors = sorted(validator.iter_errors(response.json()), key=str)
    assert not errors, f"{method} {path}: {errors[0]}"
