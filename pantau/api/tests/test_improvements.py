"""The improvement register through the API: read by whoever reaches the unit (narrowed to the
token's units), planned, revised and dropped by the unit head, progress recorded by the unit's
officers, with the web pages' rules; bad input is refused by field and changes nothing."""

from datetime import date

import pytest

from pantau.complaints.tests.factories import ComplaintFactory
from pantau.improvements.models import Action
from pantau.improvements.tests.factories import answered_period, make_action, skm_action

from .schema_check import assert_conforms

pytestmark = pytest.mark.django_db

ACTIONS = "/api/v1/improvements/actions/"


@pytest.fixture(autouse=True)
def _in_2025(time_machine):
    from datetime import datetime
    from zoneinfo import ZoneInfo

    time_machine.move_to(datetime(2025, 5, 14, 10, tzinfo=ZoneInfo("Asia/Jakarta")), tick=True)


def _body(survey, person, **overrides):
    body = {
        "unit": survey.unit.slug,
        "source": "skm_element",
        "period": survey.pk,
        "element_key": "waktu",
        "title": "Loket tambahan pada jam sibuk",
        "owner": person.username,
        "due_on": "2025-06-30",
        "target": 3.3,
    }
    body.update(overrides)
    return body


@pytest.mark.covers("GET /api/v1/improvements/actions/", "GET /api/v1/improvements/actions/{id}/")
def test_an_evaluator_reads_the_units_actions_with_their_figures(
    token_for, evaluator_a, unit_a, unit_b, unit_head_a
):
    first = answered_period(unit_a, actor=unit_head_a, number=1, scores={"waktu": 2})
    action = skm_action(first, "waktu")
    make_action(unit_b)
    client = token_for(evaluator_a)
    listed = client.get(ACTIONS)
    assert listed.status_code == 200, listed.json()
    assert_conforms(listed, "GET", "/api/v1/improvements/actions/")
    [item] = listed.json()["results"]
    assert (item["id"], item["unit"], item["source"], item["metric_key"]) == (
        action.pk,
        "unit-a",
        "skm_element",
        "skm.element:waktu",
    )
    assert item["figure"]["before"]["value"] == 2.0 and item["figure"]["after"] is None
    one = client.get(f"{ACTIONS}{action.pk}/")
    assert one.status_code == 200 and one.json()["title"] == action.title
    assert_conforms(one, "GET", "/api/v1/improvements/actions/{id}/")
    overdue = client.get(ACTIONS, {"status": "overdue"}).json()["results"]
    assert overdue == []


def test_lists_refuse_unknown_filters_and_values(token_for, officer_a, unit_a):
    client = token_for(officer_a)
    assert client.get(ACTIONS, {"status": "finished"}).status_code == 400
    assert client.get(ACTIONS, {"unit": "nope"}).status_code == 400
    assert client.get(ACTIONS, {"colour": "red"}).status_code == 400


def test_a_token_of_another_unit_reads_nothing_of_it(
    token_for, officer_b, admin_user, unit_a, unit_b
):
    action = make_action(unit_a)
    for client in (token_for(officer_b), token_for(admin_user, units=[unit_b])):
        assert client.get(ACTIONS).json()["results"] == []
        assert client.get(f"{ACTIONS}{action.pk}/").status_code == 404


@pytest.mark.covers("POST /api/v1/improvements/actions/")
def test_the_unit_head_plans_an_action(token_for, unit_head_a, officer_a, unit_a, period_a):
    response = token_for(unit_head_a, write=True).post(
        ACTIONS, _body(period_a, officer_a), format="json"
    )
    assert response.status_code == 201, response.json()
    assert_conforms(response, "POST", "/api/v1/improvements/actions/")
    action = Action.objects.get(pk=response.json()["id"])
    assert (action.period, action.element_key, action.owner, action.planned_by) == (
        period_a,
        "waktu",
        officer_a,
        unit_head_a,
    )
    assert (action.metric_key, str(action.target), action.is_public) == (
        "skm.element:waktu",
        "3.30",
        True,
    )


def test_a_single_complaint_is_named_by_its_number_and_stays_among_staff(
    token_for, unit_head_a, officer_a, unit_a, period_a
):
    complaint = ComplaintFactory(unit=unit_a)
    body = _body(period_a, officer_a, source="complaint", complaint=complaint.tracking_number)
    del body["target"]
    response = token_for(unit_head_a, write=True).post(ACTIONS, body, format="json")
    assert response.status_code == 201, response.json()
    assert response.json()["complaint"] == complaint.tracking_number
    assert response.json()["is_public"] is False


@pytest.mark.parametrize(
    "overrides,field",
    [
        ({"element_key": "parkir"}, "element_key"),
        ({"period": 999999}, "period"),
        ({"source": "complaint", "complaint": "LPR-NOPE"}, "complaint"),
        ({"source": "complaint_pattern"}, "category"),
        ({"owner": "nobody"}, "owner"),
        ({"due_on": "besok"}, "due_on"),
        ({"title": ""}, "title"),
        ({"metric_key": "skm.everything"}, "metric_key"),
        ({"source": "mystery_shopping"}, "source_note"),
    ],
)
def test_a_bad_plan_is_refused_by_field_and_adds_nothing(
    token_for, unit_head_a, officer_a, period_a, overrides, field
):
    response = token_for(unit_head_a, write=True).post(
        ACTIONS, _body(period_a, officer_a, **overrides), format="json"
    )
    assert response.status_code == 400, response.json()
    assert field in {error["field"] for error in response.json()["errors"]}
    assert not Action.objects.exists()


def test_planning_needs_the_units_head_and_a_write_token(
    api, token_for, unit_head_a, officer_a, unit_head_b, unit_b, period_a
):
    body = _body(period_a, officer_a)
    assert api.post(ACTIONS, body, format="json").status_code == 401
    assert token_for(unit_head_a).post(ACTIONS, body, format="json").status_code == 403
    assert token_for(officer_a, write=True).post(ACTIONS, body, format="json").status_code == 404
    assert token_for(unit_head_b, write=True).post(ACTIONS, body, format="json").status_code == 404
    assert not Action.objects.exists()


@pytest.mark.covers("POST /api/v1/improvements/actions/{id}/progress/")
def test_an_officer_records_progress(token_for, officer_a, unit_a):
    action = make_action(unit_a)
    client = token_for(officer_a, write=True)
    url = f"{ACTIONS}{action.pk}/progress/"
    done = client.post(
        url,
        {"status": "done", "completed_on": "2025-05-02", "evidence_note": "Dibuka."},
        format="json",
    )
    assert done.status_code == 200, done.json()
    assert_conforms(done, "POST", "/api/v1/improvements/actions/{id}/progress/")
    action.refresh_from_db()
    assert (action.status, action.completed_on, action.evidence_note) == (
        "done",
        date(2025, 5, 2),
        "Dibuka.",
    )
    for bad, field in (
        ({"status": "done"}, "completed_on"),
        ({"status": "done", "completed_on": "2030-01-01"}, "completed_on"),
        ({"status": "dropped"}, "status"),
    ):
        response = client.post(url, bad, format="json")
        assert response.status_code == 400 and response.json()["errors"][0]["field"] == field
    action.refresh_from_db()
    assert action.status == "done"


def test_progress_of_another_units_action_is_not_found(token_for, officer_b, evaluator_a, unit_a):
    action = make_action(unit_a)
    url = f"{ACTIONS}{action.pk}/progress/"
    body = {"status": "in_progress"}
    assert token_for(officer_b, write=True).post(url, body, format="json").status_code == 404
    assert token_for(evaluator_a, write=True).post(url, body, format="json").status_code == 403
    action.refresh_from_db()
    assert action.status == "planned"


@pytest.mark.covers(
    "PATCH /api/v1/improvements/actions/{id}/", "POST /api/v1/improvements/actions/{id}/drop/"
)
def test_the_head_revises_then_drops(token_for, unit_head_a, officer_a, unit_a):
    action = make_action(unit_a)
    client = token_for(unit_head_a, write=True)
    revised = client.patch(
        f"{ACTIONS}{action.pk}/", {"owner": officer_a.username, "is_public": True}, format="json"
    )
    assert revised.status_code == 200, revised.json()
    assert_conforms(revised, "PATCH", "/api/v1/improvements/actions/{id}/")
    action.refresh_from_db()
    assert (action.owner, action.is_public, action.title) == (
        officer_a,
        True,
        "Menambah loket pada jam sibuk",
    )
    bad = client.patch(f"{ACTIONS}{action.pk}/", {"target": 5}, format="json")
    assert bad.status_code == 400 and bad.json()["errors"][0]["field"] == "metric_key"
    assert (
        client.post(f"{ACTIONS}{action.pk}/drop/", {"reason": " "}, format="json").status_code
        == 400
    )
    dropped = client.post(f"{ACTIONS}{action.pk}/drop/", {"reason": "Diganti."}, format="json")
    assert dropped.status_code == 200
    assert_conforms(dropped, "POST", "/api/v1/improvements/actions/{id}/drop/")
    action.refresh_from_db()
    assert (action.status, action.drop_reason) == ("dropped", "Diganti.")


def test_officers_neither_revise_nor_drop(token_for, officer_a, unit_a):
    action = make_action(unit_a)
    client = token_for(officer_a, write=True)
    assert client.patch(f"{ACTIONS}{action.pk}/", {"title": "x"}, format="json").status_code == 403
    assert (
        client.post(f"{ACTIONS}{action.pk}/drop/", {"reason": "x"}, format="json").status_code
        == 403
    )
    assert Action.objects.get(pk=action.pk).status == "planned"


@pytest.fixture
def period_a(unit_a, unit_head_a):
    from pantau.satisfaction.tests.factories import SurveyPeriodFactory

    return SurveyPeriodFactory(unit=unit_a, actor=unit_head_a)
