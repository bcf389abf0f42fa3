"""Units and agencies by their official codes on the API (issue 20)."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture
def coded(unit_a, unit_b):
    unit_a.agency.region_code = "52.03"
    unit_a.agency.save()
    unit_b.agency.region_code = "31.75.07"
    unit_b.agency.save()
    unit_a.sipp_code = "5203-DINSOS-001"
    unit_a.save()


def _slugs(response):
    assert response.status_code == 200, response.content
    return [row["slug"] for row in response.json()["results"]]


@pytest.mark.covers("GET /api/v1/units/", "GET /api/v1/agencies/")
def test_units_and_agencies_by_region_code_hold_the_regions_below(api, coded):
    assert _slugs(api.get("/api/v1/units/", {"region_code": "52.03"})) == ["unit-a"]
    assert _slugs(api.get("/api/v1/units/", {"region_code": "31.75"})) == ["unit-b"]
    assert _slugs(api.get("/api/v1/units/", {"region_code": "31.75.07"})) == ["unit-b"]
    assert _slugs(api.get("/api/v1/units/", {"region_code": "31.74"})) == []
    assert _slugs(api.get("/api/v1/agencies/", {"region_code": "31"})) == ["kec-b"]


def test_units_by_sipp_code_ignore_letter_case(api, coded):
    assert _slugs(api.get("/api/v1/units/", {"sipp_code": "5203-dinsos-001"})) == ["unit-a"]
    assert _slugs(api.get("/api/v1/units/", {"sipp_code": "9999"})) == []


def test_codes_in_another_form_answer_400_naming_the_parameter(api, coded):
    bad = api.get("/api/v1/units/", {"region_code": "52.3"})
    assert bad.status_code == 400 and _fields(bad) == {"region_code"}
    bad = api.get("/api/v1/units/", {"sipp_code": "a b"})
    assert bad.status_code == 400 and _fields(bad) == {"sipp_code"}


def test_unit_and_agency_show_their_codes(api, coded):
    unit = api.get("/api/v1/units/unit-a/").json()
    assert unit["sipp_code"] == "5203-DINSOS-001" and unit["region_code"] == "52.03"
    listed = api.get("/api/v1/units/", {"sipp_code": "5203-DINSOS-001"}).json()["results"][0]
    assert listed["region_code"] == "52.03"
    agencies = {a["slug"]: a for a in api.get("/api/v1/agencies/").json()["results"]}
    assert agencies["dinsos-a"]["region_code"] == "52.03"


@pytest.mark.covers("GET /api/v1/units/sipp/{code}/")
def test_a_unit_is_read_by_its_sipp_code(api, coded):
    response = api.get("/api/v1/units/sipp/5203-dinsos-001/")
    assert response.status_code == 200
    assert response.json() == api.get("/api/v1/units/unit-a/").json()
    assert api.get("/api/v1/units/sipp/5203-DINSOS-002/").status_code == 404
    assert api.get("/api/v1/units/sipp/-x/").status_code == 404


def test_unit_head_sets_the_sipp_code_and_a_unit_head_of_another_unit_cannot(
    token_for, unit_head_a, unit_head_b, unit_b, coded
):
    client = token_for(unit_head_b, write=True)
    taken = client.patch("/api/v1/units/unit-b/", {"sipp_code": "5203-dinsos-001"}, format="json")
    assert taken.status_code == 400 and _fields(taken) == {"sipp_code"}
    done = client.patch("/api/v1/units/unit-b/", {"sipp_code": "317507-PTSP-001"}, format="json")
    assert done.status_code == 200 and done.json()["sipp_code"] == "317507-PTSP-001"
    other = client.patch("/api/v1/units/unit-a/", {"sipp_code": "X-1"}, format="json")
    assert other.status_code == 404
    unit_b.refresh_from_db()
    assert unit_b.sipp_code == "317507-PTSP-001"


def _fields(response) -> set[str]:
    return {error.get("field") for error in response.json()["errors"]}
