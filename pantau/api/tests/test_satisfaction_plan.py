"""The SKM follow-up plan (rencana tindak lanjut) through the API: read by whoever sees the
period, written by the unit's managers through the web's form and service."""

# ruff: noqa: F811 - the SKM fixtures are imported by name
from datetime import date

import pytest

from pantau.improvements import services as register
from pantau.improvements.models import Action as FollowUpAction
from pantau.improvements.tests.factories import skm_action

from .schema_check import assert_conforms
from .test_satisfaction import _inside_period_a, period_a, service_a  # noqa: F401

pytestmark = pytest.mark.django_db


def _plan_url(period):
    return f"/api/v1/skm/periods/{period.pk}/actions/"


def _action_url(action):
    return f"/api/v1/skm/actions/{action.pk}/"


def _body(**overrides):
    body = {
        "element_key": "waktu",
        "action": "Menambah loket pada jam sibuk.",
        "owner": "Kepala unit",
        "deadline": "2025-06-30",
    }
    body.update(overrides)
    return body


@pytest.fixture
def action_a(period_a, unit_head_a):
    return skm_action(
        period_a,
        "prosedur",
        actor=unit_head_a,
        title="Alur bergambar di ruang tunggu.",
        responsible="Petugas loket",
        due_on=date(2025, 5, 1),
    )


def _unchanged(action):
    action.refresh_from_db()
    return (action.plan_text, action.status, action.completed_on, action.evidence_note) == (
        "Alur bergambar di ruang tunggu.",
        "planned",
        None,
        "",
    )


# --- Adding an action ------------------------------------------------------------------------


@pytest.mark.covers("POST /api/v1/skm/periods/{id}/actions/")
def test_unit_head_adds_an_action_to_the_plan(token_for, unit_head_a, period_a):
    response = token_for(unit_head_a, write=True).post(_plan_url(period_a), _body(), format="json")
    assert response.status_code == 201, response.json()
    assert_conforms(response, "POST", "/api/v1/skm/periods/{id}/actions/")
    body = response.json()
    assert (body["period"], body["element_key"], body["status"], body["deadline"]) == (
        period_a.pk,
        "waktu",
        "planned",
        "2025-06-30",
    )
    assert body["element"]["code"] and body["element"]["label"]
    action = FollowUpAction.objects.get(pk=body["id"])
    assert (action.period, action.owner_label, action.completed_on) == (
        period_a,
        "Kepala unit",
        None,
    )
    assert action.history.first().history_user == unit_head_a


def test_agency_head_adds_a_done_action_with_its_date(token_for, agency_head_a, period_a):
    response = token_for(agency_head_a, write=True).post(
        _plan_url(period_a),
        _body(status="done", completed_on="2025-04-20", report="Dua loket baru dibuka."),
        format="json",
    )
    assert response.status_code == 201, response.json()
    action = FollowUpAction.objects.get(pk=response.json()["id"])
    assert (action.status, action.completed_on, action.evidence_note) == (
        "done",
        date(2025, 4, 20),
        "Dua loket baru dibuka.",
    )


def test_a_date_of_completion_is_dropped_unless_the_action_is_done(
    token_for, unit_head_a, period_a
):
    response = token_for(unit_head_a, write=True).post(
        _plan_url(period_a), _body(status="in_progress", completed_on="2025-04-20"), format="json"
    )
    assert response.status_code == 201 and response.json()["completed_on"] is None


@pytest.mark.parametrize(
    "overrides,field",
    [
        ({"element_key": "parkir"}, "element_key"),  # not an element of the questionnaire
        ({"status": "done"}, "completed_on"),  # done needs the date it was completed
        ({"status": "done", "completed_on": None}, "completed_on"),
        ({"status": "finished"}, "status"),
        ({"deadline": "besok"}, "deadline"),
        ({"action": ""}, "action"),
        ({"owner": "x" * 121}, "owner"),
    ],
)
def test_a_bad_action_is_refused_by_field_and_nothing_is_added(
    token_for, unit_head_a, period_a, overrides, field
):
    response = token_for(unit_head_a, write=True).post(
        _plan_url(period_a), _body(**overrides), format="json"
    )
    assert response.status_code == 400
    assert field in {error["field"] for error in response.json()["errors"]}
    assert all(error["message"] and error["code"] for error in response.json()["errors"])
    assert not FollowUpAction.objects.exists()


def test_a_missing_field_is_refused(token_for, unit_head_a, period_a):
    body = _body()
    del body["deadline"]
    response = token_for(unit_head_a, write=True).post(_plan_url(period_a), body, format="json")
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "deadline"
    assert not FollowUpAction.objects.exists()


def test_adding_an_action_needs_a_write_token_of_a_manager(
    api, token_for, unit_head_a, officer_a, period_a
):
    assert api.post(_plan_url(period_a), _body(), format="json").status_code == 401
    read_only = token_for(unit_head_a).post(_plan_url(period_a), _body(), format="json")
    assert read_only.status_code == 403
    # The unit's officer sees the plan but does not make it.
    officer = token_for(officer_a, write=True).post(_plan_url(period_a), _body(), format="json")
    assert officer.status_code == 403
    assert officer.json()["errors"][0]["code"] == "permission_denied"
    assert not FollowUpAction.objects.exists()


def test_adding_an_action_with_a_token_of_another_unit_gets_404(
    token_for, unit_head_b, officer_b, admin_user, unit_b, period_a
):
    for client in (
        token_for(unit_head_b, write=True),
        token_for(officer_b, write=True),
        token_for(admin_user, write=True, units=[unit_b]),
    ):
        assert client.post(_plan_url(period_a), _body(), format="json").status_code == 404
    assert not FollowUpAction.objects.exists()


# --- Reading the plan ------------------------------------------------------------------------


@pytest.mark.covers("GET /api/v1/skm/periods/{id}/actions/")
def test_officer_reads_the_plan_with_cancelled_actions_and_the_realisation(
    token_for, officer_a, unit_head_a, period_a, action_a
):
    cancelled = skm_action(
        period_a, "waktu", actor=unit_head_a, title="Antrean daring", due_on=date(2025, 6, 1)
    )
    register.drop_action(actor=unit_head_a, action=cancelled, reason="Tidak jadi.")
    done = skm_action(
        period_a, "biaya", actor=unit_head_a, title="Papan tarif", due_on=date(2025, 4, 1)
    )
    register.record_progress(
        actor=unit_head_a, action=done, status="done", completed_on=date(2025, 3, 28)
    )
    response = token_for(officer_a).get(_plan_url(period_a))
    assert response.status_code == 200
    assert_conforms(response, "GET", "/api/v1/skm/periods/{id}/actions/")
    body = response.json()
    assert [a["element_key"] for a in body["actions"]] == ["biaya", "prosedur", "waktu"]
    assert [a["status"] for a in body["actions"]] == ["done", "planned", "cancelled"]
    assert (body["summary"]["total"], body["summary"]["realised"]) == (2, 1)
    assert body["summary"]["percent"] == 50.0


def test_the_plan_of_another_unit_is_not_found(
    api, token_for, officer_b, admin_user, unit_b, period_a, action_a
):
    assert api.get(_plan_url(period_a)).status_code == 401
    assert token_for(officer_b).get(_plan_url(period_a)).status_code == 404
    assert token_for(admin_user, units=[unit_b]).get(_plan_url(period_a)).status_code == 404


# --- Changing an action ----------------------------------------------------------------------


@pytest.mark.covers("PATCH /api/v1/skm/actions/{id}/")
def test_unit_head_marks_an_action_done_then_reopens_it(token_for, unit_head_a, action_a):
    client = token_for(unit_head_a, write=True)
    done = client.patch(
        _action_url(action_a),
        {"status": "done", "completed_on": "2025-04-28", "report": "Poster alur dipasang."},
        format="json",
    )
    assert done.status_code == 200, done.json()
    assert_conforms(done, "PATCH", "/api/v1/skm/actions/{id}/")
    assert done.json()["status"] == "done" and done.json()["element"]["code"]
    action_a.refresh_from_db()
    assert (action_a.status, action_a.completed_on, action_a.evidence_note) == (
        "done",
        date(2025, 4, 28),
        "Poster alur dipasang.",
    )
    # The fields not sent are kept.
    assert (action_a.plan_text, action_a.owner_label, action_a.element_key) == (
        "Alur bergambar di ruang tunggu.",
        "Petugas loket",
        "prosedur",
    )
    assert action_a.history.first().history_user == unit_head_a
    # Back in progress: the completion date goes, as on the web form.
    again = client.patch(_action_url(action_a), {"status": "in_progress"}, format="json")
    assert again.status_code == 200 and again.json()["completed_on"] is None
    action_a.refresh_from_db()
    assert (action_a.status, action_a.completed_on) == ("in_progress", None)


@pytest.mark.parametrize(
    "body,field",
    [
        ({"status": "done"}, "completed_on"),
        ({"status": "done", "completed_on": None}, "completed_on"),
        ({"element_key": "parkir"}, "element_key"),
        ({"deadline": "2025-13-01"}, "deadline"),
        ({"status": "finished"}, "status"),
        ({"action": ""}, "action"),
    ],
)
def test_a_bad_change_is_refused_by_field_and_changes_nothing(
    token_for, unit_head_a, action_a, body, field
):
    response = token_for(unit_head_a, write=True).patch(_action_url(action_a), body, format="json")
    assert response.status_code == 400
    assert field in {error["field"] for error in response.json()["errors"]}
    assert _unchanged(action_a)


def test_changing_an_action_needs_a_write_token_of_a_manager(
    api, token_for, unit_head_a, officer_a, action_a
):
    body = {"status": "cancelled"}
    assert api.patch(_action_url(action_a), body, format="json").status_code == 401
    assert (
        token_for(unit_head_a).patch(_action_url(action_a), body, format="json").status_code == 403
    )
    officer = token_for(officer_a, write=True).patch(_action_url(action_a), body, format="json")
    assert officer.status_code == 403
    assert _unchanged(action_a)


def test_changing_an_action_with_a_token_of_another_unit_gets_404(
    token_for, unit_head_b, officer_b, admin_user, unit_b, action_a
):
    body = {"status": "cancelled"}
    for client in (
        token_for(unit_head_b, write=True),
        token_for(officer_b, write=True),
        token_for(admin_user, write=True, units=[unit_b]),
    ):
        assert client.patch(_action_url(action_a), body, format="json").status_code == 404
    assert client.patch("/api/v1/skm/actions/999999/", body, format="json").status_code == 404
    assert _unchanged(action_a)
