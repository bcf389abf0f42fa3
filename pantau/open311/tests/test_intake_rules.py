"""Open311 intake keeps the rules of the web form and the REST API (pantau.complaints.intake),
names the Open311 field at fault, and saves nothing when refused."""

import pytest
from rest_framework.test import APIClient

from pantau.api import services as api_services
from pantau.complaints.models import Complaint
from pantau.open311.models import Submission

pytestmark = pytest.mark.django_db


def _payload(unit, **overrides):
    return {
        "service_code": "waktu",
        "description": "Antrean tiga jam.",
        "attribute[unit]": unit.slug,
        "email": "warga@example.id",
        "address_string": "Jl. Pahlawan 3, Selong",
        **overrides,
    }


@pytest.fixture
def post(officer_a):
    key = api_services.create_token(actor=officer_a, name="kota", can_write=True)[1]
    return lambda form: APIClient().post("/open311/v2/requests.json", {"api_key": key, **form})


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"email": "bukan-alamat"}, "email"),
        ({"attribute[happened_on]": "2999-01-01"}, "attribute[happened_on]"),
        ({"attribute[kind]": "pujian"}, "attribute[kind]"),
        ({"attribute[subject]": "x" * 201}, "attribute[subject]"),
        ({"description": "x" * 4_001}, "description"),
        ({"attribute[external_id]": "x" * 101}, "attribute[external_id]"),
    ],
)
def test_a_refused_request_names_the_field_and_saves_nothing(post, unit_a, overrides, field):
    response = post(_payload(unit_a, **overrides))
    assert response.status_code == 400, response.content
    assert field in response.content.decode()
    assert not Complaint.objects.exists() and not Submission.objects.exists()


def test_an_accepted_request_is_a_web_like_report_with_its_submission(post, unit_a):
    response = post(_payload(unit_a, first_name="Inaq", last_name="Sari"))
    assert response.status_code == 200, response.content
    complaint = Complaint.objects.get()
    assert (complaint.unit, complaint.category.code) == (unit_a, "waktu")
    assert complaint.reporter_name == "Inaq Sari"
    assert Submission.objects.get().complaint == complaint
    assert response.json() == [
        {
            "service_request_id": complaint.tracking_number,
            "service_notice": response.json()[0]["service_notice"],
        }
    ]  # the id only: Pantau knows it at once, so no token (the standard's token is for later)
    assert complaint.channel == Complaint.Channel.OPEN311


def test_an_unknown_service_code_is_404_as_the_standard_says(post, unit_a):
    response = post(_payload(unit_a, service_code="tidak-ada"))
    assert response.status_code == 404, response.content
    assert response.json()[0]["code"] == 404
    assert not Complaint.objects.exists() and not Submission.objects.exists()


def test_a_description_of_4000_characters_is_taken(post, unit_a):
    response = post(_payload(unit_a, description="x" * 4_000))
    assert response.status_code == 200, response.content


def test_the_sending_systems_reference_is_kept(post, unit_a):
    response = post(_payload(unit_a, **{"attribute[external_id]": "LAPOR-2026-0042"}))
    assert response.status_code == 200, response.content
    complaint = Complaint.objects.get()
    assert complaint.external_reference == "LAPOR-2026-0042"
    assert complaint.channel == Complaint.Channel.OPEN311
