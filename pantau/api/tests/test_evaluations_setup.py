"""PEKPPP writes of the round's managers and of the unit during verification: setting up a round,
adding a unit, the agreed score and the unit's response, each through evaluations' forms and
services, refused to anyone the web pages refuse."""

# ruff: noqa: F811 - the evaluations fixtures are imported by name
import pytest

from pantau.accounts.models import Role
from pantau.accounts.tests.factories import MembershipFactory, UserFactory
from pantau.evaluations.instruments import EXISTING_CODE
from pantau.evaluations.models import Lokus, Round, Verification
from pantau.evaluations.tests.conftest import (  # noqa: F401
    advance,
    instrument,
    lokus_a,
    round_a,
    schedule,
)
from pantau.organisations.tests.factories import ServiceUnitFactory

from .schema_check import assert_conforms

pytestmark = pytest.mark.django_db

ROUNDS = "/api/v1/pekppp/rounds/"
INDICATOR = "1.a.Ak"


def _round_body(agency, **overrides):
    data = {
        "name": "PEKPPP Provinsi A 2027",
        "body": agency.slug,
        "year": 2027,
        "instrument": EXISTING_CODE,
        "method": "weighted",
        "mode": "external",
        **{name: day.isoformat() for name, day in schedule().items()},
    }
    data.update(overrides)
    return data


@pytest.mark.covers("POST /api/v1/pekppp/rounds/")
def test_an_evaluator_sets_up_a_round_for_the_province(
    token_for, evaluator_a, province_a, instrument
):
    response = token_for(evaluator_a, write=True).post(
        ROUNDS, _round_body(province_a), format="json"
    )
    assert response.status_code == 201, response.json()
    assert_conforms(response, "POST", "/api/v1/pekppp/rounds/")
    body = response.json()
    assert body["body"] == province_a.slug and body["status"] == "draft"
    created = Round.objects.get(pk=body["id"])
    assert (created.instrument, created.year, created.created_by) == (
        instrument,
        2027,
        evaluator_a,
    )


@pytest.mark.parametrize(
    "overrides,field",
    [
        ({"instrument": "tidak-ada"}, "instrument"),
        ({"instrument_version": 99}, "instrument"),
        ({"year": 2010}, "year"),
        ({"method": "median"}, "method"),
        ({"body": "prov-lain"}, "body"),
        ({"self_assessment_opens": "31-12-2026"}, "self_assessment_opens"),
    ],
)
def test_a_bad_round_is_refused_by_field_and_nothing_is_created(
    token_for, evaluator_a, province_a, instrument, overrides, field
):
    response = token_for(evaluator_a, write=True).post(
        ROUNDS, _round_body(province_a, **overrides), format="json"
    )
    assert response.status_code == 400
    assert field in {error["field"] for error in response.json()["errors"]}
    assert not Round.objects.exists()


def test_round_setup_by_a_unit_or_a_read_token_is_refused(
    api, token_for, evaluator_a, officer_a, unit_head_a, province_a, instrument
):
    body = _round_body(province_a)
    assert api.post(ROUNDS, body, format="json").status_code == 401
    assert token_for(evaluator_a).post(ROUNDS, body, format="json").status_code == 403
    for user in (officer_a, unit_head_a):
        assert token_for(user, write=True).post(ROUNDS, body, format="json").status_code == 404
    assert not Round.objects.exists()


def test_round_setup_for_another_agency_body_is_refused_and_creates_nothing(
    token_for, evaluator_a, agency_b, instrument, unit_a
):
    # The body of another province is not in the evaluator's scope: the form's choice refuses it.
    response = token_for(evaluator_a, write=True).post(ROUNDS, _round_body(agency_b), format="json")
    assert response.status_code == 400
    assert {error["field"] for error in response.json()["errors"]} == {"body"}
    # A token limited to units never sets up a round.
    limited = token_for(evaluator_a, write=True, units=[unit_a])
    assert limited.post(ROUNDS, _round_body(agency_b), format="json").status_code == 404
    assert not Round.objects.exists()


def _lokus_body(unit, *evaluators, **overrides):
    body = {
        "unit": unit.slug,
        "service_class": "administrative",
        "evaluators": [e.username for e in evaluators],
    }
    body.update(overrides)
    return body


@pytest.mark.covers("POST /api/v1/pekppp/rounds/{id}/lokus/")
def test_the_rounds_manager_adds_a_unit_with_its_evaluator(token_for, round_a, evaluator_a, unit_a):
    response = token_for(evaluator_a, write=True).post(
        f"{ROUNDS}{round_a.pk}/lokus/", _lokus_body(unit_a, evaluator_a), format="json"
    )
    assert response.status_code == 201, response.json()
    assert_conforms(response, "POST", "/api/v1/pekppp/rounds/{id}/lokus/")
    lokus = Lokus.objects.get(pk=response.json()["id"])
    assert lokus.unit == unit_a and list(lokus.evaluators.all()) == [evaluator_a]


def test_a_bad_lokus_is_refused_by_field_and_nothing_is_added(
    token_for, round_a, evaluator_a, unit_a, unit_b, officer_a
):
    client = token_for(evaluator_a, write=True)
    url = f"{ROUNDS}{round_a.pk}/lokus/"
    outsider = UserFactory(username="penilai_b")
    MembershipFactory(user=outsider, role=Role.EVALUATOR, agency=unit_b.agency)
    for body, field in [
        (_lokus_body(unit_b, evaluator_a), "unit"),  # not under the round's body
        (_lokus_body(unit_a, evaluator_a, service_class="x"), "service_class"),
        (_lokus_body(unit_a, officer_a), "evaluators"),  # not an evaluator
        (_lokus_body(unit_a, outsider), "non_field_errors"),  # scope does not hold the unit
    ]:
        response = client.post(url, body, format="json")
        assert response.status_code == 400, body
        fields = {error["field"] or "non_field_errors" for error in response.json()["errors"]}
        assert field in fields, (body, response.json())
    assert not Lokus.objects.filter(round=round_a).exists()


def test_lokus_added_with_a_token_of_another_unit_gets_404_and_adds_nothing(
    token_for, round_a, evaluator_a, unit_a, officer_a, unit_head_b
):
    body = _lokus_body(unit_a, evaluator_a)
    url = f"{ROUNDS}{round_a.pk}/lokus/"
    for user in (unit_head_b, officer_a):
        assert token_for(user, write=True).post(url, body, format="json").status_code == 404
    other = ServiceUnitFactory(agency=unit_a.agency)
    limited = token_for(evaluator_a, write=True, units=[unit_a])
    # The round has no unit yet: a token limited to units does not reach it.
    assert limited.post(url, _lokus_body(other, evaluator_a), format="json").status_code == 404
    assert not Lokus.objects.filter(round=round_a).exists()


@pytest.fixture
def verifying(lokus_a, evaluator_a):
    advance(
        lokus_a.round, evaluator_a, "open_self_assessment", "start_scoring", "start_verification"
    )
    return Lokus.objects.select_related("round").get(pk=lokus_a.pk)


@pytest.mark.covers("POST /api/v1/pekppp/lokus/{id}/verification/{code}/")
def test_the_unit_responds_to_a_score_during_verification(token_for, verifying, unit_head_a):
    url = f"/api/v1/pekppp/lokus/{verifying.pk}/verification/{INDICATOR}/"
    response = token_for(unit_head_a, write=True).post(
        url, {"response": "SK standar sudah ditetapkan, lihat lampiran."}, format="json"
    )
    assert response.status_code == 200, response.json()
    assert_conforms(response, "POST", "/api/v1/pekppp/lokus/{id}/verification/{code}/")
    saved = Verification.objects.get(lokus=verifying, indicator__code=INDICATOR)
    assert saved.unit_response.startswith("SK standar") and saved.responded_at is not None


@pytest.mark.covers("POST /api/v1/pekppp/lokus/{id}/agreed-scores/{code}/")
def test_the_evaluator_sets_the_agreed_score_with_a_reply(token_for, verifying, evaluator_a):
    url = f"/api/v1/pekppp/lokus/{verifying.pk}/agreed-scores/{INDICATOR}/"
    response = token_for(evaluator_a, write=True).post(
        url, {"agreed_score": 4, "reply": "Bukti diterima."}, format="json"
    )
    assert response.status_code == 200, response.json()
    assert_conforms(response, "POST", "/api/v1/pekppp/lokus/{id}/agreed-scores/{code}/")
    assert response.json()["agreed_score"] == 4
    saved = Verification.objects.get(lokus=verifying, indicator__code=INDICATOR)
    assert (saved.agreed_score, saved.agreed_by, saved.evaluator_reply) == (
        4,
        evaluator_a,
        "Bukti diterima.",
    )


def test_verification_writes_refuse_bad_input_and_wrong_steps(
    token_for, lokus_a, verifying, evaluator_a, unit_head_a
):
    unit = token_for(unit_head_a, write=True)
    evaluator = token_for(evaluator_a, write=True)
    base = f"/api/v1/pekppp/lokus/{verifying.pk}"
    assert (
        unit.post(f"{base}/verification/{INDICATOR}/", {"response": ""}, format="json").status_code
        == 400
    )
    unknown = unit.post(f"{base}/verification/9.z/", {"response": "x"}, format="json")
    assert unknown.status_code == 400 and unknown.json()["errors"][0]["field"] == "indicator"
    for score in (6, -1):
        bad = evaluator.post(
            f"{base}/agreed-scores/{INDICATOR}/", {"agreed_score": score}, format="json"
        )
        assert bad.status_code == 400
    # The evaluator does not answer for the unit, nor the unit for the evaluator.
    assert (
        evaluator.post(
            f"{base}/verification/{INDICATOR}/", {"response": "x"}, format="json"
        ).status_code
        == 404
    )
    assert (
        unit.post(
            f"{base}/agreed-scores/{INDICATOR}/", {"agreed_score": 5}, format="json"
        ).status_code
        == 404
    )
    assert not Verification.objects.filter(lokus=verifying).exists()


def test_the_unit_cannot_respond_outside_the_verification_window(
    token_for, lokus_a, evaluator_a, unit_head_a
):
    advance(lokus_a.round, evaluator_a, "open_self_assessment", "start_scoring")
    response = token_for(unit_head_a, write=True).post(
        f"/api/v1/pekppp/lokus/{lokus_a.pk}/verification/{INDICATOR}/",
        {"response": "Terlalu cepat."},
        format="json",
    )
    assert response.status_code == 400
    assert not Verification.objects.filter(lokus=lokus_a).exists()


def test_verification_writes_with_a_token_of_another_unit_get_404_and_change_nothing(
    api, token_for, verifying, unit_head_b, officer_b, unit_head_a, evaluator_a
):
    base = f"/api/v1/pekppp/lokus/{verifying.pk}"
    for client in (token_for(unit_head_b, write=True), token_for(officer_b, write=True)):
        assert (
            client.post(
                f"{base}/verification/{INDICATOR}/", {"response": "x"}, format="json"
            ).status_code
            == 404
        )
        assert (
            client.post(
                f"{base}/agreed-scores/{INDICATOR}/", {"agreed_score": 3}, format="json"
            ).status_code
            == 404
        )
    assert (
        api.post(f"{base}/verification/{INDICATOR}/", {"response": "x"}, format="json").status_code
        == 401
    )
    assert (
        token_for(unit_head_a)
        .post(f"{base}/verification/{INDICATOR}/", {"response": "x"}, format="json")
        .status_code
        == 403
    )
    assert not Verification.objects.filter(lokus=verifying).exists()
