"""A list answers 400 to a query parameter it does not take, and to a filter naming a record that
does not exist, naming the parameter; it takes exactly the parameters its description lists."""

import re

import pytest
from django.urls import resolve

from pantau.organisations.tests.factories import ServiceFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(token_for, admin_user):
    return token_for(admin_user)


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/complaints/",
        "/api/v1/units/",
        "/api/v1/skm/results/",
        "/api/v1/complaints/categories/",
        "/api/v1/units/unit-a/forums/",
        "/api/v1/units/unit-a/services/ktp/standard/versions/",
    ],
)
def test_unknown_parameter_answers_400_naming_it(admin_client, unit_a, path):
    ServiceFactory(unit=unit_a, name="KTP", slug="ktp")
    response = admin_client.get(path, {"updated_since": "2026-01-01"}, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 400
    [error] = response.json()["errors"]
    assert (error["code"], error["field"]) == ("unknown_parameter", "updated_since")
    assert "no such parameter" in error["message"]


def test_every_unknown_parameter_is_named(api, unit_a):
    response = api.get("/api/v1/units/", {"b": "1", "a": "2", "agency": "agency-a"})
    assert [error["field"] for error in response.json()["errors"]] == ["a", "b"]


def test_the_documented_parameters_are_taken(api, unit_a):
    query = {"agency": unit_a.agency.slug, "page_size": "5", "cursor": "", "format": "json"}
    response = api.get("/api/v1/units/", query)
    assert response.status_code == 200
    assert [row["slug"] for row in response.json()["results"]] == ["unit-a"]


@pytest.mark.parametrize(
    "path, parameter",
    [
        ("/api/v1/complaints/", "unit"),
        ("/api/v1/complaints/", "category"),
        ("/api/v1/complaints/categories/", "unit"),
        ("/api/v1/complaints/categories/", "agency"),
        ("/api/v1/services/", "unit"),
        ("/api/v1/units/", "agency"),
        ("/api/v1/agencies/", "parent"),
        ("/api/v1/skm/periods/", "unit"),
        ("/api/v1/skm/results/", "unit"),
        ("/api/v1/studies/", "unit"),
        ("/api/v1/pekppp/rounds/", "body"),
    ],
)
def test_a_filter_naming_no_record_answers_400(admin_client, unit_a, path, parameter):
    response = admin_client.get(path, {parameter: "nope"}, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 400, response.json()
    [error] = response.json()["errors"]
    assert (error["code"], error["field"]) == ("unknown", parameter)
    assert "“nope”" in error["message"]


@pytest.mark.parametrize("parameter", ["unit", "agency"])
def test_an_overlong_slug_answers_400_naming_the_parameter(api, parameter):
    response = api.get("/api/v1/complaints/categories/", {parameter: "x" * 81})
    assert response.status_code == 400
    [error] = response.json()["errors"]
    assert (error["code"], error["field"]) == ("max_length", parameter)


@pytest.mark.parametrize(
    "path, parameter, value",
    [
        ("/api/v1/complaints/", "unit", "unit-a"),
        ("/api/v1/services/", "unit", "unit-a"),
        ("/api/v1/studies/", "unit", "unit-a"),
        ("/api/v1/complaints/categories/", "unit", "unit-a"),
        ("/api/v1/units/", "agency", "agency-a"),
    ],
)
def test_a_filter_naming_a_record_is_taken(admin_client, unit_a, path, parameter, value):
    value = unit_a.agency.slug if parameter == "agency" else value
    assert admin_client.get(path, {parameter: value}).status_code == 200


@pytest.mark.parametrize("value", ["2020.5", "1999", "2101", "abc"])
def test_a_year_outside_its_bounds_answers_400(api, unit_a, value):
    response = api.get("/api/v1/skm/results/", {"year": value})
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "year"


def _list_operations(schema: dict):
    for path, item in schema["paths"].items():
        operation = item.get("get")
        if operation is None:
            continue
        content = operation["responses"]["200"]["content"]
        if "application/json" not in content:  # a file (the integration exports): no list
            continue
        body = content["application/json"]["schema"]
        if body.get("type") == "array" or body.get("$ref", "").split("/")[-1].startswith(
            "Paginated"
        ):
            yield path, operation


def test_every_list_takes_exactly_the_parameters_it_documents(api):
    from pantau.api.filters import allowed_parameters

    schema = api.get("/api/v1/schema/", {"format": "json"}).json()
    checked = 0
    for path, operation in _list_operations(schema):
        documented = {p["name"] for p in operation.get("parameters", []) if p["in"] == "query"}
        view = resolve(re.sub(r"{\w+}", "1", path)).func.view_class()
        assert allowed_parameters(view) == documented | {"format"}, path
        checked += 1
    assert checked >= 15
