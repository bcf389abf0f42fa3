"""Writes on perception studies: opening and closing a study (studies.services)."""

import pytest

from pantau.studies.tests.conftest import study_a  # noqa: F401
from pantau.surveys.models import Collection

from .schema_check import assert_conforms

pytestmark = pytest.mark.django_db


def _statuses(study):
    return set(Collection.objects.filter(study_group__study=study).values_list("status", flat=True))


def _url(study):
    return f"/api/v1/studies/{study.pk}/status/"


@pytest.mark.covers("POST /api/v1/studies/{id}/status/")
def test_the_unit_head_closes_and_reopens_a_study(token_for, study_a, unit_head_a):  # noqa: F811
    client = token_for(unit_head_a, write=True)
    response = client.post(_url(study_a), {"action": "close"}, format="json")
    assert response.status_code == 200, response.json()
    assert_conforms(response, "POST", "/api/v1/studies/{id}/status/")
    assert {g["status"] for g in response.json()["groups"]} == {"closed"}
    assert _statuses(study_a) == {"closed"}
    response = client.post(_url(study_a), {"action": "open"}, format="json")
    assert response.status_code == 200
    assert _statuses(study_a) == {"open"}


def test_study_status_with_a_token_of_other_unit_gets_404_and_changes_nothing(
    token_for,
    study_a,  # noqa: F811
    unit_head_b,
    officer_b,
    officer_a,
):
    # officer_a sees the study but does not manage it: 404 as on the web.
    for user in (unit_head_b, officer_b, officer_a):
        response = token_for(user, write=True).post(
            _url(study_a), {"action": "close"}, format="json"
        )
        assert response.status_code == 404, user
    assert _statuses(study_a) == {"open"}


def test_study_status_with_a_token_limited_to_other_unit_gets_404(
    token_for,
    study_a,  # noqa: F811
    admin_user,
    unit_b,
):
    limited = token_for(admin_user, write=True, units=[unit_b])
    assert limited.post(_url(study_a), {"action": "close"}, format="json").status_code == 404
    assert _statuses(study_a) == {"open"}


def test_study_status_needs_the_write_scope(token_for, study_a, unit_head_a):  # noqa: F811
    response = token_for(unit_head_a).post(_url(study_a), {"action": "close"}, format="json")
    assert response.status_code == 403
    assert response.json()["errors"][0]["code"] == "permission_denied"
    assert _statuses(study_a) == {"open"}


def test_study_status_refuses_bad_input_and_changes_nothing(
    token_for,
    study_a,  # noqa: F811
    unit_head_a,
):
    client = token_for(unit_head_a, write=True)
    unknown = client.post(_url(study_a), {"action": "publish"}, format="json")
    assert unknown.status_code == 400
    assert unknown.json()["errors"][0]["field"] == "action"
    missing = client.post(_url(study_a), {}, format="json")
    assert missing.status_code == 400
    assert missing.json()["errors"][0] == {
        "code": "required",
        "field": "action",
        "message": missing.json()["errors"][0]["message"],
    }
    again = client.post(_url(study_a), {"action": "open"}, format="json")  # already open
    assert again.status_code == 400
    assert again.json()["errors"][0]["field"] is None
    assert again.json()["errors"][0]["message"]
    assert _statuses(study_a) == {"open"}
