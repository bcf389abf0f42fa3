"""A posted request gives its location as the standard requires (lat and long, address_string or
address_id); a point is kept in the report's own fields, checked, and read back as lat/long so
that FixMyStreet can put the report on its map."""

from decimal import Decimal

import pytest
from rest_framework.test import APIClient

from pantau.api import services as api_services
from pantau.complaints.models import Complaint
from pantau.open311.models import Submission

pytestmark = pytest.mark.django_db


@pytest.fixture
def post(officer_a):
    key = api_services.create_token(actor=officer_a, name="fms", can_write=True)[1]

    def send(**fields):
        form = {
            "api_key": key,
            "service_code": "waktu",
            "description": "Antrean tiga jam.",
            "attribute[unit]": "unit-a",
            **fields,
        }
        return APIClient().post("/open311/v2/requests.json", form)

    return send


@pytest.mark.parametrize(
    ("location", "field"),
    [
        ({}, "lat"),
        ({"lat": "-8.65"}, "long"),
        ({"long": "116.53"}, "lat"),
        ({"lat": "abc", "long": "116.53"}, "lat"),
        ({"lat": "-8.65", "long": "NaN"}, "long"),
        ({"lat": "-8.65", "long": "Infinity"}, "long"),
        ({"lat": "90.5", "long": "116.53"}, "lat"),
        ({"lat": "-8.65", "long": "-180.01"}, "long"),
        ({"lat": "1e400", "long": "116.53"}, "lat"),
    ],
)
def test_a_missing_or_bad_location_is_refused_and_nothing_saved(post, location, field):
    response = post(**location)
    assert response.status_code == 400, response.content
    assert response.json()[0]["code"] == 400
    assert any(e["description"].startswith(f"{field}:") for e in response.json())
    assert not Complaint.objects.exists() and not Submission.objects.exists()


@pytest.mark.parametrize(
    "location", [{"address_string": "Jl. Pahlawan 3, Selong"}, {"address_id": "SELONG-0042"}]
)
def test_an_address_alone_is_a_location(post, location):
    response = post(**location)
    assert response.status_code == 200, response.content
    complaint = Complaint.objects.get()
    assert complaint.latitude is None and complaint.longitude is None
    assert next(iter(location.values())) in complaint.description


def test_the_point_is_kept_and_read_back_as_lat_long(post, client, open311_schema):
    response = post(lat="-8.6512345678", long="116.5321")
    assert response.status_code == 200, response.content
    complaint = Complaint.objects.get()
    assert (complaint.latitude, complaint.longitude) == (Decimal("-8.651235"), Decimal("116.5321"))
    assert "116.5321" not in complaint.description  # in its fields, not in the text
    body = client.get(f"/open311/v2/requests/{complaint.tracking_number}.json").json()
    open311_schema("requests.json", body)
    assert (body[0]["lat"], body[0]["long"]) == (-8.651235, 116.5321)
    listed = client.get("/open311/v2/requests.xml").content.decode()
    assert "<lat>-8.651235</lat>" in listed and "<long>116.5321</long>" in listed


def test_a_report_without_a_point_reads_as_at_its_unit(post, client, unit_a, open311_schema):
    unit_a.latitude, unit_a.longitude = Decimal("-8.6503"), Decimal("116.5331")
    unit_a.save()
    assert post(address_string="Jl. Pahlawan 3").status_code == 200
    body = client.get("/open311/v2/requests.json").json()
    open311_schema("requests.json", body)
    assert (body[0]["lat"], body[0]["long"]) == (-8.6503, 116.5331)


def test_a_unit_point_is_both_coordinates_in_range(unit_a):
    from django.core.exceptions import ValidationError

    for lat, long in [(Decimal("-8.65"), None), (Decimal("91"), Decimal("116"))]:
        unit_a.latitude, unit_a.longitude = lat, long
        with pytest.raises(ValidationError):
            unit_a.full_clean()
