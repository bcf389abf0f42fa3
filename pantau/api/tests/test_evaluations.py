# ruff: noqa: F811 - the evaluations fixtures are imported by name
from decimal import Decimal

import pytest

from pantau.analytics.tests.test_ipp import SCORES
from pantau.evaluations.models import Lokus, Score
from pantau.evaluations.tests.conftest import (  # noqa: F401
    advance,
    instrument,
    lokus_a,
    round_a,
    score_all,
    second_evaluator_a,
)
from pantau.organisations.tests.factories import ServiceUnitFactory

from .schema_check import assert_conforms

pytestmark = pytest.mark.django_db

ROUNDS = "/api/v1/pekppp/rounds"


def _lokus_url(lokus, suffix=""):
    return f"/api/v1/pekppp/lokus/{lokus.pk}/{suffix}"


@pytest.fixture
def scoring(lokus_a, evaluator_a):
    advance(lokus_a.round, evaluator_a, "open_self_assessment", "start_scoring")
    return Lokus.objects.get(pk=lokus_a.pk)


@pytest.fixture
def published(lokus_a, evaluator_a, unit_a):
    """Unit A (the worked example, IPP 3,50) and a second unit scored higher, published."""
    from pantau.evaluations import services

    second = ServiceUnitFactory(agency=unit_a.agency, slug="unit-a2", name="Unit A2")
    other = services.add_lokus(
        actor=evaluator_a,
        round_=lokus_a.round,
        unit=second,
        service_class="services",
        evaluators=[evaluator_a],
    )
    advance(lokus_a.round, evaluator_a, "open_self_assessment", "start_scoring")
    score_all(Lokus.objects.get(pk=lokus_a.pk), evaluator_a)
    score_all(Lokus.objects.get(pk=other.pk), evaluator_a, scores=dict.fromkeys(SCORES, 5))
    advance(lokus_a.round, evaluator_a, "start_verification", "publish_results")
    return Lokus.objects.get(pk=lokus_a.pk)


@pytest.mark.covers("GET /api/v1/pekppp/rounds/", "GET /api/v1/pekppp/rounds/{id}/")
def test_rounds_are_listed_for_the_evaluator_and_the_unit(
    token_for, lokus_a, evaluator_a, officer_a
):
    for user in (evaluator_a, officer_a):
        client = token_for(user)
        body = client.get(f"{ROUNDS}/").json()
        assert [r["id"] for r in body["results"]] == [lokus_a.round_id]
        assert body["results"][0]["status"] == "draft"
        detail = client.get(f"{ROUNDS}/{lokus_a.round_id}/").json()
        assert [row["unit"] for row in detail["lokus"]] == ["unit-a"]
        assert detail["lokus"][0]["ipp"] is None
    evaluator = token_for(evaluator_a)
    assert evaluator.get(f"{ROUNDS}/", {"year": 2026, "status": "draft"}).json()["results"]
    assert not evaluator.get(f"{ROUNDS}/", {"status": "results"}).json()["results"]
    assert evaluator.get(f"{ROUNDS}/", {"status": "nonsense"}).status_code == 400


def test_rounds_need_a_token(api, lokus_a):
    assert api.get(f"{ROUNDS}/").status_code == 401
    assert api.get(_lokus_url(lokus_a)).status_code == 401


@pytest.mark.covers("GET /api/v1/pekppp/lokus/{id}/")
def test_a_units_published_result(token_for, published, officer_a, evaluator_a):
    response = token_for(officer_a).get(_lokus_url(published))
    assert_conforms(response, "GET", "/api/v1/pekppp/lokus/{id}/")
    body = response.json()
    result = body["result"]
    assert (result["ipp"], result["grade"]) == (3.5, "B-")  # the worked example
    assert result["rank"] == 2 and result["method"] == "weighted"
    assert result["instrument"].endswith("v1")
    aspects = result["aspects"]
    assert aspects and all(a["name"] for a in aspects)
    total = sum(Decimal(str(a["contribution"])) for a in aspects)
    assert abs(total - Decimal("3.50")) < Decimal("0.01")
    response = token_for(evaluator_a).get(f"{ROUNDS}/{published.round_id}/")
    assert_conforms(response, "GET", "/api/v1/pekppp/rounds/{id}/")
    assert_conforms(token_for(evaluator_a).get(f"{ROUNDS}/"), "GET", "/api/v1/pekppp/rounds/")
    detail = response.json()
    assert {row["unit"]: row["grade"] for row in detail["lokus"]}["unit-a"] == "B-"


def test_no_result_before_the_results_are_published(token_for, scoring, officer_a, evaluator_a):
    score_all(scoring, evaluator_a)
    response = token_for(officer_a).get(_lokus_url(scoring))
    assert_conforms(response, "GET", "/api/v1/pekppp/lokus/{id}/")
    body = response.json()
    assert body["result"] is None and body["round_status"] == "scoring"
    assert token_for(evaluator_a).get(f"{ROUNDS}/{scoring.round_id}/ranking/").status_code == 404


@pytest.mark.covers("GET /api/v1/pekppp/rounds/{id}/ranking/")
def test_ranking_of_a_published_round_for_its_manager(token_for, published, evaluator_a, officer_a):
    client = token_for(evaluator_a)
    response = client.get(f"{ROUNDS}/{published.round_id}/ranking/")
    assert_conforms(response, "GET", "/api/v1/pekppp/rounds/{id}/ranking/")
    body = response.json()
    assert [(row["unit"], row["rank"]) for row in body["results"]] == [
        ("unit-a2", 1),
        ("unit-a", 2),
    ]
    only = client.get(f"{ROUNDS}/{published.round_id}/ranking/", {"service_class": "services"})
    assert [row["unit"] for row in only.json()["results"]] == ["unit-a2"]
    # The unit sees its own result, not the ranking (as on the round page).
    assert token_for(officer_a).get(f"{ROUNDS}/{published.round_id}/ranking/").status_code == 404


@pytest.mark.covers("POST /api/v1/pekppp/lokus/{id}/scores/")
def test_assigned_evaluator_submits_a_score(token_for, scoring, evaluator_a):
    client = token_for(evaluator_a, write=True)
    response = client.post(
        _lokus_url(scoring, "scores/"),
        {"indicator": "1.a.Ak", "score": 4, "note": "SK standar ada."},
        format="json",
    )
    assert response.status_code == 200, response.json()
    assert_conforms(response, "POST", "/api/v1/pekppp/lokus/{id}/scores/")
    assert response.json()["indicator"] == "1.a.Ak" and response.json()["mode"] == "desk"
    again = client.post(
        _lokus_url(scoring, "scores/"),
        {"indicator": "1.a.Ak", "score": 5, "note": "Dicek di lapangan.", "mode": "field"},
        format="json",
    )
    assert again.status_code == 200
    score = Score.objects.get()
    assert (score.score, score.mode, score.evaluator) == (5, "field", evaluator_a)


def test_score_refused_as_on_the_web(token_for, lokus_a, scoring, evaluator_a):
    client = token_for(evaluator_a, write=True)
    unknown = client.post(
        _lokus_url(scoring, "scores/"),
        {"indicator": "99.z", "score": 4, "note": "x"},
        format="json",
    )
    assert unknown.status_code == 400 and unknown.json()["errors"][0]["field"] == "indicator"
    too_high = client.post(
        _lokus_url(scoring, "scores/"),
        {"indicator": "1.a.Ak", "score": 6, "note": "x"},
        format="json",
    )
    assert too_high.status_code == 400 and too_high.json()["errors"][0]["field"] == "score"
    advance(scoring.round, evaluator_a, "start_verification", "publish_results")
    closed = client.post(
        _lokus_url(scoring, "scores/"),
        {"indicator": "1.a.Ak", "score": 4, "note": "x"},
        format="json",
    )
    assert closed.status_code == 400
    assert not Score.objects.exists()
    read_only = token_for(evaluator_a).post(
        _lokus_url(scoring, "scores/"),
        {"indicator": "1.a.Ak", "score": 4, "note": "x"},
        format="json",
    )
    assert read_only.status_code == 403


def test_score_with_a_token_of_other_unit_gets_404_and_changes_nothing(
    token_for, scoring, officer_b, unit_head_b, officer_a, national_evaluator, second_evaluator_a
):
    body = {"indicator": "1.a.Ak", "score": 4, "note": "x"}
    for user in (officer_b, unit_head_b, officer_a, national_evaluator, second_evaluator_a):
        response = token_for(user, write=True).post(
            _lokus_url(scoring, "scores/"), body, format="json"
        )
        assert response.status_code == 404, user
    assert not Score.objects.exists()


def test_rounds_and_results_of_other_unit_answer_404(token_for, published, officer_b, unit_head_b):
    for user in (officer_b, unit_head_b):
        client = token_for(user)
        assert client.get(f"{ROUNDS}/").json()["results"] == []
        assert client.get(f"{ROUNDS}/{published.round_id}/").status_code == 404
        assert client.get(_lokus_url(published)).status_code == 404
        assert client.get(f"{ROUNDS}/{published.round_id}/ranking/").status_code == 404


def test_token_limited_to_another_unit_does_not_reach_the_lokus(
    token_for, published, evaluator_a, unit_a
):
    other = Lokus.objects.exclude(pk=published.pk).get().unit
    limited = token_for(evaluator_a, units=[other])
    assert limited.get(_lokus_url(published)).status_code == 404
    detail = limited.get(f"{ROUNDS}/{published.round_id}/").json()
    assert [row["unit"] for row in detail["lokus"]] == ["unit-a2"]
