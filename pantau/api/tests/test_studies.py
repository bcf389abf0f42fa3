import math

import pytest

from pantau.studies import exporters, selectors
from pantau.studies.tests.conftest import fill, study_a  # noqa: F401
from pantau.surveys.models import Response

from .schema_check import assert_conforms

pytestmark = pytest.mark.django_db


@pytest.fixture
def filled(study_a):  # noqa: F811
    fill(study_a, recipients=30, providers=6)
    return study_a


def _close(a, b):
    if a is None or b is None:
        return a is None and (b is None or (isinstance(b, float) and math.isnan(b)))
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12)


@pytest.mark.covers("GET /api/v1/studies/", "GET /api/v1/studies/{id}/")
def test_studies_of_the_unit_are_listed_with_their_groups(token_for, study_a, officer_a):  # noqa: F811
    client = token_for(officer_a)
    response = client.get("/api/v1/studies/")
    assert_conforms(response, "GET", "/api/v1/studies/")
    body = response.json()
    assert [s["id"] for s in body["results"]] == [study_a.pk]
    assert body["results"][0]["unit"] == "unit-a"
    assert client.get("/api/v1/studies/", {"unit": "unit-a", "year": 2025}).json()["results"]
    assert not client.get("/api/v1/studies/", {"year": 2024}).json()["results"]
    response = client.get(f"/api/v1/studies/{study_a.pk}/")
    assert_conforms(response, "GET", "/api/v1/studies/{id}/")
    detail = response.json()
    assert {(g["role"], g["status"]) for g in detail["groups"]} == {
        ("recipient", "open"),
        ("provider", "open"),
    }


def test_studies_need_a_token(api, study_a):  # noqa: F811
    assert api.get("/api/v1/studies/").status_code == 401
    assert api.get(f"/api/v1/studies/{study_a.pk}/results/").status_code == 401


@pytest.mark.covers("GET /api/v1/studies/{id}/results/")
def test_results_are_the_numbers_of_the_results_page(token_for, filled, unit_head_a):
    response = token_for(unit_head_a).get(f"/api/v1/studies/{filled.pk}/results/")
    assert_conforms(response, "GET", "/api/v1/studies/{id}/results/")
    body = response.json()
    expected = selectors.study_results(filled)
    assert body["respondents"] == {"recipient": 30, "provider": 6}
    overall = expected.overall["dimensions"]
    assert [d["code"] for d in body["dimensions"]] == [d.code for d in expected.x_dimensions]
    for row in body["dimensions"]:
        entry = overall[row["code"]]
        assert _close(row["mean"], entry["mean"]) and _close(row["alpha"], entry["alpha"])
        assert _close(row["gap"]["welch_p"], entry["gap"]["welch_p"])
        assert row["by_group"]["provider"]["n"] == entry["by_group"]["provider"]["n"]
    first = body["items"][0]
    recipients = expected.descriptives["recipient"][first["code"]]
    group = next(g for g in first["groups"] if g["role"] == "recipient")
    assert group["n"] == recipients.n and _close(group["mean"], recipients.mean)
    assert sum(group["counts"].values()) == recipients.n
    assert len(body["item_gaps"]) == len(expected.item_gaps)
    if expected.regression is not None:
        assert _close(body["regression"]["r2"], expected.regression.r2)
        assert body["regression"]["coefficients"][0]["name"] == "const"


def test_results_of_one_unit_and_an_unknown_unit(token_for, filled, unit_head_a, unit_b):
    client = token_for(unit_head_a)
    one = client.get(f"/api/v1/studies/{filled.pk}/results/", {"unit": "unit-a"}).json()
    assert one["unit"] == "unit-a" and one["respondents"]["recipient"] == 30
    assert (
        client.get(f"/api/v1/studies/{filled.pk}/results/", {"unit": "unit-b"}).status_code == 404
    )


def test_results_without_answers_have_no_statistics(token_for, study_a, unit_head_a):  # noqa: F811
    response = token_for(unit_head_a).get(f"/api/v1/studies/{study_a.pk}/results/")
    assert_conforms(response, "GET", "/api/v1/studies/{id}/results/")
    body = response.json()
    assert body["respondents"] == {"recipient": 0, "provider": 0}
    assert body["dimensions"] == [] and body["regression"] is None


@pytest.mark.covers("GET /api/v1/studies/{id}/responses/")
def test_raw_answers_match_the_export(token_for, filled, officer_a):
    response = token_for(officer_a).get(f"/api/v1/studies/{filled.pk}/responses/")
    assert_conforms(response, "GET", "/api/v1/studies/{id}/responses/")
    body = response.json()
    header, rows = exporters.raw_table(filled)
    assert body["columns"] == header[len(exporters.RAW_FIXED) :]
    assert len(body["rows"]) == len(rows) == Response.objects.count() == 36
    first = body["rows"][0]
    assert [first["group"], first["unit"], first["number"]] == rows[0][:3]
    assert [first["answers"].get(c) for c in body["columns"]] == rows[0][len(exporters.RAW_FIXED) :]


def test_studies_of_other_unit_answer_404(token_for, filled, officer_b, unit_head_b):
    for user in (officer_b, unit_head_b):
        client = token_for(user)
        assert client.get("/api/v1/studies/").json()["results"] == []
        for suffix in ("", "results/", "responses/"):
            assert client.get(f"/api/v1/studies/{filled.pk}/{suffix}").status_code == 404


def test_token_limited_to_another_unit_sees_no_study(token_for, filled, agency_head_a, unit_a):
    from pantau.organisations.tests.factories import ServiceUnitFactory

    other = ServiceUnitFactory(agency=unit_a.agency, slug="unit-a2")
    assert token_for(agency_head_a).get(f"/api/v1/studies/{filled.pk}/").status_code == 200
    limited = token_for(agency_head_a, units=[other])
    assert limited.get(f"/api/v1/studies/{filled.pk}/").status_code == 404
    assert limited.get("/api/v1/studies/").json()["results"] == []
