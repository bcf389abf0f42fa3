import pytest

from pantau.organisations.models import Service
from pantau.organisations.tests.factories import ServiceFactory

pytestmark = pytest.mark.django_db


@pytest.mark.covers("GET /api/v1/agencies/")
def test_agencies_are_public_and_filter_by_parent(api, unit_a, unit_b):
    slugs = [a["slug"] for a in api.get("/api/v1/agencies/?parent=prov-a").json()["results"]]
    assert slugs == ["kab-a"]
    assert api.get("/api/v1/agencies/?kind=nonsense").status_code == 400


@pytest.mark.covers("GET /api/v1/units/")
def test_units_are_public_and_filter_by_agency(api, unit_a, unit_b):
    assert [u["slug"] for u in api.get("/api/v1/units/").json()["results"]] == ["unit-a", "unit-b"]
    assert [u["slug"] for u in api.get("/api/v1/units/?agency=kec-b").json()["results"]] == [
        "unit-b"
    ]


@pytest.mark.covers("GET /api/v1/units/{slug}/", "GET /api/v1/services/")
def test_unit_detail_and_services_are_public(api, unit_a, unit_b):
    ServiceFactory(unit=unit_a, name="KTP")
    ServiceFactory(unit=unit_a, name="Lama", is_active=False)
    body = api.get("/api/v1/units/unit-a/").json()
    assert [s["name"] for s in body["services"]] == ["KTP"]
    listed = api.get("/api/v1/services/?unit=unit-a").json()["results"]
    assert [s["name"] for s in listed] == ["KTP"]
    assert api.get("/api/v1/units/nope/").status_code == 404


@pytest.mark.covers("PATCH /api/v1/units/{slug}/")
def test_unit_head_edits_the_profile(token_for, unit_head_a, unit_a):
    client = token_for(unit_head_a, write=True)
    response = client.patch("/api/v1/units/unit-a/", {"postal_code": "55281"}, format="json")
    assert response.status_code == 200 and response.json()["postal_code"] == "55281"
    bad = client.patch("/api/v1/units/unit-a/", {"postal_code": "55"}, format="json")
    assert bad.status_code == 400 and bad.json()["errors"][0]["field"] == "postal_code"
    unit_a.refresh_from_db()
    assert unit_a.postal_code == "55281"


def test_officer_cannot_edit_the_profile(token_for, officer_a, unit_a):
    before = unit_a.city
    response = token_for(officer_a, write=True).patch(
        "/api/v1/units/unit-a/", {"city": "Lain"}, format="json"
    )
    assert response.status_code == 404
    unit_a.refresh_from_db()
    assert unit_a.city == before


@pytest.mark.covers("POST /api/v1/units/{slug}/services/", "PATCH /api/v1/services/{id}/")
def test_unit_head_adds_and_edits_a_service(token_for, unit_head_a, unit_a):
    client = token_for(unit_head_a, write=True)
    created = client.post("/api/v1/units/unit-a/services/", {"name": "Akta"}, format="json")
    assert created.status_code == 201
    again = client.post("/api/v1/units/unit-a/services/", {"name": "akta"}, format="json")
    assert again.status_code == 400 and again.json()["errors"][0]["field"] == "name"
    pk = created.json()["id"]
    edited = client.patch(f"/api/v1/services/{pk}/", {"is_active": False}, format="json")
    assert edited.status_code == 200 and edited.json()["is_active"] is False
    assert Service.objects.get(pk=pk).name == "Akta"


def test_writes_with_a_token_of_another_unit_get_404_and_change_nothing(
    token_for, unit_head_b, unit_a
):
    service = ServiceFactory(unit=unit_a, name="KTP")
    client = token_for(unit_head_b, write=True)
    assert client.patch("/api/v1/units/unit-a/", {"city": "X"}, format="json").status_code == 404
    assert (
        client.post("/api/v1/units/unit-a/services/", {"name": "X"}, format="json").status_code
        == 404
    )
    assert (
        client.patch(f"/api/v1/services/{service.pk}/", {"name": "X"}, format="json").status_code
        == 404
    )
    unit_a.refresh_from_db()
    service.refresh_from_db()
    assert unit_a.city != "X" and service.name == "KTP" and unit_a.services.count() == 1


def test_writes_without_a_token_get_401(api, unit_a):
    assert api.patch("/api/v1/units/unit-a/", {"city": "X"}, format="json").status_code == 401
    assert (
        api.post("/api/v1/units/unit-a/services/", {"name": "X"}, format="json").status_code == 401
    )
