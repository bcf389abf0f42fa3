"""The description lists every error status an operation can answer, each with the error body,
and what the server writes matches the formats it describes."""

import re
from datetime import time

import pytest

from pantau.organisations.models import OpeningHours

pytestmark = pytest.mark.django_db

METHODS = ("get", "post", "put", "patch", "delete")
ERRORS = {"$ref": "#/components/schemas/Errors"}


@pytest.fixture
def schema(api):
    return api.get("/api/v1/schema/", {"format": "json"}).json()


def _operations(schema):
    for path, item in schema["paths"].items():
        for method, operation in item.items():
            if method in METHODS:
                yield path, method, operation


def _body(response: dict) -> dict:
    return response["content"]["application/json"]["schema"]


def test_every_operation_documents_bad_input_bad_token_and_the_rate_limit(schema):
    for path, method, operation in _operations(schema):
        for code in ("400", "401", "429"):
            assert _body(operation["responses"][code]) == ERRORS, (method, path, code)


def test_an_operation_naming_a_record_documents_404(schema):
    named = [(p, m, o) for p, m, o in _operations(schema) if "{" in p]
    assert len(named) > 40
    for path, method, operation in named:
        assert _body(operation["responses"]["404"]) == ERRORS, (method, path)


def test_a_write_needing_a_token_documents_403_and_one_with_a_body_415(schema):
    for path, method, operation in _operations(schema):
        private = {} not in operation.get("security", [{}])
        if method != "get" and private:
            assert "403" in operation["responses"], (method, path)
        if "requestBody" in operation:
            assert "415" in operation["responses"], (method, path)


def test_a_views_own_error_description_is_kept(schema):
    responses = schema["paths"]["/api/v1/complaints/"]["post"]["responses"]
    assert set(responses) >= {"200", "201", "400", "401", "415", "429"}


def test_opening_hours_are_written_as_the_description_says(api, schema, unit_a):
    OpeningHours.objects.create(unit=unit_a, weekday=0, opens=time(8), closes=time(15, 30))
    hours = api.get("/api/v1/units/unit-a/").json()["opening_hours"]
    described = schema["components"]["schemas"]["Hours"]["properties"]
    assert (hours[0]["opens"], hours[0]["closes"]) == ("08:00", "15:30")
    for name in ("opens", "closes"):
        assert "format" not in described[name]
        assert re.fullmatch(described[name]["pattern"], hours[0][name])


def test_an_event_without_actor_is_described_as_nullable(token_for, officer_a, report_a):
    from .schema_check import assert_conforms

    response = token_for(officer_a).get(f"/api/v1/complaints/{report_a.tracking_number}/")
    assert response.status_code == 200
    assert None in [event["actor"] for event in response.json()["events"]]
    assert_conforms(response, "GET", "/api/v1/complaints/{number}/")


def test_a_filter_sent_empty_is_described_as_allowed_and_taken(api, schema, unit_a):
    parameters = {
        p["name"]: p for p in schema["paths"]["/api/v1/skm/results/"]["get"]["parameters"]
    }
    assert parameters["status"]["allowEmptyValue"] is True
    assert "allowEmptyValue" not in parameters["page_size"]
    assert api.get("/api/v1/skm/results/", {"status": "", "year": ""}).status_code == 200
    assert api.get("/api/v1/skm/results/", {"page_size": ""}).status_code == 400
