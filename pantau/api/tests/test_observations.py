"""Observation visits through the API: read by whoever may open them on the web pages (narrowed
to the token's units); the observer is named only to the observer and the programme; a unit's
summary as the report card reads it."""

from datetime import date

import pytest

from pantau.observations.tests import conftest as observation_fixtures
from pantau.observations.tests.factories import schedule, submit

from .schema_check import assert_conforms

observer = observation_fixtures.observer
unit_c = observation_fixtures.unit_c

pytestmark = pytest.mark.django_db

VISITS = "/api/v1/observations/visits/"


@pytest.fixture
def submitted(evaluator_a, unit_a, observer):
    visit = schedule(actor=evaluator_a, unit=unit_a, observer=observer)
    return submit(visit, no=["setia-t2"], not_applicable=["setia-i3"])


@pytest.mark.covers(
    "GET /api/v1/observations/visits/",
    "GET /api/v1/observations/visits/{id}/",
    "GET /api/v1/observations/units/{slug}/summary/",
)
def test_the_evaluator_reads_visits_answers_and_the_summary(token_for, evaluator_a, submitted):
    client = token_for(evaluator_a)
    listed = client.get(VISITS)
    assert listed.status_code == 200, listed.json()
    assert_conforms(listed, "GET", VISITS)
    [item] = listed.json()["results"]
    assert (item["unit"], item["kind"], item["score"], item["observer"]) == (
        "unit-a",
        "behaviour",
        90.48,
        "pengamat",
    )
    one = client.get(f"{VISITS}{submitted.pk}/", HTTP_ACCEPT_LANGUAGE="en")
    assert one.status_code == 200
    assert_conforms(one, "GET", "/api/v1/observations/visits/{id}/")
    answers = {i["key"]: i["answer"] for s in one.json()["sections"] for i in s["items"]}
    assert answers["setia-t2"] == "no" and answers["setia-i3"] == "not_applicable"
    summary = client.get(
        "/api/v1/observations/units/unit-a/summary/", {"start": "2026-01-01", "end": "2026-12-31"}
    )
    assert summary.status_code == 200, summary.json()
    assert_conforms(summary, "GET", "/api/v1/observations/units/{slug}/summary/")
    [checklist] = summary.json()["checklists"]
    assert checklist["latest_score"] == 90.48
    assert [f["key"] for f in checklist["failed_items"]] == ["setia-t2"]


def test_the_unit_head_reads_results_without_the_observer(token_for, unit_head_a, submitted):
    client = token_for(unit_head_a)
    [item] = client.get(VISITS).json()["results"]
    assert item["observer"] is None
    assert client.get(f"{VISITS}{submitted.pk}/").json()["scenario"] == ""


def test_a_visit_to_come_is_hidden_from_the_unit_head(
    token_for, unit_head_a, evaluator_a, unit_a, observer
):
    schedule(actor=evaluator_a, unit=unit_a, observer=observer, planned_on=date(2026, 3, 10))
    assert token_for(unit_head_a).get(VISITS).json()["results"] == []
    assert token_for(observer).get(VISITS).json()["results"][0]["observer"] == "pengamat"


def test_a_token_of_another_unit_reads_nothing_of_it(
    token_for, unit_head_b, officer_a, admin_user, unit_b, submitted
):
    for client in (
        token_for(unit_head_b),
        token_for(officer_a),
        token_for(admin_user, units=[unit_b]),
    ):
        assert client.get(VISITS).json()["results"] == []
        assert client.get(f"{VISITS}{submitted.pk}/").status_code == 404
        assert client.get("/api/v1/observations/units/unit-a/summary/").status_code == 404


def test_bad_filters_and_periods_are_refused(token_for, evaluator_a, submitted):
    client = token_for(evaluator_a)
    assert client.get(VISITS, {"status": "done"}).status_code == 400
    assert client.get(VISITS, {"unit": "nope"}).status_code == 400
    assert client.get(VISITS, {"colour": "red"}).status_code == 400
    url = "/api/v1/observations/units/unit-a/summary/"
    assert client.get(url, {"start": "2026-05-01", "end": "2026-01-01"}).status_code == 400
    assert client.get(url, {"start": "yesterday"}).status_code == 400
