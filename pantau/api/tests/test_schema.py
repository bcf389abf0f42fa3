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


def test_every_private_operation_refuses_a_request_without_token(api, unit_a, report_a):
    """Read from the description: an operation that does not allow anonymous access (no `{}` in
    its security) answers 401 without a token, whatever it is asked."""
    schema = _schema(api)
    values = {
        "slug": "unit-a",
        "number": report_a.tracking_number,
        "id": "1",
        "service_slug": "ktp",
        "version": "1",
        "code": "1.a.Ak",
        "agreement": "1",
    }
    private = [
        (method, path)
        for path, item in schema["paths"].items()
        for method, operation in item.items()
        if method in METHODS and {} not in operation.get("security", [{}])
    ]
    assert len(private) > 10
    for method, path in private:
        url = re.sub(r"{(\w+)}", lambda m: values[m.group(1)], path)
        response = getattr(api, method)(url, {}, format="json")
        assert response.status_code == 401, (method, path, response.status_code)
        assert response.json()["errors"][0]["code"] == "not_authenticated"


def test_every_private_operation_on_another_units_object_answers_404(
    token_for, unit_a, unit_head_a, unit_head_b, report_a
):
    """Read from the description: every non-public operation that names one of unit A's objects
    (unit, report, period, service, webhook, token) answers 404 to a write token of unit B's head,
    and changes nothing."""
    from pantau.api import services
    from pantau.complaints.models import Complaint, Event
    from pantau.organisations.tests.factories import ServiceFactory
    from pantau.satisfaction import services as skm_services

    service = ServiceFactory(unit=unit_a, name="KTP")
    period = skm_services.create_period(
        actor=unit_head_a,
        unit=unit_a,
        kind="quarter",
        year=2025,
        number=1,
        population=50,
        services=[service],
    )
    hook = services.register_webhook(
        actor=unit_head_a, unit=unit_a, url="https://a.example/h", events=["complaint.created"]
    )
    token_a, _secret = services.create_token(actor=unit_head_a, name="a", can_write=True)
    ids = {
        "/api/v1/tokens/": token_a.pk,
        "/api/v1/services/": service.pk,
        "/api/v1/skm/periods/": period.pk,
        "/api/v1/units/{slug}/webhooks/": hook.pk,
    }
    client = token_for(unit_head_b, write=True)
    schema = _schema(token_for(unit_head_b))
    checked = 0
    before = (Complaint.objects.get(pk=report_a.pk).status, Event.objects.count())
    for path, item in schema["paths"].items():
        for method, operation in item.items():
            if method not in METHODS or {} in operation.get("security", [{}]) or "{" not in path:
                continue
            pk = next((v for prefix, v in ids.items() if path.startswith(prefix)), None)
            url = path.replace("{slug}", "unit-a").replace("{number}", report_a.tracking_number)
            url = url.replace("{service_slug}", service.slug).replace("{version}", "1")
            url = url.replace("{id}", str(pk))
            response = getattr(client, method)(url, {}, format="json")
            assert response.status_code == 404, (method, path, response.status_code)
            checked += 1
    assert checked >= 12
    assert (Complaint.objects.get(pk=report_a.pk).status, Event.objects.count()) == before
    token_a.refresh_from_db()
    period.refresh_from_db()
    assert token_a.revoked_at is None and period.published_at is None
    assert hook.__class__.objects.filter(unit=unit_a).count() == 1
