"""PEKPPP writes: round steps, the unit's self-assessment (F-01) and its submission, the
evaluator's recommendations and the unit's follow-up, each through evaluations' forms and
services, refused to anyone the web page refuses."""

# ruff: noqa: F811 - the evaluations fixtures are imported by name
import pytest

from pantau.evaluations import services
from pantau.evaluations.models import Aspect, Lokus, Recommendation, Round, SelfAssessment
from pantau.evaluations.tests.conftest import (  # noqa: F401
    advance,
    instrument,
    lokus_a,
    round_a,
    score_all,
    second_evaluator_a,
)

from .schema_check import assert_conforms
from .test_evaluations import published  # noqa: F401

pytestmark = pytest.mark.django_db

ROUNDS = "/api/v1/pekppp/rounds"
LOKUS = "/api/v1/pekppp/lokus"


@pytest.fixture
def self_assessing(lokus_a, evaluator_a):
    advance(lokus_a.round, evaluator_a, "open_self_assessment")
    return Lokus.objects.get(pk=lokus_a.pk)


@pytest.fixture
def recommendation(published, evaluator_a):
    aspect = Aspect.objects.get(instrument=published.round.instrument, number=1)
    return services.add_recommendation(
        actor=evaluator_a, lokus=published, aspect=aspect, text="Publikasikan standar."
    )


def _status(round_id):
    return Round.objects.get(pk=round_id).status


# --- Round steps ------------------------------------------------------------------------------


@pytest.mark.covers("POST /api/v1/pekppp/rounds/{id}/status/")
def test_the_rounds_manager_moves_it_to_its_next_step(token_for, lokus_a, evaluator_a):
    client = token_for(evaluator_a, write=True)
    url = f"{ROUNDS}/{lokus_a.round_id}/status/"
    response = client.post(url, {"action": "open_self_assessment"}, format="json")
    assert response.status_code == 200, response.json()
    assert_conforms(response, "POST", "/api/v1/pekppp/rounds/{id}/status/")
    assert response.json()["status"] == "self_assessment"
    assert _status(lokus_a.round_id) == "self_assessment"
    response = client.post(url, {"action": "start_scoring"}, format="json")
    assert response.json()["status"] == "scoring" == _status(lokus_a.round_id)


def test_round_step_refused_as_on_the_web(token_for, lokus_a, evaluator_a):
    client = token_for(evaluator_a, write=True)
    url = f"{ROUNDS}/{lokus_a.round_id}/status/"
    unknown = client.post(url, {"action": "skip"}, format="json")
    assert unknown.status_code == 400 and unknown.json()["errors"][0]["field"] == "action"
    early = client.post(url, {"action": "publish_results"}, format="json")  # still draft
    assert early.status_code == 400
    assert early.json()["errors"][0]["field"] is None and early.json()["errors"][0]["message"]
    assert _status(lokus_a.round_id) == "draft"
    read_only = token_for(evaluator_a).post(url, {"action": "open_self_assessment"}, format="json")
    assert read_only.status_code == 403
    assert _status(lokus_a.round_id) == "draft"


def test_round_step_with_a_token_of_other_unit_gets_404_and_changes_nothing(
    token_for, lokus_a, officer_b, unit_head_b, officer_a, unit_head_a
):
    # The evaluated unit's people see the round but do not manage it: 404, as on the web.
    for user in (officer_b, unit_head_b, officer_a, unit_head_a):
        response = token_for(user, write=True).post(
            f"{ROUNDS}/{lokus_a.round_id}/status/", {"action": "open_self_assessment"}
        )
        assert response.status_code == 404, user
    assert _status(lokus_a.round_id) == "draft"


# --- Self-assessment (F-01) -------------------------------------------------------------------


@pytest.mark.covers(
    "POST /api/v1/pekppp/lokus/{id}/self-assessment/",
    "POST /api/v1/pekppp/lokus/{id}/self-assessment/submit/",
)
def test_the_unit_answers_and_submits_its_self_assessment(token_for, self_assessing, officer_a):
    client = token_for(officer_a, write=True)
    url = f"{LOKUS}/{self_assessing.pk}/self-assessment/"
    body = {"indicator": "1.a.Ak", "claimed_score": 4, "answer": "SK standar pelayanan ada."}
    response = client.post(url, body, format="json")
    assert response.status_code == 200, response.json()
    assert_conforms(response, "POST", "/api/v1/pekppp/lokus/{id}/self-assessment/")
    assert response.json()["indicator"] == "1.a.Ak" and response.json()["claimed_score"] == 4
    again = client.post(url, {**body, "claimed_score": 5, "answer": "Dan dipublikasikan."})
    assert again.status_code == 200
    entry = SelfAssessment.objects.get()
    assert (entry.claimed_score, entry.answer, entry.updated_by) == (
        5,
        "Dan dipublikasikan.",
        officer_a,
    )
    refused = client.post(f"{url}submit/")
    assert refused.status_code == 400 and "29" in str(refused.json())
    assert Lokus.objects.get(pk=self_assessing.pk).self_assessment_submitted_at is None
    response = client.post(f"{url}submit/", {"confirm_incomplete": True}, format="json")
    assert response.status_code == 200, response.json()
    assert_conforms(response, "POST", "/api/v1/pekppp/lokus/{id}/self-assessment/submit/")
    assert response.json()["self_assessment_submitted_at"]
    assert Lokus.objects.get(pk=self_assessing.pk).self_assessment_submitted_at is not None


def test_self_assessment_refuses_bad_input_and_changes_nothing(
    token_for, self_assessing, officer_a, evaluator_a
):
    client = token_for(officer_a, write=True)
    url = f"{LOKUS}/{self_assessing.pk}/self-assessment/"
    cases = [
        ({"indicator": "1.a.Ak", "claimed_score": 6, "answer": "x"}, "claimed_score"),
        ({"indicator": "99.z", "claimed_score": 4, "answer": "x"}, "indicator"),
        ({"indicator": "1.a.Ak", "claimed_score": 4}, "answer"),
    ]
    for body, field in cases:
        response = client.post(url, body, format="json")
        assert response.status_code == 400, body
        assert response.json()["errors"][0]["field"] == field
    read_only = token_for(officer_a).post(
        url, {"indicator": "1.a.Ak", "claimed_score": 4, "answer": "x"}, format="json"
    )
    assert read_only.status_code == 403
    assert token_for(officer_a).post(f"{url}submit/").status_code == 403
    advance(self_assessing.round, evaluator_a, "start_scoring")  # the window is over
    closed = client.post(url, {"indicator": "1.a.Ak", "claimed_score": 4, "answer": "x"})
    assert closed.status_code == 400 and closed.json()["errors"][0]["field"] is None
    assert client.post(f"{url}submit/").status_code == 400
    assert not SelfAssessment.objects.exists()
    assert Lokus.objects.get(pk=self_assessing.pk).self_assessment_submitted_at is None


def test_self_assessment_with_a_token_of_other_unit_gets_404_and_changes_nothing(
    token_for, self_assessing, officer_b, unit_head_b, evaluator_a
):
    url = f"{LOKUS}/{self_assessing.pk}/self-assessment/"
    body = {"indicator": "1.a.Ak", "claimed_score": 4, "answer": "x"}
    # The evaluator reads the self-assessment but does not fill it in.
    for user in (officer_b, unit_head_b, evaluator_a):
        client = token_for(user, write=True)
        assert client.post(url, body, format="json").status_code == 404, user
        assert client.post(f"{url}submit/").status_code == 404, user
    assert not SelfAssessment.objects.exists()
    assert Lokus.objects.get(pk=self_assessing.pk).self_assessment_submitted_at is None


# --- Recommendations and follow-up ------------------------------------------------------------


@pytest.mark.covers("POST /api/v1/pekppp/lokus/{id}/recommendations/")
def test_the_evaluator_adds_a_recommendation(token_for, published, evaluator_a):
    response = token_for(evaluator_a, write=True).post(
        f"{LOKUS}/{published.pk}/recommendations/",
        {"aspect": "A2", "text": "Sediakan loket prioritas."},
        format="json",
    )
    assert response.status_code == 201, response.json()
    assert_conforms(response, "POST", "/api/v1/pekppp/lokus/{id}/recommendations/")
    body = response.json()
    assert (body["aspect"], body["status"], body["lokus"]) == ("A2", "open", published.pk)
    saved = Recommendation.objects.get()
    assert (saved.aspect.number, saved.author, saved.text) == (
        2,
        evaluator_a,
        "Sediakan loket prioritas.",
    )


def test_recommendation_refuses_bad_input_and_changes_nothing(
    token_for, lokus_a, evaluator_a, published
):
    client = token_for(evaluator_a, write=True)
    url = f"{LOKUS}/{published.pk}/recommendations/"
    unknown = client.post(url, {"aspect": "A99", "text": "x"}, format="json")
    assert unknown.status_code == 400 and unknown.json()["errors"][0]["field"] == "aspect"
    empty = client.post(url, {"aspect": "A1"}, format="json")
    assert empty.status_code == 400 and empty.json()["errors"][0]["field"] == "text"
    read_only = token_for(evaluator_a).post(url, {"aspect": "A1", "text": "x"}, format="json")
    assert read_only.status_code == 403
    assert not Recommendation.objects.exists()


def test_recommendation_before_the_results_is_refused(token_for, lokus_a, evaluator_a):
    advance(lokus_a.round, evaluator_a, "open_self_assessment", "start_scoring")
    response = token_for(evaluator_a, write=True).post(
        f"{LOKUS}/{lokus_a.pk}/recommendations/", {"aspect": "A1", "text": "x"}, format="json"
    )
    assert response.status_code == 400 and response.json()["errors"][0]["field"] is None
    assert not Recommendation.objects.exists()


def test_recommendation_with_a_token_of_other_unit_gets_404_and_changes_nothing(
    token_for, published, officer_b, unit_head_b, officer_a, second_evaluator_a
):
    # The unit itself and an evaluator not assigned to it may not recommend either.
    for user in (officer_b, unit_head_b, officer_a, second_evaluator_a):
        response = token_for(user, write=True).post(
            f"{LOKUS}/{published.pk}/recommendations/", {"aspect": "A1", "text": "x"}
        )
        assert response.status_code == 404, user
    assert not Recommendation.objects.exists()


@pytest.mark.covers("POST /api/v1/pekppp/recommendations/{id}/follow-up/")
def test_the_unit_files_its_follow_up(token_for, recommendation, officer_a):
    client = token_for(officer_a, write=True)
    url = f"/api/v1/pekppp/recommendations/{recommendation.pk}/follow-up/"
    response = client.post(
        url, {"action_plan": "Unggah SP ke situs.", "plan_due": "2026-12-31"}, format="json"
    )
    assert response.status_code == 200, response.json()
    assert_conforms(response, "POST", "/api/v1/pekppp/recommendations/{id}/follow-up/")
    assert response.json()["status"] == "planned" and response.json()["plan_due"] == "2026-12-31"
    response = client.post(
        url,
        {"action_plan": "Unggah SP ke situs.", "progress": "Sudah tayang.", "done": True},
        format="json",
    )
    assert response.json()["status"] == "done" and response.json()["done_at"]
    saved = Recommendation.objects.get()
    assert (saved.status, saved.progress, saved.plan_due) == ("done", "Sudah tayang.", None)


def test_follow_up_refuses_bad_input_and_changes_nothing(token_for, recommendation, officer_a):
    client = token_for(officer_a, write=True)
    url = f"/api/v1/pekppp/recommendations/{recommendation.pk}/follow-up/"
    missing = client.post(url, {"progress": "x"}, format="json")
    assert missing.status_code == 400 and missing.json()["errors"][0]["field"] == "action_plan"
    blank = client.post(url, {"action_plan": "   "}, format="json")
    assert blank.status_code == 400 and blank.json()["errors"][0]["field"] == "action_plan"
    bad_date = client.post(url, {"action_plan": "x", "plan_due": "31-12-2026"}, format="json")
    assert bad_date.status_code == 400 and bad_date.json()["errors"][0]["field"] == "plan_due"
    read_only = token_for(officer_a).post(url, {"action_plan": "x"}, format="json")
    assert read_only.status_code == 403
    saved = Recommendation.objects.get()
    assert (saved.status, saved.action_plan) == ("open", "")


def test_follow_up_with_a_token_of_other_unit_gets_404_and_changes_nothing(
    token_for, recommendation, officer_b, unit_head_b, evaluator_a
):
    url = f"/api/v1/pekppp/recommendations/{recommendation.pk}/follow-up/"
    for user in (officer_b, unit_head_b, evaluator_a):
        response = token_for(user, write=True).post(url, {"action_plan": "x"}, format="json")
        assert response.status_code == 404, user
    assert (
        token_for(officer_b, write=True)
        .post("/api/v1/pekppp/recommendations/999999/follow-up/", {"action_plan": "x"})
        .status_code
        == 404
    )
    saved = Recommendation.objects.get()
    assert (saved.status, saved.action_plan) == ("open", "")


def test_the_unit_attaches_evidence_files_checked_by_their_content(
    token_for, self_assessing, officer_a
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from pantau.evaluations.models import Evidence
    from pantau.evaluations.tests.conftest import PDF

    client = token_for(officer_a, write=True)
    url = f"{LOKUS}/{self_assessing.pk}/self-assessment/"
    body = {"indicator": "1.a.Ak", "claimed_score": 4, "answer": "SK standar pelayanan ada."}
    response = client.post(
        url,
        {**body, "evidence": [SimpleUploadedFile("sk.pdf", PDF, "application/pdf")]},
        format="multipart",
    )
    assert response.status_code == 200, response.json()
    assert_conforms(response, "POST", "/api/v1/pekppp/lokus/{id}/self-assessment/")
    assert [(e["original_name"], e["version"]) for e in response.json()["evidence"]] == [
        ("sk.pdf", 1)
    ]
    again = client.post(
        url,
        {**body, "evidence": [SimpleUploadedFile("sk.pdf", PDF + b"\n", "application/pdf")]},
        format="multipart",
    )
    assert [e["version"] for e in again.json()["evidence"]] == [1, 2]
    # A script named like a PDF is refused by its content, and nothing of that request is kept.
    fake = client.post(
        url,
        {
            **body,
            "answer": "Diganti",
            "evidence": [
                SimpleUploadedFile("sk2.pdf", b"#!/bin/sh\nrm -rf /\n", "application/pdf")
            ],
        },
        format="multipart",
    )
    assert fake.status_code == 400 and fake.json()["errors"][0]["field"] == "evidence"
    assert Evidence.objects.filter(lokus=self_assessing).count() == 2
    assert SelfAssessment.objects.get().answer == "SK standar pelayanan ada."
