"""SKM writes of the unit's staff: setting up a survey period and entering paper questionnaires,
through the web's forms and services, refused to anyone the web pages refuse."""

# ruff: noqa: F811 - the SKM fixtures are imported by name
import uuid

import pytest

from pantau.satisfaction.models import SurveyPeriod
from pantau.surveys.models import Answer, Response

from .schema_check import assert_conforms
from .test_satisfaction import _answers, _inside_period_a, period_a, service_a  # noqa: F401

pytestmark = pytest.mark.django_db

PERIODS = "/api/v1/skm/periods/"


def _period_body(unit, service, **overrides):
    body = {
        "unit": unit.slug,
        "kind": "quarter",
        "year": 2026,
        "number": 2,
        "population": 1500,
        "services": [service.pk],
    }
    body.update(overrides)
    return body


@pytest.mark.covers("POST /api/v1/skm/periods/")
def test_unit_head_sets_up_a_period_and_sees_the_required_sample(
    token_for, unit_head_a, unit_a, service_a
):
    response = token_for(unit_head_a, write=True).post(
        PERIODS, _period_body(unit_a, service_a), format="json"
    )
    assert response.status_code == 201, response.json()
    assert_conforms(response, "POST", "/api/v1/skm/periods/")
    body = response.json()
    assert (body["unit"], body["kind"], body["year"], body["number"]) == (
        unit_a.slug,
        "quarter",
        2026,
        2,
    )
    assert body["status"] == "draft" and body["population"] == 1500
    assert body["results"]["required_sample"] == 306  # Krejcie & Morgan, N = 1500
    period = SurveyPeriod.objects.get(pk=body["id"])
    assert list(period.services.all()) == [service_a] and not period.requires_code


@pytest.mark.parametrize(
    "overrides,field",
    [
        ({"number": 5}, "number"),  # a quarter 5
        ({"year": 2016}, "year"),
        ({"population": 0}, "population"),
        ({"services": [999999]}, "services"),
        ({"kind": "decade"}, "kind"),
        ({"services": []}, "services"),
    ],
)
def test_a_bad_period_is_refused_by_field_and_nothing_is_created(
    token_for, unit_head_a, unit_a, service_a, overrides, field
):
    response = token_for(unit_head_a, write=True).post(
        PERIODS, _period_body(unit_a, service_a, **overrides), format="json"
    )
    assert response.status_code == 400
    assert field in {error["field"] or "non_field_errors" for error in response.json()["errors"]}
    assert not SurveyPeriod.objects.filter(unit=unit_a).exists()


def test_the_same_period_twice_is_refused(token_for, unit_head_a, unit_a, service_a):
    client = token_for(unit_head_a, write=True)
    assert client.post(PERIODS, _period_body(unit_a, service_a), format="json").status_code == 201
    again = client.post(PERIODS, _period_body(unit_a, service_a), format="json")
    assert again.status_code == 400
    assert SurveyPeriod.objects.filter(unit=unit_a).count() == 1


def test_period_setup_needs_a_write_token_of_a_manager(
    api, token_for, officer_a, unit_head_a, unit_a, service_a
):
    body = _period_body(unit_a, service_a)
    assert api.post(PERIODS, body, format="json").status_code == 401
    assert token_for(unit_head_a).post(PERIODS, body, format="json").status_code == 403
    assert token_for(officer_a, write=True).post(PERIODS, body, format="json").status_code == 404
    assert not SurveyPeriod.objects.filter(unit=unit_a).exists()


def test_period_setup_with_a_token_of_another_unit_gets_404_and_creates_nothing(
    token_for, unit_head_b, admin_user, unit_a, unit_b, service_a
):
    body = _period_body(unit_a, service_a)
    assert token_for(unit_head_b, write=True).post(PERIODS, body, format="json").status_code == 404
    # A token limited to another unit cannot either, even when its user manages every unit.
    limited = token_for(admin_user, write=True, units=[unit_b])
    assert limited.post(PERIODS, body, format="json").status_code == 404
    assert not SurveyPeriod.objects.filter(unit=unit_a).exists()


def _paper(client, period, service, token=None, answers=None):
    return client.post(
        f"{PERIODS}{period.pk}/paper-responses/",
        {
            "submission_token": str(token or uuid.uuid4()),
            "service": service.pk,
            "answers": answers or _answers(),
        },
        format="json",
    )


@pytest.mark.covers("POST /api/v1/skm/periods/{id}/paper-responses/")
def test_officer_enters_a_paper_questionnaire_once(token_for, officer_a, period_a, service_a):
    client = token_for(officer_a, write=True)
    token = uuid.uuid4()
    first = _paper(client, period_a, service_a, token)
    assert first.status_code == 201, first.json()
    assert_conforms(first, "POST", "/api/v1/skm/periods/{id}/paper-responses/")
    saved = Response.objects.get(number=first.json()["receipt_number"])
    assert (saved.source, saved.entered_by, saved.service) == ("paper", officer_a, service_a)
    assert Answer.objects.filter(response=saved, value_int__isnull=False).count() == 9
    again = _paper(client, period_a, service_a, token)
    assert again.status_code == 200
    assert again.json()["receipt_number"] == saved.number
    assert Response.objects.filter(collection=period_a.collection).count() == 1


def test_a_bad_paper_questionnaire_names_the_question_and_saves_nothing(
    token_for, officer_a, period_a, service_a
):
    answers = _answers()
    answers["waktu"] = "7"
    response = _paper(token_for(officer_a, write=True), period_a, service_a, answers=answers)
    assert response.status_code == 400
    assert "answers.waktu" in {error["field"] for error in response.json()["errors"]}
    assert not Response.objects.filter(collection=period_a.collection).exists()


def test_paper_entry_needs_a_write_token(api, token_for, officer_a, period_a, service_a):
    assert _paper(api, period_a, service_a).status_code == 401
    assert _paper(token_for(officer_a), period_a, service_a).status_code == 403
    assert not Response.objects.filter(collection=period_a.collection).exists()


def test_paper_entry_with_a_token_of_another_unit_gets_404_and_saves_nothing(
    token_for, officer_b, unit_head_b, period_a, service_a
):
    for user in (officer_b, unit_head_b):
        assert _paper(token_for(user, write=True), period_a, service_a).status_code == 404
    assert not Response.objects.filter(collection=period_a.collection).exists()


def test_a_paper_questionnaire_may_name_the_elements_by_their_codes(
    token_for, officer_a, period_a, service_a
):
    # As the import file's columns U1 … U9 (in any case): here waktu (U3) is 1.
    answers = {f"{'U' if n % 2 else 'u'}{n}": "4" for n in range(1, 10)}
    answers["U3"] = "1"
    response = _paper(token_for(officer_a, write=True), period_a, service_a, answers=answers)
    assert response.status_code == 201, response.json()
    saved = Response.objects.get(number=response.json()["receipt_number"])
    values = dict(
        Answer.objects.filter(response=saved, value_int__isnull=False).values_list(
            "item__key", "value_int"
        )
    )
    assert len(values) == 9 and values["waktu"] == 1 and values["persyaratan"] == 4


@pytest.mark.parametrize(
    "change,field,code",
    [
        ({"U3": "7"}, "answers.U3", None),  # a wrong value, named as it was sent
        ({"U3": "3"}, "answers.U3", "duplicate"),  # waktu twice: by key and by code
        ({"waktu": None}, "answers.waktu", "required"),  # a required element left out
    ],
)
def test_paper_answers_are_named_as_sent_in_errors_and_nothing_is_saved(
    token_for, officer_a, period_a, service_a, change, field, code
):
    answers = _answers()
    for name, value in change.items():
        if value is None:
            del answers[name]
        else:
            answers[name] = value
    response = _paper(token_for(officer_a, write=True), period_a, service_a, answers=answers)
    assert response.status_code == 400
    errors = {error["field"]: error["code"] for error in response.json()["errors"]}
    assert field in errors and (code is None or errors[field] == code)
    assert not Response.objects.filter(collection=period_a.collection).exists()


@pytest.mark.covers("POST /api/v1/skm/periods/{id}/access-codes/")
def test_a_queue_machine_gets_one_time_codes_that_each_take_one_questionnaire(
    api, token_for, officer_a, unit_head_a, period_a, service_a
):
    period_a.requires_code = True
    period_a.save(update_fields=["requires_code"])
    response = token_for(officer_a, write=True).post(
        f"{PERIODS}{period_a.pk}/access-codes/", {"count": 3}, format="json"
    )
    assert response.status_code == 201, response.json()
    assert_conforms(response, "POST", "/api/v1/skm/periods/{id}/access-codes/")
    codes = response.json()["codes"]
    assert len(set(codes)) == 3
    assert response.json()["survey_url"].endswith(f"/survei/{period_a.collection.token}/")
    body = {"submission_token": str(uuid.uuid4()), "service": service_a.pk, "answers": _answers()}
    url = f"{PERIODS}{period_a.pk}/responses/"
    assert api.post(url, {**body, "access_code": codes[0]}, format="json").status_code == 201
    again = {**body, "submission_token": str(uuid.uuid4()), "access_code": codes[0]}
    assert api.post(url, again, format="json").status_code == 409  # used once


def test_access_codes_refuse_bad_counts_and_other_units(
    token_for, officer_a, officer_b, unit_head_b, period_a
):
    from pantau.surveys.models import AccessCode

    url = f"{PERIODS}{period_a.pk}/access-codes/"
    client = token_for(officer_a, write=True)
    for count in (0, 501, "banyak"):
        assert client.post(url, {"count": count}, format="json").status_code == 400
    assert token_for(officer_a).post(url, {"count": 2}, format="json").status_code == 403
    for user in (officer_b, unit_head_b):  # another unit's token
        assert token_for(user, write=True).post(url, {"count": 2}, format="json").status_code == 404
    assert not AccessCode.objects.filter(collection=period_a.collection).exists()
