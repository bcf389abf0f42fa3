"""Open311 and the API read yes/no strictly: documented values only, anything else is 400 with
the field named, and the public title is never taken from the description (issue 15)."""

import pytest
from rest_framework.test import APIClient

from pantau.api import services as api_services
from pantau.complaints.models import Complaint

pytestmark = pytest.mark.django_db


@pytest.fixture
def post_request(unit_a, officer_a):
    key = api_services.create_token(actor=officer_a, name="kota", can_write=True)[1]

    def post(**fields):
        form = {
            "api_key": key,
            "service_code": "waktu",
            "description": "Antrean tiga jam.",
            "attribute[unit]": unit_a.slug,
            "address_string": "Jl. Pahlawan 3",
            **fields,
        }
        return APIClient().post("/open311/v2/requests.json", form)

    return post


@pytest.mark.parametrize("value", ["true", "1", "yes", "Ya", "TRUE"])
def test_open311_confidential_yes_values_save_a_confidential_report(post_request, value):
    response = post_request(**{"attribute[confidential]": value})
    assert response.status_code == 200, response.content
    assert Complaint.objects.get().confidential is True


@pytest.mark.parametrize("value", ["false", "0", "no", "tidak", ""])
def test_open311_confidential_no_values(post_request, value):
    response = post_request(**{"attribute[confidential]": value})
    assert response.status_code == 200, response.content
    assert Complaint.objects.get().confidential is False


@pytest.mark.parametrize("value", ["maybe", "on", "2", "yess"])
def test_open311_other_values_are_refused_naming_the_field(post_request, value):
    response = post_request(**{"attribute[confidential]": value})
    assert response.status_code == 400
    assert "attribute[confidential]" in response.content.decode()
    assert not Complaint.objects.exists()


def test_open311_title_is_never_the_description(post_request):
    response = post_request(
        description="Saya Budi Santoso NIK 3201234567890001 HP 081298765432 tinggal di Jl. Melati"
    )
    assert response.status_code == 200, response.content
    assert "Budi" not in Complaint.objects.get().subject


@pytest.mark.parametrize(("value", "saved"), [(True, True), (False, False)])
def test_api_reads_documented_flag_values(client, unit_a, value, saved):
    response = client.post(
        "/api/v1/complaints/",
        {
            "kind": "complaint",
            "unit": unit_a.slug,
            "subject": "Antrean",
            "description": "Lama.",
            "confidential": value,
            "submission_token": "0c1f6b1e-8a44-4b7a-9a55-2d1f0c3e4b5a",
        },
        content_type="application/json",
    )
    assert response.status_code == 201, response.content
    assert Complaint.objects.get().confidential is saved


# In JSON a yes/no is a JSON boolean (the API's description says so): even the words Open311's
# forms take ("ya", "0") are refused there.
@pytest.mark.parametrize("value", ["on", "maybe", "y", 2, "ya", "0"])
def test_api_refuses_other_flag_values_naming_the_field(client, unit_a, value):
    response = client.post(
        "/api/v1/complaints/",
        {
            "kind": "complaint",
            "unit": unit_a.slug,
            "subject": "Antrean",
            "description": "Lama.",
            "anonymous": value,
            "submission_token": "1c1f6b1e-8a44-4b7a-9a55-2d1f0c3e4b5a",
        },
        content_type="application/json",
    )
    assert response.status_code == 400
    assert "anonymous" in response.content.decode()
    assert not Complaint.objects.exists()
