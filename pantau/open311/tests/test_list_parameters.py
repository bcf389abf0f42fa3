"""GET requests and servicerequestupdates read their parameters as the standard defines them:
comma lists, dates with their zone, a window of at most 90 days, numbered pages; a parameter the
method does not define, or a bad value, answers 400 with the standard's error list."""

import uuid
from datetime import timedelta

import pytest
from django.utils import timezone

from pantau.complaints import services as complaint_services
from pantau.complaints.models import Category, Complaint

pytestmark = pytest.mark.django_db

LISTS = ["requests.json", "servicerequestupdates.json"]


def _report(unit, code="waktu"):
    complaint, _code, _new = complaint_services.submit_complaint(
        data={
            "kind": "complaint",
            "unit": unit,
            "subject": "Antre",
            "description": "Lama.",
            "category": Category.objects.get(agency=None, code=code),
        },
        files=[],
        submission_token=uuid.uuid4(),
    )
    return complaint


def _refused(response, name):
    assert response.status_code == 400, response.content
    body = response.json()
    assert body[0]["code"] == 400 and name in body[0]["description"]


def test_several_service_codes_separated_by_commas(client, unit_a):
    waktu, biaya = _report(unit_a, "waktu"), _report(unit_a, "biaya")
    _report(unit_a, "perilaku")
    body = client.get("/open311/v2/requests.json", {"service_code": "waktu,biaya"}).json()
    assert {r["service_request_id"] for r in body} == {
        waktu.tracking_number,
        biaya.tracking_number,
    }


@pytest.mark.parametrize("endpoint", LISTS)
def test_end_date_before_start_date_is_refused(client, endpoint):
    response = client.get(
        f"/open311/v2/{endpoint}",
        {"start_date": "2026-11-20T00:00:00+07:00", "end_date": "2026-11-10T00:00:00+07:00"},
    )
    _refused(response, "end_date")


@pytest.mark.parametrize("endpoint", LISTS)
@pytest.mark.parametrize("name", ["start_date", "end_date", "updated_after"])
def test_a_date_without_its_zone_is_refused(client, endpoint, name):
    _refused(client.get(f"/open311/v2/{endpoint}", {name: "2026-11-20T09:00:00"}), name)


@pytest.mark.parametrize("endpoint", LISTS)
def test_a_window_over_90_days_is_refused(client, endpoint):
    _refused(
        client.get(
            f"/open311/v2/{endpoint}",
            {"start_date": "2026-01-01T00:00:00Z", "end_date": "2026-04-02T00:00:00Z"},
        ),
        "start_date",
    )
    old = (timezone.now() - timedelta(days=91)).isoformat()
    _refused(client.get(f"/open311/v2/{endpoint}", {"start_date": old}), "start_date")
    ok = client.get(
        f"/open311/v2/{endpoint}",
        {"start_date": "2026-01-01T00:00:00Z", "end_date": "2026-03-31T23:59:59+07:00"},
    )
    assert ok.status_code == 200


def test_end_date_alone_reads_the_90_days_before_it(client, unit_a):
    complaint = _report(unit_a)
    Complaint.objects.filter(pk=complaint.pk).update(
        created_at=timezone.now() - timedelta(days=100)
    )
    recent = (timezone.now() - timedelta(days=5)).isoformat()  # from 95 days ago
    assert client.get("/open311/v2/requests.json", {"end_date": recent}).json() == []
    earlier = (timezone.now() - timedelta(days=20)).isoformat()  # from 110 days ago
    found = client.get("/open311/v2/requests.json", {"end_date": earlier}).json()
    assert [r["service_request_id"] for r in found] == [complaint.tracking_number]


@pytest.mark.parametrize(
    "endpoint", [*LISTS, "services.json", "services/waktu.json", "discovery.json"]
)
def test_an_unknown_parameter_is_refused(client, endpoint):
    _refused(client.get(f"/open311/v2/{endpoint}", {"updated_since": "x"}), "updated_since")


@pytest.mark.parametrize("endpoint", LISTS)
def test_the_standard_parameters_and_the_common_ones_are_taken(client, unit_a, endpoint):
    response = client.get(
        f"/open311/v2/{endpoint}",
        {"jurisdiction_id": "prov-a", "api_key": "anything", "format": "json"},
    )
    assert response.status_code == 200, response.content


def test_requests_page_through_all_reports_once(client, unit_a):
    numbers = {_report(unit_a).tracking_number for _ in range(5)}
    first = client.get("/open311/v2/requests.json", {"page_size": 2})
    second = client.get("/open311/v2/requests.json", {"page_size": 2, "page": 2})
    third = client.get("/open311/v2/requests.json", {"page_size": 2, "page": 3})
    pages = [[r["service_request_id"] for r in p.json()] for p in (first, second, third)]
    assert [len(p) for p in pages] == [2, 2, 1]
    assert set(sum(pages, [])) == numbers
    assert 'rel="next"' in first["Link"] and "page=2" in first["Link"]
    assert "page=3" in second["Link"]
    assert "Link" not in third  # the last page says so by having no next


@pytest.mark.parametrize("endpoint", LISTS)
@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("page", "0"),
        ("page", "-1"),
        ("page", "abc"),
        ("page", "٣"),
        ("page_size", "0"),
        ("page_size", "1001"),
        ("page_size", "x"),
        ("after_id", "5"),
    ],
)
def test_a_bad_page_is_refused(client, endpoint, name, value):
    _refused(client.get(f"/open311/v2/{endpoint}", {name: value}), name)


def test_updates_page_too(client, unit_a, officer_a):
    for _ in range(3):
        complaint_services.transition(actor=officer_a, complaint=_report(unit_a), action="verify")
    first = client.get("/open311/v2/servicerequestupdates.json", {"page_size": 2})
    second = client.get("/open311/v2/servicerequestupdates.json", {"page_size": 2, "page": 2})
    assert len(first.json()) == 2 and len(second.json()) == 1
    assert "page=2" in first["Link"] and "Link" not in second
    ids = [u["update_id"] for u in first.json() + second.json()]
    assert len(set(ids)) == 3
    assert all(u["media_url"] == "" for u in first.json())  # present, empty: none is public
