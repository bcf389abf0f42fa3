"""Inputs found by fuzzing: each answers 4xx, never 500, whatever the database."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "query",
    [
        "service=99999999999999999999",
        "created_after=9999-12-31T23:59:59%2B14:00",
        "unit=%00",
        "page_size=999999999999999999999",
        "cursor=zzz",
        "status=%00",
    ],
)
def test_odd_complaint_filters_never_fail(token_for, officer_a, query):
    response = token_for(officer_a).get("/api/v1/complaints/?" + query)
    assert response.status_code < 500
    if response.status_code >= 400:
        assert response.json()["errors"]


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/tokens/99999999999999999999/",
        "/api/v1/skm/results/99999999999999999999/",
        "/api/v1/complaints/LP%00X/",
        "/api/v1/complaints/categories/?unit=%00",
        "/api/v1/skm/periods/?year=99999",
    ],
)
def test_odd_addresses_never_fail(token_for, officer_a, path):
    response = token_for(officer_a).get(path)
    assert 400 <= response.status_code < 500
    assert response.json()["errors"]


def test_huge_service_id_in_a_report_is_refused(api, unit_a):
    response = api.post(
        "/api/v1/complaints/",
        {"unit": "unit-a", "subject": "x", "description": "y", "service": 10**30},
        format="json",
    )
    assert response.status_code == 400 and response.json()["errors"][0]["field"] == "service"


def test_nul_in_open311_is_refused(client, officer_a):
    assert client.get("/open311/v2/services.json?jurisdiction_id=%00").status_code == 400
    from rest_framework.test import APIClient

    from pantau.api import services

    _t, key = services.create_token(actor=officer_a, name="x", can_write=True)
    response = APIClient().post(
        "/open311/v2/requests.json",
        {"api_key": key, "service_code": "biaya", "description": "x", "attribute[unit]": "a\x00"},
    )
    assert response.status_code == 400 and response.json()[0]["code"] == 400
