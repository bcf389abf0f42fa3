"""SKM import of files as spreadsheets write them, or crafted: read correctly or refused with a
message on the page, never a 500, and nothing saved when refused."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from pantau.surveys.models import Answer, Response

HEADER = "layanan;U1;U2;U3;U4;U5;U6;U7;U8;U9;saran"


def _upload(client, period, content: bytes, name="skm.csv"):
    url = reverse("satisfaction:import", args=[period.unit.slug, period.pk])
    return client.post(url, {"file": SimpleUploadedFile(name, content)})


def test_windows_1252_csv_is_imported_with_its_accents(client_for, officer_a, period_a, service_a):
    text = f"{HEADER}\r\n{service_a.name};4;4;3;4;3;4;4;3;3;Pelayanan “cepat” — café\r\n"
    response = _upload(client_for(officer_a), period_a, text.encode("cp1252"))
    assert response.status_code == 302
    assert Answer.objects.get(item__key="saran").value_text == "Pelayanan “cepat” — café"


def test_field_over_128_kb_is_a_form_error_naming_the_line(
    client_for, officer_a, period_a, service_a
):
    text = f"{HEADER}\n{service_a.name};4;4;3;4;3;4;4;3;3;{'x' * 140_000}\n"
    response = _upload(client_for(officer_a), period_a, text.encode())
    assert response.status_code == 200
    assert any("Baris 2" in error for error in response.context["report"].errors)
    assert not Response.objects.exists()


def test_workbook_over_the_row_limit_is_refused_before_reading(
    client_for, officer_a, period_a, service_a, settings, tmp_path
):
    settings.PANTAU_IMPORT_MAX_ROWS = 5
    book = Workbook()
    book.active.append(HEADER.split(";"))
    for _row in range(6):
        book.active.append([service_a.name, 4, 4, 3, 4, 3, 4, 4, 3, 3, ""])
    book.save(tmp_path / "skm.xlsx")
    content = (tmp_path / "skm.xlsx").read_bytes()
    response = _upload(client_for(officer_a), period_a, content, name="skm.xlsx")
    assert response.status_code == 200
    assert any("lebih dari 5 baris" in error for error in response.context["report"].errors)
    assert not Response.objects.exists()
