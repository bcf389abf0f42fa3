"""The pages: each role sees only its own; a user of another unit gets 404 everywhere."""

import uuid

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from pantau.evaluations.models import Evidence, Lokus, Round, Score, SelfAssessment
from pantau.surveys.models import Response

from .conftest import PDF, advance, indicator, score_all

pytestmark = pytest.mark.django_db


def _urls(lokus, ind, evidence=None, recommendation=None):
    r, k, i = lokus.round_id, lokus.pk, ind.pk
    base = f"/manage/evaluasi/{r}/lokus/{k}/"
    urls = [
        f"/manage/evaluasi/{r}/",
        f"/manage/evaluasi/{r}/lokus/baru/",
        base,
        f"{base}f01/{i}/",
        f"{base}f02/{i}/",
        f"{base}verifikasi/{i}/",
    ]
    if evidence:
        urls.append(f"{base}bukti/{evidence.pk}/")
    if recommendation:
        urls.append(f"{base}rekomendasi/{recommendation.pk}/")
    return urls


@pytest.fixture
def evidence_a(lokus_a, evaluator_a, officer_a):
    from pantau.evaluations import services

    advance(lokus_a.round, evaluator_a, "open_self_assessment")
    upload = SimpleUploadedFile("sk.pdf", PDF, "application/pdf")
    services.save_self_assessment(
        actor=officer_a, lokus=lokus_a, indicator=indicator(lokus_a.round.instrument, "1.a.Ak"),
        claimed_score=3, answer="Ada SK.", files=[(upload, "application/pdf", "b" * 64)],
    )  # fmt: skip
    return Evidence.objects.get(lokus=lokus_a)


def test_officer_of_other_unit_gets_404_on_every_page(client_for, officer_b, evidence_a):
    lokus = evidence_a.lokus
    client = client_for(officer_b)
    for url in _urls(lokus, evidence_a.indicator, evidence_a):
        assert client.get(url).status_code == 404, url
    assert (
        client.post(f"/manage/evaluasi/{lokus.round_id}/start_scoring/status/").status_code == 404
    )
    assert client.get("/manage/evaluasi/baru/").status_code == 404
    recommend = f"/manage/evaluasi/{lokus.round_id}/lokus/{lokus.pk}/rekomendasi/"
    assert client.post(recommend, {"aspect": 1, "text": "x"}).status_code == 404
    assert (
        client.post(f"/manage/evaluasi/{lokus.round_id}/lokus/{lokus.pk}/kirim/").status_code == 404
    )
    assert "PEKPPP Provinsi A" not in client.get("/manage/evaluasi/").content.decode()


def test_unit_head_of_other_unit_gets_404(client_for, unit_head_b, evidence_a):
    client = client_for(unit_head_b)
    for url in _urls(evidence_a.lokus, evidence_a.indicator, evidence_a):
        assert client.get(url).status_code == 404, url


def test_officer_sees_own_unit_but_not_the_other_lokus_of_the_round(
    client_for, officer_a, lokus_a, evaluator_a, agency_a
):
    from pantau.evaluations import services
    from pantau.organisations.tests.factories import ServiceUnitFactory

    other = services.add_lokus(
        actor=evaluator_a, round_=lokus_a.round, unit=ServiceUnitFactory(agency=agency_a),
        service_class="goods", evaluators=[evaluator_a],
    )  # fmt: skip
    client = client_for(officer_a)
    page = client.get(f"/manage/evaluasi/{lokus_a.round_id}/").content.decode()
    assert lokus_a.unit.name in page and other.unit.name not in page
    assert client.get(f"/manage/evaluasi/{lokus_a.round_id}/lokus/{other.pk}/").status_code == 404
    assert client.get(f"/manage/evaluasi/{lokus_a.round_id}/lokus/{lokus_a.pk}/").status_code == 200
    # a unit officer cannot manage the round
    assert client.get(f"/manage/evaluasi/{lokus_a.round_id}/lokus/baru/").status_code == 404


def test_evidence_only_for_the_unit_its_evaluators_and_administrators(
    client_for, evidence_a, officer_a, evaluator_a, admin_user, second_evaluator_a, agency_head_a
):
    url = _urls(evidence_a.lokus, evidence_a.indicator, evidence_a)[-1]
    for user in (officer_a, evaluator_a, admin_user):
        response = client_for(user).get(url)
        assert response.status_code == 200
        assert b"".join(response.streaming_content) == PDF
        assert response["X-Content-Type-Options"] == "nosniff"
    # an evaluator of the same province not assigned to the unit, and the agency head: no
    for user in (second_evaluator_a, agency_head_a):
        assert client_for(user).get(url).status_code == 404


def test_unassigned_evaluator_cannot_open_the_scoring_page(
    client_for, lokus_a, second_evaluator_a, evaluator_a
):
    advance(lokus_a.round, evaluator_a, "open_self_assessment", "start_scoring")
    ind = indicator(lokus_a.round.instrument, "1.a.Ak")
    client = client_for(second_evaluator_a)
    url = f"/manage/evaluasi/{lokus_a.round_id}/lokus/{lokus_a.pk}/f02/{ind.pk}/"
    assert client.get(url).status_code == 404
    assert (
        client.post(url, {"form": "score", "score": 5, "note": "x", "mode": "desk"}).status_code
        == 404
    )
    assert not Score.objects.exists()


def test_round_set_up_through_the_pages(client_for, evaluator_a, instrument, province_a, unit_a):
    from .conftest import schedule

    client = client_for(evaluator_a)
    data = {
        "name": "PEKPPP 2026", "body": province_a.pk, "year": 2026, "instrument": instrument.pk,
        "method": "weighted", "mode": "external",
        **{k: v.isoformat() for k, v in schedule().items()},
    }  # fmt: skip
    response = client.post("/manage/evaluasi/baru/", data)
    assert response.status_code == 302
    round_pk = int(response["Location"].rstrip("/").split("/")[-1])
    response = client.post(
        f"/manage/evaluasi/{round_pk}/lokus/baru/",
        {"unit": unit_a.pk, "service_class": "administrative", "evaluators": [evaluator_a.pk]},
    )
    assert response.status_code == 302
    assert Lokus.objects.filter(round_id=round_pk, unit=unit_a).exists()
    response = client.post(f"/manage/evaluasi/{round_pk}/open_self_assessment/status/")
    assert response.status_code == 200  # the confirmation page first
    assert Round.objects.get(pk=round_pk).status == "draft"
    response = client.post(
        f"/manage/evaluasi/{round_pk}/open_self_assessment/status/", {"confirmed": "yes"}
    )
    assert response.status_code == 302
    assert Round.objects.get(pk=round_pk).status == "self_assessment"


def test_round_form_refuses_a_body_outside_scope(client_for, evaluator_a, instrument, agency_b):
    from .conftest import schedule

    data = {
        "name": "X", "body": agency_b.pk, "year": 2026, "instrument": instrument.pk,
        "method": "weighted", "mode": "external",
        **{k: v.isoformat() for k, v in schedule().items()},
    }  # fmt: skip
    response = client_for(evaluator_a).post("/manage/evaluasi/baru/", data)
    assert response.status_code == 200 and "body" in response.context["form"].errors


def test_self_assessment_page_saves_answer_and_evidence(
    client_for, officer_a, lokus_a, evaluator_a
):
    advance(lokus_a.round, evaluator_a, "open_self_assessment")
    ind = indicator(lokus_a.round.instrument, "6.a.B")
    url = f"/manage/evaluasi/{lokus_a.round_id}/lokus/{lokus_a.pk}/f01/{ind.pk}/"
    client = client_for(officer_a)
    assert client.get(url).status_code == 200
    upload = SimpleUploadedFile("laporan-skm.pdf", PDF, "application/pdf")
    response = client.post(
        url, {"claimed_score": 4, "answer": "SKM triwulanan.", "evidence": [upload]}
    )
    assert response.status_code == 302
    assert SelfAssessment.objects.get(lokus=lokus_a, indicator=ind).claimed_score == 4
    assert Evidence.objects.get(lokus=lokus_a).original_name == "laporan-skm.pdf"


def test_a_file_that_is_not_a_document_is_refused_and_nothing_saved(
    client_for, officer_a, lokus_a, evaluator_a
):
    advance(lokus_a.round, evaluator_a, "open_self_assessment")
    ind = indicator(lokus_a.round.instrument, "6.a.B")
    url = f"/manage/evaluasi/{lokus_a.round_id}/lokus/{lokus_a.pk}/f01/{ind.pk}/"
    fake = SimpleUploadedFile("laporan.pdf", b"#!/bin/sh\necho hi\n", "application/pdf")
    response = client_for(officer_a).post(
        url, {"claimed_score": 4, "answer": "x", "evidence": [fake]}
    )
    assert response.status_code == 200
    assert not SelfAssessment.objects.exists() and not Evidence.objects.exists()


def test_scoring_page_shows_criteria_and_saves(client_for, evaluator_a, lokus_a):
    advance(lokus_a.round, evaluator_a, "open_self_assessment", "start_scoring")
    ind = indicator(lokus_a.round.instrument, "1.a.Ak")
    url = f"/manage/evaluasi/{lokus_a.round_id}/lokus/{lokus_a.pk}/f02/{ind.pk}/"
    client = client_for(evaluator_a)
    page = client.get(url).content.decode()
    assert "Tidak memiliki Standar Pelayanan" in page
    response = client.post(url, {"form": "score", "score": 4, "note": "SK ada.", "mode": "field"})
    assert response.status_code == 302
    assert Score.objects.get().mode == "field"


def test_results_page_shows_ipp_grade_and_ranking(client_for, evaluator_a, lokus_a, officer_a):
    advance(lokus_a.round, evaluator_a, "open_self_assessment", "start_scoring")
    lokus_a = Lokus.objects.get(pk=lokus_a.pk)
    score_all(lokus_a, evaluator_a)
    advance(lokus_a.round, evaluator_a, "start_verification", "publish_results")
    page = client_for(evaluator_a).get(f"/manage/evaluasi/{lokus_a.round_id}/").content.decode()
    assert "3.50" in page or "3,50" in page
    page = (
        client_for(officer_a)
        .get(f"/manage/evaluasi/{lokus_a.round_id}/lokus/{lokus_a.pk}/")
        .content.decode()
    )
    assert "B-" in page and "Baik (dengan catatan)" in page


def test_citizen_answers_the_public_form(client, lokus_a, evaluator_a):
    advance(lokus_a.round, evaluator_a, "open_self_assessment")
    token = lokus_a.citizen_collection.token
    assert client.get(f"/penilaian-warga/{token}/").status_code == 200
    items = lokus_a.citizen_collection.version.items.all()
    data = {"submission_token": str(uuid.uuid4()), **{item.key: "4" for item in items}}
    response = client.post(f"/penilaian-warga/{token}/", data)
    assert response.status_code == 302
    assert Response.objects.filter(collection=lokus_a.citizen_collection).count() == 1
    assert client.get(f"/penilaian-warga/{token}/qr.svg").status_code == 200


def test_citizen_form_is_closed_before_the_round_opens(client, lokus_a):
    token = lokus_a.citizen_collection.token
    response = client.get(f"/penilaian-warga/{token}/")
    assert response.status_code == 200 and b'<form method="post"' not in response.content


def test_scoring_page_of_an_skm_indicator_shows_pantau_figures(client_for, evaluator_a, lokus_a):
    advance(lokus_a.round, evaluator_a, "open_self_assessment", "start_scoring")
    client = client_for(evaluator_a)
    base = f"/manage/evaluasi/{lokus_a.round_id}/lokus/{lokus_a.pk}/f02/"
    skm = indicator(lokus_a.round.instrument, "6.a.B")
    other = indicator(lokus_a.round.instrument, "1.a.Ak")
    assert 'id="figures-title"' in client.get(f"{base}{skm.pk}/").content.decode()
    assert 'id="figures-title"' not in client.get(f"{base}{other.pk}/").content.decode()


def test_lokus_page_shows_the_units_published_skm_and_complaints(
    client_for, officer_a, lokus_a, unit_head_a
):
    from django.utils import timezone

    from pantau.organisations.tests.factories import ServiceFactory
    from pantau.satisfaction import services as skm
    from pantau.satisfaction.models import SurveyPeriod

    period = skm.create_period(
        actor=unit_head_a, unit=lokus_a.unit, kind="year", year=2025, number=1, population=100,
        services=[ServiceFactory(unit=lokus_a.unit)],
    )  # fmt: skip
    import uuid

    from pantau.satisfaction.instrument import ELEMENT_KEYS
    from pantau.surveys.models import Item
    from pantau.surveys.services import submit_response

    items = {i.key: i for i in Item.objects.filter(version=period.collection.version)}
    submit_response(
        collection=period.collection,
        answers=[(items[key], 3, "") for key in ELEMENT_KEYS],
        submission_token=uuid.uuid4(),
        source="paper",
    )
    SurveyPeriod.objects.filter(pk=period.pk).update(published_at=timezone.now())
    page = (
        client_for(officer_a)
        .get(f"/manage/evaluasi/{lokus_a.round_id}/lokus/{lokus_a.pk}/")
        .content.decode()
    )
    assert period.label in page
    # The evidence says how far the sample went (issue 16): 1 of 80, ± 98,0 points.
    assert "1 dari 80 responden yang diperlukan sampel" in page and "± 98,0" in page
    assert "Pengaduan" in page  # the complaint recap's kinds, counted for the round's year


def test_follow_up_with_evidence_and_other_unit_gets_404(
    client_for, lokus_a, evaluator_a, officer_a, officer_b
):
    from pantau.evaluations import services
    from pantau.evaluations.models import FollowUpDocument

    advance(lokus_a.round, evaluator_a, "open_self_assessment", "start_scoring")
    lokus = Lokus.objects.get(pk=lokus_a.pk)
    score_all(lokus, evaluator_a)
    advance(lokus.round, evaluator_a, "start_verification", "publish_results")
    lokus = Lokus.objects.get(pk=lokus.pk)
    recommendation = services.add_recommendation(
        actor=evaluator_a, lokus=lokus, aspect=lokus.round.instrument.aspects.get(number=6),
        text="Tetapkan SK tim inovasi.",
    )  # fmt: skip
    url = f"/manage/evaluasi/{lokus.round_id}/lokus/{lokus.pk}/rekomendasi/{recommendation.pk}/"
    upload = SimpleUploadedFile("sk-tim.pdf", PDF, "application/pdf")
    response = client_for(officer_a).post(
        url,
        {
            "action_plan": "Menyusun SK.",
            "progress": "SK terbit.",
            "done": "on",
            "evidence": [upload],
        },
    )
    assert response.status_code == 302
    document = FollowUpDocument.objects.get()
    recommendation.refresh_from_db()
    assert recommendation.status == "done" and document.original_name == "sk-tim.pdf"
    download = f"/manage/evaluasi/{lokus.round_id}/lokus/{lokus.pk}/tindak-lanjut/{document.pk}/"
    assert client_for(evaluator_a).get(download).status_code == 200
    other = client_for(officer_b)
    assert other.get(download).status_code == 404
    assert other.get(url).status_code == 404


def test_round_and_lokus_pages_do_not_query_per_unit_or_indicator(
    client_for, evaluator_a, lokus_a, agency_a, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from pantau.evaluations import services
    from pantau.organisations.tests.factories import ServiceUnitFactory

    client = client_for(evaluator_a)
    round_url = f"/manage/evaluasi/{lokus_a.round_id}/"
    lokus_url = f"/manage/evaluasi/{lokus_a.round_id}/lokus/{lokus_a.pk}/"
    client.get(round_url)
    with CaptureQueriesContext(connection) as one:
        client.get(round_url)
    for _ in range(3):
        services.add_lokus(
            actor=evaluator_a, round_=lokus_a.round, unit=ServiceUnitFactory(agency=agency_a),
            service_class="goods", evaluators=[evaluator_a],
        )  # fmt: skip
    with CaptureQueriesContext(connection) as four:
        client.get(round_url)
    assert len(four) == len(one)
    advance(lokus_a.round, evaluator_a, "open_self_assessment", "start_scoring")
    score_all(Lokus.objects.get(pk=lokus_a.pk), evaluator_a)
    with django_assert_max_num_queries(25):  # 23 today, whatever the number of scores
        assert client.get(lokus_url).status_code == 200
