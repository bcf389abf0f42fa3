"""The register's staff pages: officers register, describe, upload evidence, record figures and
move an innovation on; the head sets the legal basis, institutionalises and publishes; bad input
shows the error summary and changes nothing; the pages work at a phone's width (one column of
cards and forms)."""

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from pantau.innovations.models import Innovation

from .factories import PDF, institutionalised, make_innovation

pytestmark = pytest.mark.django_db


def _url(name, unit, *args):
    return reverse(f"innovations:{name}", args=[unit.slug, *args])


def _body(owner, **overrides):
    body = {
        "title": "Antrean daring lewat WhatsApp",
        "description": "Nomor antrean diambil dari rumah.",
        "problem": "Warga menunggu berjam-jam di loket.",
        "before": "Antre sejak subuh; rata-rata 3 jam menunggu.",
        "after": "",
        "owner": str(owner.pk),
        "stage": "trial",
        "stage_on": "2025-03-01",
        "budget": "2500000",
        "budget_source": "apbd",
    }
    body.update(overrides)
    return body


def test_officer_registers_an_innovation_and_sees_it_listed(client_for, officer_a, unit_a):
    client = client_for(officer_a)
    page = client.get(_url("innovation-create", unit_a))
    assert page.status_code == 200
    assert "is_public" not in page.context["form"].fields  # the head's decision
    response = client.post(_url("innovation-create", unit_a), _body(officer_a))
    assert response.status_code == 302, response.context["form"].errors
    innovation = Innovation.objects.get()
    assert (innovation.stage, innovation.trial_on, innovation.budget) == (
        "trial",
        date(2025, 3, 1),
        2_500_000,
    )
    listed = client.get(_url("innovation-list", unit_a) + "?stage=trial")
    assert "Antrean daring lewat WhatsApp" in listed.content.decode()
    detail = client.get(response["Location"])
    assert "Antrean daring lewat WhatsApp" in detail.content.decode()
    assert detail.context["innovation"].is_public is False


def test_bad_registration_shows_the_error_summary_and_adds_nothing(
    client_for, unit_head_a, officer_b, unit_a
):
    client = client_for(unit_head_a)
    response = client.post(
        _url("innovation-create", unit_a),
        _body(
            officer_b,
            title="",
            budget="-1",
            stage="institutionalised",
            stage_on="2031-01-01",
            competition_result="won",
        ),
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert {"title", "owner", "budget", "stage", "stage_on", "competition"} <= set(errors)
    assert "error-summary" in response.content.decode()
    response = client.post(
        _url("innovation-create", unit_a), _body(unit_head_a, stage="implemented", after="")
    )
    assert response.status_code == 200 and "after" in response.context["form"].errors
    assert not Innovation.objects.exists()


def test_head_edits_and_publishes(client_for, unit_head_a, officer_a, unit_a):
    innovation = make_innovation(unit_a, actor=officer_a)
    client = client_for(unit_head_a)
    page = client.get(_url("innovation-edit", unit_a, innovation.pk))
    assert page.context["form"].initial["title"] == "Jemput bola lansia"
    body = _body(officer_a, title="Jemput bola lansia dan disabilitas", is_public="on")
    response = client.post(_url("innovation-edit", unit_a, innovation.pk), body)
    assert response.status_code == 302
    innovation.refresh_from_db()
    assert (innovation.title, innovation.is_public) == ("Jemput bola lansia dan disabilitas", True)


def test_officer_moves_a_stage_and_the_head_institutionalises_with_the_decree(
    client_for, officer_a, unit_head_a, unit_a, media
):
    innovation = make_innovation(unit_a, stage="implemented", stage_on=date(2024, 2, 1))
    officer = client_for(officer_a)
    page = officer.get(_url("innovation-stage", unit_a, innovation.pk))
    # Implemented is the last stage an officer reaches: the page has nothing to offer them.
    assert page.status_code == 404
    head = client_for(unit_head_a)
    page = head.get(_url("innovation-stage", unit_a, innovation.pk))
    assert [value for value, _label in page.context["form"].fields["stage"].choices] == [
        "institutionalised"
    ]
    missing = head.post(
        _url("innovation-stage", unit_a, innovation.pk),
        {"stage": "institutionalised", "on": "2025-04-01"},
    )
    assert missing.status_code == 200 and "error-summary" in missing.content.decode()
    response = head.post(
        _url("innovation-stage", unit_a, innovation.pk),
        {
            "stage": "institutionalised",
            "on": "2025-04-01",
            "legal_basis_kind": "perkada",
            "legal_basis_title": "Peraturan Bupati tentang Jemput Bola",
            "decree_number": "7/2025",
            "decree_date": "2025-04-01",
            "decree_file": SimpleUploadedFile("perbup.pdf", PDF, content_type="application/pdf"),
        },
    )
    assert response.status_code == 302
    innovation.refresh_from_db()
    assert (innovation.stage, innovation.decree_number) == ("institutionalised", "7/2025")
    signed = head.get(_url("legal-basis-file", unit_a, innovation.pk))
    assert signed.status_code == 200 and b"".join(signed.streaming_content) == PDF


def test_head_records_a_draft_legal_basis(client_for, unit_head_a, unit_a):
    innovation = make_innovation(unit_a)
    client = client_for(unit_head_a)
    assert client.get(_url("legal-basis", unit_a, innovation.pk)).status_code == 200
    bad = client.post(_url("legal-basis", unit_a, innovation.pk), {"decree_number": "3"})
    assert bad.status_code == 200 and "error-summary" in bad.content.decode()
    client.post(
        _url("legal-basis", unit_a, innovation.pk), {"legal_basis_title": "Rancangan Perbup"}
    )
    innovation.refresh_from_db()
    assert innovation.has_draft_legal_basis
    assert client.get(_url("legal-basis-file", unit_a, innovation.pk)).status_code == 404


def test_officer_uploads_evidence_and_records_a_figure(client_for, officer_a, unit_a, media):
    innovation = make_innovation(unit_a)
    client = client_for(officer_a)
    upload = SimpleUploadedFile("foto.pdf", PDF, content_type="application/pdf")
    response = client.post(
        _url("evidence-upload", unit_a, innovation.pk),
        {"evidence": upload, "description": "Foto kunjungan"},
    )
    assert response.status_code == 302
    stored = innovation.files.get()
    download = client.get(_url("evidence-file", unit_a, innovation.pk, stored.pk))
    assert download.status_code == 200 and b"".join(download.streaming_content) == PDF
    assert download["X-Content-Type-Options"] == "nosniff"
    fake = SimpleUploadedFile("foto.pdf", b"not a pdf", content_type="application/pdf")
    refused = client.post(_url("evidence-upload", unit_a, innovation.pk), {"evidence": fake})
    assert refused.status_code == 400 and "error-summary" in refused.content.decode()
    response = client.post(
        _url("effect-add", unit_a, innovation.pk),
        {"metric_key": "skm.ikm", "before": "76.5", "after": "82.1", "measured_before": "2024"},
    )
    assert response.status_code == 302
    effect = innovation.effects.get()
    bad = client.post(_url("effect-add", unit_a, innovation.pk), {"metric_key": "x", "before": "a"})
    assert bad.status_code == 400 and "error-summary" in bad.content.decode()
    page = client.get(_url("innovation-detail", unit_a, innovation.pk)).content.decode()
    assert "Foto kunjungan" in page and 'data-improved="true"' in page
    client.post(_url("effect-remove", unit_a, innovation.pk, effect.pk))
    assert not innovation.effects.exists()


def test_an_evaluator_reads_but_writes_nothing(client_for, evaluator_a, unit_a):
    innovation = make_innovation(unit_a)
    client = client_for(evaluator_a)
    assert client.get(_url("innovation-list", unit_a)).status_code == 200
    page = client.get(_url("innovation-detail", unit_a, innovation.pk))
    assert page.status_code == 200 and page.context["can_edit"] is False
    for name in ("innovation-create",):
        assert client.get(_url(name, unit_a)).status_code == 404
    for name in ("innovation-edit", "innovation-stage", "legal-basis"):
        assert client.get(_url(name, unit_a, innovation.pk)).status_code == 404
    overview = client.get(reverse("innovations:overview"))
    assert overview.status_code == 200 and innovation.title in overview.content.decode()


def test_copying_from_the_catalogue(client_for, officer_b, unit_a, unit_b):
    original = institutionalised(unit_a, is_public=True)
    client = client_for(officer_b)
    url = reverse("innovations:replicate", args=[original.pk])
    page = client.get(url)
    assert page.status_code == 200
    assert list(page.context["form"].fields["unit"].queryset) == [unit_b]
    response = client.post(
        url, {"unit": unit_b.pk, "owner": officer_b.pk, "modification": "Lewat kelurahan."}
    )
    assert response.status_code == 302
    copy = unit_b.innovations.get()
    assert (copy.replicates, copy.stage) == (original, "idea")
    again = client.post(url, {"unit": unit_b.pk, "owner": officer_b.pk})
    assert again.status_code == 200 and "error-summary" in again.content.decode()


def test_the_register_lists_in_a_fixed_number_of_queries(
    client_for, officer_a, unit_a, django_assert_max_num_queries
):
    for n in range(5):
        make_innovation(unit_a, title=f"Inovasi {n}")
    client = client_for(officer_a)
    client.get(_url("innovation-list", unit_a))
    with django_assert_max_num_queries(14):
        assert client.get(_url("innovation-list", unit_a)).status_code == 200
