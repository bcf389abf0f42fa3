"""Writes on perception studies (studies.forms and studies.services): setting one up, opening
and closing it, entering paper questionnaires."""

import uuid

import pytest

from pantau.organisations.tests.factories import ServiceUnitFactory
from pantau.studies.models import Study
from pantau.studies.tests.conftest import form_post, study_a  # noqa: F401
from pantau.surveys.models import Collection, Response
from pantau.surveys.selectors import version_items

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


# --- Setting up a study, entering paper questionnaires ---------------------------------------


def _study_body(unit, **overrides):
    body = {
        "unit": unit.slug,
        "title": "Persepsi layanan 2026",
        "form_set": "nps5",
        "starts_on": "2026-01-05",
        "ends_on": "2026-03-31",
        "recipient_target": 60,
        "provider_target": 8,
    }
    body.update(overrides)
    return body


@pytest.mark.covers("POST /api/v1/studies/")
def test_the_unit_head_sets_up_a_study_with_both_groups(token_for, unit_head_a, unit_a):
    response = token_for(unit_head_a, write=True).post(
        "/api/v1/studies/", _study_body(unit_a), format="json"
    )
    assert response.status_code == 201, response.json()
    assert_conforms(response, "POST", "/api/v1/studies/")
    body = response.json()
    assert body["title"] == "Persepsi layanan 2026" and body["unit"] == unit_a.slug
    assert sorted((g["role"], g["target_sample"], g["status"]) for g in body["groups"]) == [
        ("provider", 8, "draft"),
        ("recipient", 60, "draft"),
    ]
    study = Study.objects.get(pk=body["id"])
    assert study.created_by == unit_head_a and study.groups.count() == 2


def test_a_study_with_several_units_of_the_agency_head(token_for, agency_head_a, unit_a):
    other = ServiceUnitFactory(agency=unit_a.agency)
    response = token_for(agency_head_a, write=True).post(
        "/api/v1/studies/", _study_body(unit_a, other_units=[other.slug]), format="json"
    )
    assert response.status_code == 201, response.json()
    assert {g["unit"] for g in response.json()["groups"]} == {unit_a.slug, other.slug}


@pytest.mark.parametrize(
    "overrides,field",
    [
        ({"ends_on": "2025-12-31"}, "ends_on"),
        ({"recipient_target": 0}, "recipient_target"),
        ({"form_set": "servqual"}, "form_set"),
        ({"title": ""}, "title"),
        ({"other_units": ["unit-yang-tidak-ada"]}, "other_units"),
    ],
)
def test_a_bad_study_is_refused_by_field_and_nothing_is_created(
    token_for, unit_head_a, unit_a, overrides, field
):
    response = token_for(unit_head_a, write=True).post(
        "/api/v1/studies/", _study_body(unit_a, **overrides), format="json"
    )
    assert response.status_code == 400
    assert field in {error["field"] for error in response.json()["errors"]}
    assert not Study.objects.exists()


def test_study_setup_needs_a_write_token_of_a_manager(
    api, token_for, officer_a, unit_head_a, unit_a
):
    body = _study_body(unit_a)
    assert api.post("/api/v1/studies/", body, format="json").status_code == 401
    assert token_for(unit_head_a).post("/api/v1/studies/", body, format="json").status_code == 403
    assert (
        token_for(officer_a, write=True).post("/api/v1/studies/", body, format="json").status_code
        == 404
    )
    assert not Study.objects.exists()


def test_study_setup_with_a_token_of_another_unit_gets_404_and_creates_nothing(
    token_for, unit_head_b, admin_user, unit_a, unit_b
):
    body = _study_body(unit_a)
    assert (
        token_for(unit_head_b, write=True).post("/api/v1/studies/", body, format="json").status_code
        == 404
    )
    limited = token_for(admin_user, write=True, units=[unit_b])
    assert limited.post("/api/v1/studies/", body, format="json").status_code == 404
    # Nor can another unit be pulled into one's own study.
    response = token_for(unit_head_b, write=True).post(
        "/api/v1/studies/", _study_body(unit_b, other_units=[unit_a.slug]), format="json"
    )
    assert response.status_code == 400
    assert not Study.objects.exists()


def _paper_body(study, value="4", **overrides):
    recipients = study.groups.select_related("collection").get(role="recipient")
    answers = {
        key: value
        for key, _token in form_post(version_items(recipients.collection.version)).items()
        if key != "submission_token"
    }
    body = {"submission_token": str(uuid.uuid4()), "answers": answers}
    body.update(overrides)
    return body


@pytest.mark.covers("POST /api/v1/studies/{id}/paper-responses/")
def test_an_officer_enters_a_recipients_paper_questionnaire_once(token_for, officer_a, study_a):  # noqa: F811
    client = token_for(officer_a, write=True)
    body = _paper_body(study_a)
    url = f"/api/v1/studies/{study_a.pk}/paper-responses/"
    first = client.post(url, body, format="json")
    assert first.status_code == 201, first.json()
    assert_conforms(first, "POST", "/api/v1/studies/{id}/paper-responses/")
    saved = Response.objects.get(number=first.json()["receipt_number"])
    assert (saved.source, saved.entered_by) == ("paper", officer_a)
    assert saved.collection.study_group.role == "recipient"
    again = client.post(url, body, format="json")
    assert again.status_code == 200 and again.json() == first.json()
    assert Response.objects.filter(collection=saved.collection).count() == 1


def test_a_bad_paper_questionnaire_of_a_study_names_the_question(token_for, officer_a, study_a):  # noqa: F811
    body = _paper_body(study_a, value="9")
    response = token_for(officer_a, write=True).post(
        f"/api/v1/studies/{study_a.pk}/paper-responses/", body, format="json"
    )
    assert response.status_code == 400
    assert all(error["field"].startswith("answers.") for error in response.json()["errors"])
    unknown = token_for(officer_a, write=True).post(
        f"/api/v1/studies/{study_a.pk}/paper-responses/",
        _paper_body(study_a, unit="unit-lain"),
        format="json",
    )
    assert unknown.status_code == 400
    assert not Response.objects.filter(collection__study_group__study=study_a).exists()


def test_study_paper_entry_with_a_token_of_another_unit_gets_404(
    api,
    token_for,
    officer_a,
    officer_b,
    unit_head_b,
    admin_user,
    unit_b,
    study_a,  # noqa: F811
):
    url = f"/api/v1/studies/{study_a.pk}/paper-responses/"
    body = _paper_body(study_a)
    assert api.post(url, body, format="json").status_code == 401
    assert token_for(officer_a).post(url, body, format="json").status_code == 403
    for client in (
        token_for(officer_b, write=True),
        token_for(unit_head_b, write=True),
        token_for(admin_user, write=True, units=[unit_b]),
    ):
        assert client.post(url, body, format="json").status_code == 404
    assert not Response.objects.filter(collection__study_group__study=study_a).exists()


def test_a_study_paper_questionnaire_may_name_the_items_by_their_codes(
    token_for,
    officer_a,
    study_a,  # noqa: F811
):
    # As the import file and the raw data name the scored items (A1, A2, … in any case).
    recipients = study_a.groups.select_related("collection__version").get(role="recipient")
    items = [i for i in version_items(recipients.collection.version) if i.kind == "scored"]
    answers = {item.code.lower(): "5" for item in items}
    answers[items[0].code.lower()] = "2"
    response = token_for(officer_a, write=True).post(
        f"/api/v1/studies/{study_a.pk}/paper-responses/",
        {"submission_token": str(uuid.uuid4()), "answers": answers},
        format="json",
    )
    assert response.status_code == 201, response.json()
    saved = Response.objects.get(number=response.json()["receipt_number"])
    values = dict(saved.answers.values_list("item__key", "value_int"))
    assert len(values) == len(items) and values[items[0].key] == 2
    assert values[items[-1].key] == 5
