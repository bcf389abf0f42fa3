"""Reports sent through the REST API (issue 20): on the API's channel, with the sending system's
reference and the reporter's point, and the access code again for the same sender's replay."""

import uuid
from decimal import Decimal

import pytest

from pantau.complaints.models import Complaint

pytestmark = pytest.mark.django_db


def _new(**overrides):
    body = {
        "kind": "complaint",
        "unit": "unit-a",
        "subject": "Jalan berlubang di depan kantor",
        "description": "Lubang sedalam 30 cm sejak seminggu, sudah dua motor jatuh.",
        "reporter_name": "Sari",
    }
    body.update(overrides)
    return body


@pytest.mark.covers("POST /api/v1/complaints/", "GET /api/v1/complaints/")
def test_a_system_report_keeps_its_channel_reference_and_point(api, token_for, unit_a, unit_head_a):
    response = api.post(
        "/api/v1/complaints/",
        _new(external_reference="LAPOR-4471902", lat=-6.2000004, long=106.8166667),
        format="json",
    )
    assert response.status_code == 201, response.json()
    complaint = Complaint.objects.get(tracking_number=response.json()["tracking_number"])
    assert complaint.channel == Complaint.Channel.API
    assert complaint.external_reference == "LAPOR-4471902"
    assert (complaint.latitude, complaint.longitude) == (Decimal("-6.2"), Decimal("106.816667"))

    staff = token_for(unit_head_a)
    listed = staff.get("/api/v1/complaints/", {"external_reference": "LAPOR-4471902"}).json()
    [row] = listed["results"]
    assert row["channel"] == "api" and row["external_reference"] == "LAPOR-4471902"
    assert (row["lat"], row["long"]) == (-6.2, 106.816667)
    assert (
        staff.get("/api/v1/complaints/", {"external_reference": "LAPOR-1"}).json()["results"] == []
    )


def test_a_report_without_a_point_keeps_none(api, unit_a):
    response = api.post("/api/v1/complaints/", _new(), format="json")
    complaint = Complaint.objects.get(tracking_number=response.json()["tracking_number"])
    assert complaint.latitude is None and complaint.longitude is None
    assert complaint.external_reference == "" and complaint.channel == "api"


@pytest.mark.parametrize(
    ("point", "field"),
    [
        ({"lat": -6.2}, "long"),
        ({"long": 106.8}, "lat"),
        ({"lat": 91, "long": 106.8}, "lat"),
        ({"lat": -6.2, "long": -180.5}, "long"),
        ({"lat": -6.2, "long": 9.98e307}, "long"),  # beyond what six decimals can hold
        ({"lat": "abc", "long": 106.8}, "lat"),
        ({"lat": True, "long": 106.8}, "lat"),
        ({"lat": "NaN", "long": 106.8}, "lat"),
    ],
)
def test_a_point_out_of_range_or_half_given_is_refused_naming_the_field(api, unit_a, point, field):
    response = api.post("/api/v1/complaints/", _new(**point), format="json")
    assert response.status_code == 400
    assert [e["field"] for e in response.json()["errors"]] == [field]
    assert not Complaint.objects.exists()


def test_a_reference_longer_than_100_characters_is_refused(api, unit_a):
    response = api.post("/api/v1/complaints/", _new(external_reference="L" * 101), format="json")
    assert response.status_code == 400
    assert [e["field"] for e in response.json()["errors"]] == ["external_reference"]


def test_the_same_token_replaying_a_submission_gets_the_code_again(token_for, unit_a, officer_a):
    system = token_for(officer_a)
    body = _new(submission_token=str(uuid.uuid4()))
    first = system.post("/api/v1/complaints/", body, format="json")
    again = system.post("/api/v1/complaints/", body, format="json")
    assert (first.status_code, again.status_code) == (201, 200)
    assert (
        first.json()["access_code"] and again.json()["access_code"] == first.json()["access_code"]
    )
    assert Complaint.objects.count() == 1


def test_another_sender_replaying_the_submission_token_gets_no_code(
    api, token_for, unit_a, officer_a
):
    body = _new(submission_token=str(uuid.uuid4()))
    first = token_for(officer_a).post("/api/v1/complaints/", body, format="json")
    other_token = token_for(officer_a).post("/api/v1/complaints/", body, format="json")
    no_token = api.post("/api/v1/complaints/", body, format="json")
    assert first.json()["access_code"]
    assert other_token.status_code == no_token.status_code == 200
    assert other_token.json()["access_code"] is None and no_token.json()["access_code"] is None
    assert other_token.json()["tracking_number"] == first.json()["tracking_number"]
