import uuid

import pytest
from django.test import override_settings
from django.urls import reverse

from pantau.satisfaction import services
from pantau.satisfaction.tests.conftest import answers_post
from pantau.satisfaction.views import kiosk_signature
from pantau.surveys.models import AccessCode, Answer, RefusedSubmission, Response


def _url(period):
    return reverse("survey:form", args=[period.collection.token])


def test_citizen_answers_and_gets_a_receipt(client, period_a, service_a):
    assert client.get(_url(period_a)).status_code == 200
    data = answers_post(
        period_a,
        service=service_a,
        jenis_kelamin="2",
        usia="34",
        pendidikan="3",
        pekerjaan="6",
        pekerjaan__other="Petani",
        saran="Antrean terlalu panjang.",
    )
    response = client.post(_url(period_a), data)
    assert response.status_code == 302
    saved = Response.objects.get()
    assert response["Location"] == reverse(
        "survey:thanks", args=[period_a.collection.token, saved.number]
    )
    assert saved.source == "web" and saved.service == service_a
    assert Answer.objects.filter(response=saved).count() == 14
    assert Answer.objects.get(response=saved, item__key="pekerjaan").value_text == "Petani"
    thanks = client.get(response["Location"])
    assert saved.number in thanks.content.decode()


def test_missing_element_answer_is_refused_and_nothing_is_saved(client, period_a, service_a):
    data = answers_post(period_a, service=service_a, scores=(4, 4, None, 4, 3, 4, 4, 3, 3))
    response = client.post(_url(period_a), data)
    assert response.status_code == 200
    assert "Pilih satu jawaban" in response.content.decode()
    assert not Response.objects.exists()


def test_score_outside_the_scale_is_refused(client, period_a, service_a):
    response = client.post(
        _url(period_a),
        answers_post(period_a, service=service_a, scores=(5, 4, 4, 4, 3, 4, 4, 3, 3)),
    )
    assert response.status_code == 200 and not Response.objects.exists()


def test_other_occupation_needs_a_description(client, period_a, service_a):
    response = client.post(_url(period_a), answers_post(period_a, service=service_a, pekerjaan="6"))
    assert response.status_code == 200 and not Response.objects.exists()


def test_double_click_saves_once(client, period_a, service_a):
    data = answers_post(period_a, service=service_a, token=uuid.uuid4())
    first = client.post(_url(period_a), data)
    second = client.post(_url(period_a), data)
    assert first["Location"] == second["Location"]
    assert Response.objects.count() == 1


def test_same_answers_again_from_same_device_are_kept_for_review_not_counted(
    client, period_a, service_a
):
    from pantau.surveys.models import HeldResponse

    client.post(_url(period_a), answers_post(period_a, service=service_a))
    response = client.post(_url(period_a), answers_post(period_a, service=service_a), follow=True)
    assert response.status_code == 200
    held = HeldResponse.objects.get()
    assert held.number in response.content.decode() and held.status == "pending"
    assert "Jawaban Anda disimpan untuk diperiksa" in response.content.decode()
    assert Response.objects.count() == 1 and not RefusedSubmission.objects.exists()


@override_settings(PANTAU_SURVEY_RATE=(2, 600))
def test_too_many_submissions_from_one_device_are_refused_and_counted(client, period_a, service_a):
    statuses = [
        client.post(
            _url(period_a),
            answers_post(period_a, service=service_a, scores=(s, 4, 4, 4, 4, 4, 4, 4, 4)),
        ).status_code
        for s in (1, 2, 3)
    ]
    assert statuses == [302, 302, 409]
    assert Response.objects.count() == 2
    assert RefusedSubmission.objects.filter(reason="rate_limited").count() == 1


def test_closed_survey_refuses_and_counts(client, period_a, service_a, unit_head_a):
    services.change_period_status(actor=unit_head_a, period=period_a, action="close")
    response = client.post(_url(period_a), answers_post(period_a, service=service_a))
    assert response.status_code == 409
    assert not Response.objects.exists()
    assert RefusedSubmission.objects.get().reason == "closed"
    assert "Tidak ada survei" in client.get(_url(period_a)).content.decode()


def test_draft_survey_cannot_be_answered(client, unit_a, unit_head_a, service_a):
    period = services.create_period(
        actor=unit_head_a,
        unit=unit_a,
        kind="year",
        year=2024,
        number=1,
        population=10,
        services=[service_a],
    )
    assert client.post(_url(period), answers_post(period, service=service_a)).status_code == 409


@pytest.fixture
def coded_period(period_a):
    period_a.requires_code = True
    period_a.save()
    AccessCode.objects.create(collection=period_a.collection, code="ABC234")
    return period_a


def test_one_time_code_is_required_and_used_once(client, coded_period, service_a):
    url = _url(coded_period)
    assert client.post(url, answers_post(coded_period, service=service_a)).status_code == 409
    assert (
        client.post(url, answers_post(coded_period, service=service_a, kode="abc234")).status_code
        == 302
    )
    again = client.post(
        url,
        answers_post(
            coded_period, service=service_a, scores=(1, 1, 1, 1, 1, 1, 1, 1, 1), kode="ABC234"
        ),
    )
    assert again.status_code == 409
    assert Response.objects.count() == 1
    assert AccessCode.objects.get().response == Response.objects.get()
    assert RefusedSubmission.objects.filter(reason="bad_code").count() == 2


def test_service_of_another_unit_cannot_be_chosen(client, period_a, unit_b):
    from pantau.organisations.tests.factories import ServiceFactory

    other = ServiceFactory(unit=unit_b)
    response = client.post(_url(period_a), answers_post(period_a, service=other))
    assert response.status_code == 200 and not Response.objects.exists()


def test_kiosk_needs_the_signed_link(client, period_a, service_a):
    assert (
        client.get(reverse("survey:kiosk", args=[period_a.collection.token, "forged"])).status_code
        == 404
    )
    url = reverse("survey:kiosk", args=[period_a.collection.token, kiosk_signature(period_a)])
    page = client.get(url)
    assert page.status_code == 200 and 'class="kiosk"' in page.content.decode()
    response = client.post(url, answers_post(period_a, service=service_a))
    assert response.status_code == 302 and "kiosk=" in response["Location"]
    assert Response.objects.get().source == "kiosk"
    thanks = client.get(response["Location"]).content.decode()
    assert "js/kiosk.js" in thanks and url in thanks


def test_stable_unit_link_goes_to_the_open_survey(client, period_a, unit_a):
    response = client.get(reverse("survey:unit", args=[unit_a.slug]) + "?layanan=1")
    assert response["Location"] == _url(period_a) + "?layanan=1"


def test_unit_without_open_survey_says_so(client, unit_a):
    assert (
        "Tidak ada survei"
        in client.get(reverse("survey:unit", args=[unit_a.slug])).content.decode()
    )


def test_english_survey_shows_english_questions(client, period_a):
    client.cookies["pantau_language"] = "en"
    body = client.get(_url(period_a)).content.decode()
    assert "How fast was the service?" in body and "Very fast" in body


def test_qr_code_is_svg(client, period_a):
    response = client.get(reverse("survey:qr", args=[period_a.collection.token]))
    assert response["Content-Type"] == "image/svg+xml" and b"<svg" in response.content


def test_kiosk_accepts_the_same_answers_from_the_next_person(client, period_a, service_a):
    url = reverse("survey:kiosk", args=[period_a.collection.token, kiosk_signature(period_a)])
    assert client.post(url, answers_post(period_a, service=service_a)).status_code == 302
    assert client.post(url, answers_post(period_a, service=service_a)).status_code == 302
    assert Response.objects.filter(source="kiosk").count() == 2


def test_a_survey_closed_by_another_process_refuses_though_this_one_remembers_it_open(
    client, period_a, service_a
):
    """The survey behind a link is kept by each process for a few seconds; whether it is still
    open is decided by the database when saving."""
    from pantau.surveys.models import Collection

    assert client.post(_url(period_a), answers_post(period_a, service=service_a)).status_code == 302
    # Closed without a signal reaching this process, as another worker would close it.
    Collection.objects.filter(pk=period_a.collection_id).update(status="closed")
    late = client.post(
        _url(period_a),
        answers_post(period_a, service=service_a, scores=(1, 2, 3, 4, 1, 2, 3, 4, 1)),
    )
    assert late.status_code == 409
    assert Response.objects.count() == 1
    assert RefusedSubmission.objects.get().reason == "closed"


def test_a_service_added_to_the_period_is_offered_at_once(client, period_a, unit_a):
    from pantau.organisations.models import Service

    assert client.post(_url(period_a), answers_post(period_a, service=period_a.services.first()))
    added = Service.objects.create(unit=unit_a, name="Layanan baru", slug="layanan-baru")
    refused = client.post(
        _url(period_a), answers_post(period_a, service=added, scores=(1, 1, 1, 1, 1, 1, 1, 1, 1))
    )
    assert refused.status_code == 200 and Response.objects.count() == 1  # not in the period
    period_a.services.add(added)
    accepted = client.post(
        _url(period_a), answers_post(period_a, service=added, scores=(2, 2, 2, 2, 2, 2, 2, 2, 2))
    )
    assert accepted.status_code == 302
    assert Response.objects.filter(service=added).count() == 1


def test_a_submission_on_postgresql_is_one_statement(client, period_a, service_a):
    """After the first submission of a process, the next reads nothing: one statement checks
    that the survey is open and that the submission is neither a resend nor a duplicate, and
    saves the response, its answers and the tallies (decisions 0016 and 0017)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    if connection.vendor != "postgresql":
        pytest.skip("the one-statement submission is PostgreSQL's")
    client.post(_url(period_a), answers_post(period_a, service=service_a))
    with CaptureQueriesContext(connection) as queries:
        response = client.post(
            _url(period_a),
            answers_post(period_a, service=service_a, scores=(1, 2, 1, 2, 1, 2, 1, 2, 1)),
        )
    assert response.status_code == 302
    # The test's own transaction adds a savepoint around it.
    statements = [q["sql"] for q in queries if "SAVEPOINT" not in q["sql"]]
    assert len(statements) == 1 and 'INSERT INTO "surveys_response"' in statements[0]
    assert Response.objects.count() == 2


def test_stable_unit_link_never_sends_a_citizen_to_a_period_not_covering_today(
    client, period_a, unit_a, unit_head_a, time_machine
):
    """Two periods open at once (Q1 still open while Q2 is opened early): the counter's link goes
    to the one whose dates cover today, and says when the next opens when none does (issue 17)."""
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from pantau.satisfaction import services

    q2 = services.create_period(
        actor=unit_head_a,
        unit=unit_a,
        kind="quarter",
        year=2025,
        number=2,
        population=100,
        services=list(period_a.services.all()),
    )
    services.change_period_status(actor=unit_head_a, period=q2, action="open")
    link = reverse("survey:unit", args=[unit_a.slug])
    assert client.get(link)["Location"] == _url(period_a)  # 14 February: Q1
    time_machine.move_to(datetime(2025, 4, 10, 9, tzinfo=ZoneInfo("Asia/Jakarta")))
    assert client.get(link)["Location"] == _url(q2)
    time_machine.move_to(datetime(2024, 12, 20, 9, tzinfo=ZoneInfo("Asia/Jakarta")))
    page = client.get(link)
    assert page.status_code == 200
    assert (
        "Tidak ada survei" in page.content.decode()
        and "Survei berikutnya dibuka pada 1 Januari 2025" in page.content.decode()
    )
