"""A GeoReport v2 client written from the standard's text alone (documented methods and
parameters only, no knowledge of Pantau) goes discovery → services → service definition → POST
→ GET the request → updates, and every answer is checked against the community's vendored
schemas (``swagger.json`` for the POST answer, which the JSON Schemas do not cover). Discovery and
mySociety's updates have no community schema: their fields are checked as the texts list them."""

import json
from xml.etree import ElementTree as ET  # noqa: S405 - parsing our own output in tests

import pytest
from django.test import Client
from jsonschema import Draft4Validator

from pantau.api import services as api_services
from pantau.complaints import services as complaint_services
from pantau.complaints.models import Complaint

from .conftest import SCHEMA_DIR

pytestmark = pytest.mark.django_db


class GeoReportClient:
    """The standard's methods, as http://wiki.open311.org/GeoReport_v2 describes them."""

    def __init__(self, endpoint: str, *, jurisdiction_id: str, api_key: str = ""):
        self.http = Client()
        self.endpoint = endpoint.rstrip("/")
        self.jurisdiction_id = jurisdiction_id
        self.api_key = api_key

    def _get(self, path: str, **query):
        response = self.http.get(
            f"{self.endpoint}/{path}", {"jurisdiction_id": self.jurisdiction_id, **query}
        )
        assert response.status_code == 200, (path, response.content)
        assert response["Content-Type"] == "application/json; charset=utf-8"
        return response.json()

    def discovery(self):
        response = self.http.get(f"{self.endpoint}/discovery.json")
        assert response.status_code == 200
        return response.json()

    def services(self):
        return self._get("services.json")

    def service_definition(self, service_code: str):
        return self._get(f"services/{service_code}.json")

    def post_request(self, **fields):
        form = {"jurisdiction_id": self.jurisdiction_id, "api_key": self.api_key, **fields}
        response = self.http.post(f"{self.endpoint}/requests.json", form)
        assert response.status_code == 200, response.content
        return response.json()

    def get_request(self, service_request_id: str):
        return self._get(f"requests/{service_request_id}.json")

    def get_request_xml(self, service_request_id: str):
        response = self.http.get(
            f"{self.endpoint}/requests/{service_request_id}.xml",
            {"jurisdiction_id": self.jurisdiction_id},
        )
        return ET.fromstring(response.content)  # noqa: S314

    def get_requests(self, **query):
        return self._get("requests.json", **query)

    def updates(self, **query):
        return self._get("servicerequestupdates.json", api_key=self.api_key, **query)


@pytest.fixture
def swagger_definition():
    swagger = json.loads((SCHEMA_DIR / "swagger.json").read_text())

    def validate(name: str, data) -> None:
        schema = {"$ref": f"#/definitions/{name}", "definitions": swagger["definitions"]}
        Draft4Validator(schema).validate(data)

    return validate


def test_a_client_written_from_the_standard_reports_and_follows(
    unit_a, officer_a, open311_schema, swagger_definition
):
    key = api_services.create_token(actor=officer_a, name="kota", can_write=True)[1]
    client = GeoReportClient("/open311/v2/", jurisdiction_id="prov-a", api_key=key)

    discovery = client.discovery()
    endpoint = discovery["endpoints"][0]
    assert {"changeset", "contact", "key_service", "endpoints"} <= set(discovery)
    assert endpoint["specification"] == "http://wiki.open311.org/GeoReport_v2"
    assert {"text/xml", "application/json"} <= set(endpoint["formats"])

    services = client.services()
    open311_schema("services.json", services)
    service = next(s for s in services if s["service_code"] == "biaya")
    assert service["metadata"] is True
    definition = client.service_definition(service["service_code"])
    open311_schema("service-definition.json", definition)
    unit = next(a for a in definition["attributes"] if a["code"] == "unit")
    unit_key = unit["values"][0]["key"]

    answer = client.post_request(
        service_code=service["service_code"],
        lat="-8.6505",
        long="116.5327",
        description="Diminta uang tambahan di loket.",
        email="warga@example.id",
        first_name="Ani",
        last_name="Sari",
        **{f"attribute[{unit['code']}]": unit_key},
    )
    for item in answer:
        swagger_definition("RequestResponse", item)
    number = answer[0]["service_request_id"]
    assert "token" not in answer[0]  # the id is known at once

    request = client.get_request(number)
    open311_schema("requests.json", request)
    assert request[0]["service_request_id"] == number and request[0]["status"] == "open"
    assert (request[0]["lat"], request[0]["long"]) == (-8.6505, 116.5327)
    assert client.get_request_xml(number).find("request/service_code").text == "biaya"
    listed = client.get_requests(service_code="biaya", status="open")
    open311_schema("requests.json", listed)
    assert number in [r["service_request_id"] for r in listed]

    complaint = Complaint.objects.get(tracking_number=number)
    complaint_services.transition(actor=officer_a, complaint=complaint, action="verify")
    updates = client.updates()
    assert updates, "the verification is a public step"
    for update in updates:
        # mySociety's extension lists these fields for every update.
        assert {"update_id", "service_request_id", "status", "updated_datetime"} <= set(update)
        assert update["status"] in ("open", "closed") and "media_url" in update
    assert updates[-1]["service_request_id"] == number
