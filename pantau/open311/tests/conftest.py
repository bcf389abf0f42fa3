import json
from pathlib import Path

import pytest
from django.conf import settings

# Vendored (CC BY 3.0, see schemas/README.md) so that the conformance tests never skip.
SCHEMA_DIR = Path(__file__).resolve().parent / "schemas" / "georeport-v2"
SHARED_SCHEMA_DIR = Path(settings.BASE_DIR).parent / "shared" / "open311" / "georeport-v2"


@pytest.fixture(scope="session")
def open311_schema():
    """validate(name, data): checks data against the community's schema ``name`` (e.g.
    "requests.json"), read from the vendored copy in schemas/georeport-v2/."""
    from jsonschema import Draft4Validator, FormatChecker
    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT4

    schemas = {p.name: json.loads(p.read_text()) for p in SCHEMA_DIR.glob("*.json")}
    registry = Registry().with_resources(
        (name, Resource.from_contents(schema, default_specification=DRAFT4))
        for name, schema in schemas.items()
        if name != "swagger.json"
    )

    def validate(name: str, data) -> None:
        Draft4Validator(schemas[name], registry=registry, format_checker=FormatChecker()).validate(
            data
        )

    return validate
