"""Export and import of a unit's services and standards in the documented format."""

import json

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from pantau.organisations.models import Service
from pantau.standards import transfer
from pantau.standards.models import StandardVersion


def test_json_export_holds_the_standard_in_force(published_a):
    data = json.loads(transfer.export_json(published_a.service.unit))
    assert data["format"] == "pantau.standards/1"
    (service,) = data["services"]
    assert service["standard"]["requirements"][0] == {"text": "Fotokopi KTP", "note": "1 lembar"}
    assert service["standard"]["time_limit"] == {"value": 3, "unit": "working_days", "note": ""}
    assert service["standard"]["fee"]["free"] is True
    assert service["standard"]["decree_number"] == "188/12/SK/2026"


def test_a_json_round_trip_into_another_unit_makes_drafts(published_a, unit_b, unit_head_b):
    rows = transfer.parse_json(transfer.export_json(published_a.service.unit).encode())
    report = transfer.apply_import(actor=unit_head_b, unit=unit_b, rows=rows)
    assert report.created_services == ["Surat rekomendasi PBI-JKN"]
    version = StandardVersion.objects.get(service__unit=unit_b)
    assert version.status == "draft"
    assert [r.text for r in version.requirements.all()] == [
        "Fotokopi KTP",
        "Fotokopi Kartu Keluarga",
    ]
    assert version.product == published_a.product


def test_a_csv_round_trip_keeps_lists_and_notes(published_a, unit_b, unit_head_b):
    csv_text = transfer.export_csv(published_a.service.unit)
    rows = transfer.parse_csv(csv_text.encode())
    transfer.apply_import(actor=unit_head_b, unit=unit_b, rows=rows)
    version = StandardVersion.objects.get(service__unit=unit_b)
    assert [(s.text, s.actor) for s in version.steps.all()] == [
        ("Pemohon mengambil nomor antrean", ""),
        ("Petugas memeriksa berkas", "petugas loket"),
    ]
    assert version.time_limit_value == 3 and version.fee_is_free


def test_import_never_touches_a_set_version(published_a, unit_head_a):
    unit = published_a.service.unit
    data = transfer.export_data(unit)
    data["services"][0]["standard"]["product"] = "Produk baru"
    rows = transfer.parse_json(json.dumps(data).encode())
    transfer.apply_import(actor=unit_head_a, unit=unit, rows=rows)
    published_a.refresh_from_db()
    assert published_a.product == "Surat rekomendasi PBI-JKN"
    assert (
        StandardVersion.objects.get(service=published_a.service, number=2).product == "Produk baru"
    )
    # A second import finds version 2 in progress and skips it.
    report = transfer.apply_import(actor=unit_head_a, unit=unit, rows=rows)
    assert report.skipped == ["Surat rekomendasi PBI-JKN"]


@pytest.mark.parametrize(
    "change",
    [
        lambda d: d.update(format="other"),
        lambda d: d["services"][0].update(name=""),
        lambda d: d["services"][0]["standard"]["time_limit"].update(unit="weeks"),
        lambda d: d["services"][0]["standard"]["fee"].update(free=False, amount=None),
        lambda d: d["services"][0]["standard"]["fee"].update(free=True, amount=5000),
        lambda d: d["services"][0]["standard"].update(requirements=[{"note": "x"}]),
    ],
)
def test_a_bad_file_is_refused_whole(published_a, change):
    data = transfer.export_data(published_a.service.unit)
    change(data)
    with pytest.raises(ValidationError):
        transfer.parse_json(json.dumps(data).encode())


def test_a_refused_import_writes_nothing(client_for, unit_head_b, unit_b):
    bad = json.dumps(
        {"format": "pantau.standards/1", "services": [{"name": "A"}, {"name": ""}]}
    ).encode()
    response = client_for(unit_head_b).post(
        reverse("standards:import", args=[unit_b.slug]),
        {"file": SimpleUploadedFile("x.json", bad)},
    )
    assert response.status_code == 200
    assert not Service.objects.filter(unit=unit_b).exists()


def test_officer_cannot_import(officer_a, unit_a, client_for):
    with pytest.raises(PermissionDenied):
        transfer.apply_import(actor=officer_a, unit=unit_a, rows=[])
    assert (
        client_for(officer_a).get(reverse("standards:import", args=[unit_a.slug])).status_code
        == 403
    )


def test_officer_of_other_unit_gets_404_on_export(client_for, officer_b, unit_a):
    client = client_for(officer_b)
    assert client.get(reverse("standards:export-json", args=[unit_a.slug])).status_code == 404
    assert client.get(reverse("standards:export-csv", args=[unit_a.slug])).status_code == 404


def test_import_page_creates_services_and_drafts(client_for, unit_head_a, unit_a):
    csv_text = (
        "service_name;requirements;steps;time_limit_value;time_limit_unit;fee_free;fee_amount;"
        "fee_legal_basis;product\n"
        'Legalisir ijazah;"KTP\nIjazah asli | untuk dicocokkan";Serahkan berkas;30;minutes;no;'
        "10.000;Perda 3/2024;Salinan terlegalisir\n"
    )
    response = client_for(unit_head_a).post(
        reverse("standards:import", args=[unit_a.slug]),
        {"file": SimpleUploadedFile("sp.csv", csv_text.encode())},
    )
    assert response.status_code == 302
    version = StandardVersion.objects.get(service__unit=unit_a, service__name="Legalisir ijazah")
    assert version.fee_amount == 10000 and version.fee_legal_basis == "Perda 3/2024"
    assert [(r.text, r.note) for r in version.requirements.all()] == [
        ("KTP", ""),
        ("Ijazah asli", "untuk dicocokkan"),
    ]


def test_open_data_has_the_published_components_and_a_licence(client, published_a, draft_a):
    unit = published_a.service.unit
    data = client.get(reverse("public_standards:open-data-json", args=[unit.slug])).json()
    assert data["licence"].startswith("CC BY 4.0")
    (service,) = data["services"]
    assert "manufacturing" not in service["standard"]
    assert service["standard"]["requirements"][1]["text"] == "Fotokopi Kartu Keluarga"
    assert service["page"].endswith(f"/units/{unit.slug}/services/{published_a.service.slug}/")
    csv_text = client.get(reverse("public_standards:open-data-csv", args=[unit.slug])).content
    assert b"Fotokopi KTP | 1 lembar" in csv_text and b"CC BY 4.0" in csv_text
    assert b"Kepala seksi" not in csv_text  # an internal component


def test_open_data_leaves_out_services_without_a_standard_in_force(client, draft_a):
    unit = draft_a.service.unit
    data = client.get(reverse("public_standards:open-data-json", args=[unit.slug])).json()
    assert data["services"] == []
