"""Published SKM results are final: no path adds an answer, corrections are explicit and kept;
imports are recorded, never doubled, and can be undone while the period is open (issue 16)."""

import uuid
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from pantau.satisfaction import selectors, services
from pantau.satisfaction.models import PublishedResult
from pantau.satisfaction.tests.conftest import answers_post
from pantau.surveys.models import AnswerTally, ImportBatch, Response

HEADER = "layanan,tanggal,U1,U2,U3,U4,U5,U6,U7,U8,U9"


def _csv(service, *rows) -> bytes:
    lines = [HEADER, *(f"{service.name},{day},{scores}" for day, scores in rows)]
    return "\n".join(lines).encode()


def _import(client, period, content: bytes, name="skm.csv"):
    url = reverse("satisfaction:import", args=[period.unit.slug, period.pk])
    return client.post(url, {"file": SimpleUploadedFile(name, content)})


def _answer(client, period, service, **extra):
    return client.post(
        reverse("survey:form", args=[period.collection.token]),
        answers_post(period, service=service, **extra),
    )


def _publish(period, head, reason="Laporan triwulan"):
    return services.publish_period(actor=head, period=period, media=["website"], reason=reason)


@pytest.fixture
def published(client, period_a, service_a, unit_head_a):
    _answer(client, period_a, service_a)
    _answer(client, period_a, service_a, scores=(3, 3, 3, 3, 3, 3, 3, 3, 3))
    return _publish(period_a, unit_head_a)


def test_publishing_closes_the_survey_and_keeps_the_figures(published):
    assert published.collection.status == "closed"
    kept = PublishedResult.objects.get(period=published)
    assert (kept.respondents, kept.required) == (2, 80)
    assert kept.ikm == selectors.period_results(published).ikm.ikm
    assert kept.reason == "Laporan triwulan"


def test_a_published_survey_refuses_a_citizens_answer(client, published, service_a):
    response = _answer(client, published, service_a)
    assert response.status_code in (200, 409)
    assert Response.objects.count() == 2


def test_a_published_survey_refuses_answers_through_the_api(published, service_a):
    from rest_framework.test import APIClient

    api = APIClient()
    keys = ["persyaratan", "prosedur", "waktu", "biaya", "produk"]
    keys += ["kompetensi", "perilaku", "sarana", "pengaduan"]
    body = {
        "submission_token": str(uuid.uuid4()),
        "service": service_a.pk,
        "answers": dict.fromkeys(keys, 4),
    }
    response = api.post(f"/api/v1/skm/periods/{published.pk}/responses/", body, format="json")
    assert response.status_code in (404, 409)
    assert Response.objects.count() == 2


def test_a_published_survey_refuses_paper_entries_and_imports(
    client_for, officer_a, published, service_a
):
    client = client_for(officer_a)
    url = reverse("satisfaction:paper-entry", args=[published.unit.slug, published.pk])
    page = client.get(url).content.decode()
    assert "dipublikasikan dan bersifat final" in page
    client.post(url, answers_post(published, service=service_a, answered_on="2025-02-10"))
    with pytest.raises(ValidationError):
        services.enter_paper_response(
            actor=officer_a,
            period=published,
            answers=[],
            service=service_a,
            submission_token=uuid.uuid4(),
            answered_on=date(2025, 2, 10),
        )
    _import(client, published, _csv(service_a, ("2025-02-10", "4,4,4,4,4,4,4,4,4")))
    assert Response.objects.count() == 2 and not ImportBatch.objects.exists()


def test_a_published_survey_cannot_be_opened_again(published, unit_head_a):
    with pytest.raises(ValidationError):
        services.change_period_status(actor=unit_head_a, period=published, action="open")


def test_a_correction_is_explicit_recorded_and_shown(
    client, client_for, published, service_a, unit_head_a, officer_a
):
    with pytest.raises(ValidationError):
        services.start_correction(actor=unit_head_a, period=published, reason="  ")
    services.start_correction(
        actor=unit_head_a, period=published, reason="Tiga kuesioner kertas belum dimasukkan."
    )
    before = PublishedResult.objects.get(period=published)
    # Citizens still cannot answer; officers can enter the missing paper questionnaires.
    _answer(client, published, service_a)
    assert Response.objects.count() == 2
    services.enter_paper_response(
        actor=officer_a,
        period=published,
        answers=_paper_answers(published, 1),
        service=service_a,
        submission_token=uuid.uuid4(),
        answered_on=date(2025, 3, 3),
    )
    # While the correction runs, the public still reads the published figures.
    public = client.get(reverse("portal:unit-skm", args=[published.unit.slug]))
    assert public.context["latest"].ikm.ikm == before.ikm
    assert public.context["latest"].respondents == 2
    _publish(published, unit_head_a, reason="Laporan triwulan")
    rows = list(PublishedResult.objects.filter(period=published).order_by("published_at", "id"))
    assert len(rows) == 2 and rows[0] == before and rows[1].respondents == 3
    assert "Dikoreksi pada" in rows[1].correction and "Tiga kuesioner" in rows[1].correction
    body = client.get(reverse("portal:unit-skm", args=[published.unit.slug])).content.decode()
    assert "Tiga kuesioner kertas belum dimasukkan." in body
    assert "Angka terbitan sebelumnya" in body


def _paper_answers(period, score):
    from pantau.satisfaction.instrument import ELEMENT_KEYS
    from pantau.surveys.models import Item

    items = {i.key: i for i in Item.objects.filter(version=period.collection.version)}
    return [(items[key], score, "") for key in ELEMENT_KEYS]


def test_an_import_is_recorded_and_the_same_file_is_refused(
    client_for, officer_a, period_a, service_a
):
    client = client_for(officer_a)
    content = _csv(service_a, ("2025-02-03", "4,4,3,4,3,4,4,3,3"), ("", "3,3,3,3,3,3,3,3,3"))
    assert _import(client, period_a, content, name="loket.csv").status_code == 302
    batch = ImportBatch.objects.get()
    assert (batch.file_name, batch.rows, batch.created_by) == ("loket.csv", 2, officer_a)
    assert len(batch.sha256) == 64 and batch.responses.count() == 2
    again = _import(client, period_a, content, name="salinan.csv")
    assert again.status_code == 200
    assert "sudah diimpor" in " ".join(again.context["report"].errors)
    assert Response.objects.count() == 2


def test_an_import_can_be_undone_while_the_period_is_open(
    client_for, officer_a, period_a, service_a
):
    client = client_for(officer_a)
    _import(client, period_a, _csv(service_a, ("2025-02-03", "4,4,4,4,4,4,4,4,4")))
    batch = ImportBatch.objects.get()
    url = reverse("satisfaction:import-undo", args=[period_a.unit.slug, period_a.pk, batch.pk])
    page = client.post(url)
    assert page.status_code == 200 and 'name="confirmed"' in page.content.decode()
    assert Response.objects.count() == 1
    client.post(url, {"confirmed": "yes"})
    batch.refresh_from_db()
    assert batch.undone_at is not None and batch.undone_by == officer_a
    assert Response.objects.count() == 0
    assert not AnswerTally.objects.filter(collection=period_a.collection).exists()
    # Once undone, the same file may be imported again.
    _import(client, period_a, _csv(service_a, ("2025-02-03", "4,4,4,4,4,4,4,4,4")))
    assert Response.objects.count() == 1


def test_an_officer_of_another_unit_cannot_undo_an_import(
    client_for, officer_a, officer_b, period_a, service_a
):
    _import(client_for(officer_a), period_a, _csv(service_a, ("", "4,4,4,4,4,4,4,4,4")))
    batch = ImportBatch.objects.get()
    url = reverse("satisfaction:import-undo", args=[period_a.unit.slug, period_a.pk, batch.pk])
    assert client_for(officer_b).post(url, {"confirmed": "yes"}).status_code == 404
    assert Response.objects.count() == 1


def test_an_import_cannot_be_undone_after_publication(
    client_for, officer_a, unit_head_a, period_a, service_a
):
    _import(client_for(officer_a), period_a, _csv(service_a, ("", "4,4,4,4,4,4,4,4,4")))
    _publish(period_a, unit_head_a)
    batch = ImportBatch.objects.get()
    with pytest.raises(ValidationError):
        services.undo_import(actor=officer_a, period=period_a, batch_id=batch.pk)
    assert Response.objects.count() == 1


def test_a_paper_questionnaire_dated_outside_the_period_is_refused(
    client_for, officer_a, period_a, service_a
):
    url = reverse("satisfaction:paper-entry", args=[period_a.unit.slug, period_a.pk])
    page = client_for(officer_a).post(
        url, answers_post(period_a, service=service_a, answered_on="2024-12-20")
    )
    assert page.status_code == 200 and "harus berada dalam periode survei" in page.content.decode()
    assert not Response.objects.exists()


def test_a_citizens_answer_after_the_period_ended_is_refused(
    client, period_a, service_a, time_machine
):
    time_machine.move_to(datetime(2025, 4, 2, 9, tzinfo=ZoneInfo("Asia/Jakarta")), tick=True)
    response = _answer(client, period_a, service_a)
    assert response.status_code == 409
    assert "belum dimulai atau sudah berakhir" in response.content.decode()
    assert not Response.objects.exists()


def test_publishing_asks_for_confirmation_and_a_reason_below_the_sample(
    client, client_for, unit_head_a, period_a, service_a
):
    _answer(client, period_a, service_a)
    head = client_for(unit_head_a)
    url = reverse("satisfaction:period-publish", args=[period_a.unit.slug, period_a.pk])
    page = head.post(url, {"media": ["website"]})
    body = page.content.decode()
    assert page.status_code == 200 and "1 dari 80" in body.replace("\u00a0", " ")
    assert "± 98,0" in body  # the margin of error for 1 answer of 100 users at 95 %
    head.post(url, {"media": ["website"], "confirmed": "yes", "reason": ""})
    period_a.refresh_from_db()
    assert period_a.published_at is None  # no reason, not published
    head.post(url, {"media": ["website"], "confirmed": "yes", "reason": "Batas waktu laporan."})
    period_a.refresh_from_db()
    assert period_a.published_at is not None and period_a.publish_reason == "Batas waktu laporan."
    public = client.get(reverse("portal:unit-skm", args=[period_a.unit.slug])).content.decode()
    assert "1 dari 80 responden" in public and "Batas waktu laporan." in public


def test_the_head_of_another_unit_cannot_publish_or_correct(
    client_for, unit_head_b, period_a, client, service_a
):
    _answer(client, period_a, service_a)
    for name in ("period-publish", "period-correction"):
        url = reverse(f"satisfaction:{name}", args=[period_a.unit.slug, period_a.pk])
        response = client_for(unit_head_b).post(
            url, {"media": ["website"], "confirmed": "yes", "reason": "x"}
        )
        assert response.status_code == 404
    period_a.refresh_from_db()
    assert period_a.published_at is None


def test_an_agency_head_sees_the_latest_published_result_not_the_open_period(
    client, client_for, agency_head_a, unit_head_a, period_a, service_a
):
    _answer(client, period_a, service_a)
    _publish(period_a, unit_head_a)
    current = services.create_period(
        actor=unit_head_a,
        unit=period_a.unit,
        kind="quarter",
        year=2025,
        number=2,
        population=100,
        services=[service_a],
    )
    services.change_period_status(actor=unit_head_a, period=current, action="open")
    page = client_for(agency_head_a).get(reverse("satisfaction:overview"))
    [(unit, point)] = page.context["rows"]
    assert point.period == period_a and point.respondents == 1 and point.required == 80
    assert "1 / 80" in page.content.decode()


def test_a_head_of_another_agency_sees_none_of_its_units(client_for, unit_head_b, period_a):
    page = client_for(unit_head_b).get(reverse("satisfaction:overview"))
    assert period_a.unit not in [unit for unit, _point in page.context["rows"]]


def test_imports_and_their_undoing_show_in_the_units_audit_trail(
    client_for, officer_a, unit_head_a, period_a, service_a
):
    from pantau.common.audit import unit_history

    _import(client_for(officer_a), period_a, _csv(service_a, ("", "4,4,4,4,4,4,4,4,4")))
    batch = ImportBatch.objects.get()
    services.undo_import(actor=officer_a, period=period_a, batch_id=batch.pk)
    entries = [e for e in unit_history(period_a.unit_id) if "skm.csv" in e.object_repr]
    assert [e.action for e in entries] == ["~", "+"]
    assert all(e.who == officer_a for e in entries)
    page = client_for(unit_head_a).get(
        reverse("organisations:unit-audit", args=[period_a.unit.slug])
    )
    assert "skm.csv" in page.content.decode()


def test_the_audit_trail_reads_as_words_not_codes_or_timestamps(
    client_for, unit_head_a, period_a, service_a, client
):
    from pantau.common.audit import unit_history

    _answer(client, period_a, service_a)
    _publish(period_a, unit_head_a)
    entries = [e for e in unit_history(period_a.unit_id) if e.changes]
    text = " ".join(f"{e.object_repr} {e.changes}" for e in entries)
    assert " as of " not in text and "+00:00" not in text


def test_the_audit_trail_names_choices_by_their_labels(unit_head_a, period_a):
    from datetime import date as day

    from django.utils import translation

    from pantau.common.audit import unit_history

    data = {
        "element_key": "waktu",
        "action": "Menambah loket.",
        "owner": "Kepala unit",
        "deadline": day(2025, 5, 1),
        "status": "planned",
        "completed_on": None,
        "report": "",
    }
    action = services.save_follow_up_action(actor=unit_head_a, period=period_a, data=data)
    services.save_follow_up_action(
        actor=unit_head_a,
        period=period_a,
        action=action,
        data={**data, "status": "done", "completed_on": day(2025, 4, 20)},
    )
    with translation.override("id"):
        changes = [c for e in unit_history(period_a.unit_id) for c in e.changes]
    assert ("status", "Direncanakan", "Selesai") in changes or any(
        old != "planned" and new != "done" for name, old, new in changes if name == "status"
    )
    assert not any(new == "done" for _name, _old, new in changes)
