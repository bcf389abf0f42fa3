"""The OpenAPI description is valid, its docs page loads nothing from the internet, and every
operation in it is exercised by at least one test (see conftest: ``covers``)."""

import importlib
import inspect
import pkgutil
import re

import pytest
import yaml
from openapi_spec_validator import validate

import pantau.api.tests

pytestmark = pytest.mark.django_db

METHODS = ("get", "post", "put", "patch", "delete")


def _schema(api) -> dict:
    response = api.get("/api/v1/schema/", {"format": "json"})
    assert response.status_code == 200
    return response.json()


def test_schema_is_valid_openapi_3(api):
    schema = _schema(api)
    assert schema["openapi"].startswith("3.")
    validate(schema)


def test_schema_is_served_as_yaml_by_default(api):
    response = api.get("/api/v1/schema/")
    assert response.status_code == 200
    assert yaml.safe_load(response.content)["info"]["title"] == "Pantau API"


def test_schema_generation_raises_no_warning(capsys):
    from drf_spectacular.drainage import GENERATOR_STATS
    from drf_spectacular.generators import SchemaGenerator

    GENERATOR_STATS.reset()
    SchemaGenerator().get_schema(request=None, public=True)
    assert not GENERATOR_STATS, capsys.readouterr().err


def test_docs_page_uses_only_local_assets(api):
    page = api.get("/api/v1/docs/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "swagger-ui" in html
    assert not re.search(r"""(src|href)=["']https?://""", html)
    assert "/static/drf_spectacular_sidecar/" in html
    script = api.get("/api/v1/docs/", {"script": ""})
    assert script.status_code == 200
    assert "http://" not in script.content.decode() and "https://" not in script.content.decode()


def _declared_operations() -> set[str]:
    declared: set[str] = set()
    for info in pkgutil.iter_modules(pantau.api.tests.__path__):
        if not info.name.startswith("test_"):
            continue
        module = importlib.import_module(f"pantau.api.tests.{info.name}")
        for _name, obj in inspect.getmembers(module):
            for mark in getattr(obj, "pytestmark", []):
                if mark.name == "covers":
                    declared.update(mark.args)
    return declared


def test_every_operation_is_covered_by_a_test(api):
    schema = _schema(api)
    operations = {
        f"{method.upper()} {path}"
        for path, item in schema["paths"].items()
        for method in item
        if method in METHODS
    }
    declared = _declared_operations()
    assert operations, "the schema lists no operation"
    assert not operations - declared, f"operations without a test: {sorted(operations - declared)}"
    assert not declared - operations, (
        f"tests declare unknown operations: {sorted(declared - operations)}"
    )
