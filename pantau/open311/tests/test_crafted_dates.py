"""Open311 dates with an offset no place has, or out of range, answer 400 with a clear message."""

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("endpoint", ["requests.json", "servicerequestupdates.json"])
@pytest.mark.parametrize(
    "value",
    ["2026-01-01T00:00:00+99:00", "5803-03-07T05:44:08+17:28", "0001-01-01T00:00:00+14:00"],
)
@pytest.mark.parametrize("name", ["start_date", "end_date"])
def test_impossible_offset_is_refused_with_400(client, endpoint, value, name):
    response = client.get(f"/open311/v2/{endpoint}", {name: value})
    assert response.status_code == 400
    assert "ISO 8601" in response.content.decode()


@hypothesis_settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=st.text(max_size=40))
def test_any_start_date_never_fails(client, text):
    response = client.get("/open311/v2/requests.json", {"start_date": text})
    assert response.status_code < 500


def test_impossible_happened_on_in_a_new_request_is_refused_with_400(unit_a, officer_a):
    from rest_framework.test import APIClient

    from pantau.api import services
    from pantau.complaints.models import Complaint

    _token, key = services.create_token(actor=officer_a, name="x", can_write=True)
    response = APIClient().post(
        "/open311/v2/requests.json",
        {
            "api_key": key,
            "service_code": "biaya",
            "description": "x",
            "attribute[unit]": "unit-a",
            "address_string": "Jl. Pahlawan 3",
            "attribute[happened_on]": "2026-13-45",
        },
    )
    assert response.status_code == 400
    assert not Complaint.objects.exists()
