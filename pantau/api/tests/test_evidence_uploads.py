"""Evidence through the API (issue 21): an innovation's evidence files and a KPI measurement's
evidence file, sent as multipart/form-data, checked by content and size as on the web forms and
stored with their size and SHA-256; bad files are refused by field and store nothing; another
unit's people reach nothing."""

import hashlib
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from pantau.innovations.models import EvidenceFile
from pantau.innovations.tests.factories import make_innovation
from pantau.kpis.models import Measurement
from pantau.kpis.tests.factories import make_indicator, make_target

from .schema_check import assert_conforms

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
SHA = hashlib.sha256(PDF).hexdigest()


@pytest.fixture(autouse=True)
def _in_march_2025(time_machine):
    time_machine.move_to(datetime(2025, 3, 20, 10, tzinfo=ZoneInfo("Asia/Jakarta")), tick=True)


def _pdf(name="sk-tim-inovasi.pdf"):
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


@pytest.mark.covers("POST /api/v1/innovations/{id}/evidence/")
def test_officer_uploads_innovation_evidence_kept_with_size_and_hash(token_for, officer_a, unit_a):
    innovation = make_innovation(unit_a)
    url = f"/api/v1/innovations/{innovation.pk}/evidence/"
    client = token_for(officer_a, write=True)
    sent = client.post(
        url,
        {"evidence": [_pdf(), _pdf("foto-layanan.pdf")], "description": "SK tim dan foto"},
        format="multipart",
    )
    assert sent.status_code == 201, sent.json()
    assert_conforms(sent, "POST", "/api/v1/innovations/{id}/evidence/")
    files = sent.json()["files"]
    assert sorted(f["name"] for f in files) == ["foto-layanan.pdf", "sk-tim-inovasi.pdf"]
    assert {(f["size"], f["sha256"], f["content_type"]) for f in files} == {
        (len(PDF), SHA, "application/pdf")
    }
    stored = EvidenceFile.objects.filter(innovation=innovation)
    assert stored.count() == 2 and {e.description for e in stored} == {"SK tim dan foto"}


def test_innovation_evidence_is_checked_as_on_the_web_page(token_for, officer_a, unit_a):
    innovation = make_innovation(unit_a)
    url = f"/api/v1/innovations/{innovation.pk}/evidence/"
    client = token_for(officer_a, write=True)
    script = SimpleUploadedFile(
        "laporan.pdf", b"#!/bin/sh\necho hi\n", content_type="application/pdf"
    )
    refused = client.post(url, {"evidence": [script]}, format="multipart")
    assert refused.status_code == 400
    [error] = refused.json()["errors"]
    assert error["field"] == "evidence" and "laporan.pdf" in error["message"]
    big = SimpleUploadedFile("besar.pdf", PDF + b"0" * (10 * 1024 * 1024), "application/pdf")
    too_large = client.post(url, {"evidence": [big]}, format="multipart")
    assert too_large.status_code == 400
    assert too_large.json()["errors"][0]["field"] == "evidence"
    assert "besar.pdf" in too_large.json()["errors"][0]["message"]
    six = client.post(url, {"evidence": [_pdf(f"{n}.pdf") for n in range(6)]}, format="multipart")
    assert six.status_code == 400
    none = client.post(url, {"description": "tanpa berkas"}, format="multipart")
    assert none.status_code == 400 and none.json()["errors"][0]["field"] == "evidence"
    assert not EvidenceFile.objects.exists()


def test_other_unit_and_read_tokens_upload_no_innovation_evidence(
    token_for, officer_a, officer_b, evaluator_a, unit_a
):
    innovation = make_innovation(unit_a)
    url = f"/api/v1/innovations/{innovation.pk}/evidence/"
    assert (
        token_for(officer_b, write=True)
        .post(url, {"evidence": [_pdf()]}, format="multipart")
        .status_code
        == 404
    )
    assert (
        token_for(officer_a).post(url, {"evidence": [_pdf()]}, format="multipart").status_code
        == 403
    )
    assert (
        token_for(evaluator_a, write=True)
        .post(url, {"evidence": [_pdf()]}, format="multipart")
        .status_code
        == 403
    )
    assert not EvidenceFile.objects.exists()


@pytest.fixture
def custom_a(unit_a, unit_head_a):
    indicator = make_indicator(unit_head_a, unit=unit_a, frequency="month")
    make_target(unit_head_a, indicator, "2025-01", "2025-12", 100)
    return indicator


@pytest.mark.covers("POST /api/v1/units/{slug}/kpis/{id}/measurements/")
def test_officer_records_a_measurement_with_its_evidence_file(token_for, officer_a, custom_a):
    url = f"/api/v1/units/unit-a/kpis/{custom_a.pk}/measurements/"
    client = token_for(officer_a, write=True)
    body = {"period": "2025-02", "value": "120", "evidence_note": "Daftar penerima Februari"}
    sent = client.post(url, {**body, "evidence": _pdf("daftar.pdf")}, format="multipart")
    assert sent.status_code == 201, sent.json()
    assert_conforms(sent, "POST", "/api/v1/units/{slug}/kpis/{id}/measurements/")
    assert sent.json()["evidence"] == {
        "name": "daftar.pdf",
        "content_type": "application/pdf",
        "size": len(PDF),
        "sha256": SHA,
    }
    measurement = Measurement.objects.get()
    assert (measurement.evidence_size, measurement.evidence_sha256) == (len(PDF), SHA)
    assert measurement.evidence_file.read() == PDF
    # corrected without a file, the earlier file stays
    kept = client.post(url, {**body, "value": "121"}, format="multipart")
    assert kept.status_code == 200 and kept.json()["evidence"]["sha256"] == SHA
    as_json = client.post(url, {**body, "value": 122}, format="json")
    assert as_json.status_code == 200 and as_json.json()["evidence_file"] is True


def test_a_measurement_file_that_is_not_evidence_is_refused(token_for, officer_a, custom_a):
    url = f"/api/v1/units/unit-a/kpis/{custom_a.pk}/measurements/"
    client = token_for(officer_a, write=True)
    body = {"period": "2025-02", "value": "120", "evidence_note": "Daftar penerima"}
    script = SimpleUploadedFile("daftar.pdf", b"MZ\x90\x00binary", content_type="application/pdf")
    refused = client.post(url, {**body, "evidence": script}, format="multipart")
    assert refused.status_code == 400
    assert refused.json()["errors"][0]["field"] == "evidence"
    assert not Measurement.objects.exists()


def test_other_unit_officer_records_no_measurement_evidence(token_for, officer_b, custom_a):
    url = f"/api/v1/units/unit-a/kpis/{custom_a.pk}/measurements/"
    body = {"period": "2025-02", "value": "1", "evidence_note": "x", "evidence": _pdf()}
    sent = token_for(officer_b, write=True).post(url, body, format="multipart")
    assert sent.status_code == 404
    assert not Measurement.objects.exists()
