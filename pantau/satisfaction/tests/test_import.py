from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from pantau.surveys.models import Answer, Response

HEADER = "layanan,tanggal,U1,U2,U3,U4,U5,U6,U7,U8,U9,jenis_kelamin,usia,pendidikan,pekerjaan,pekerjaan_lainnya,saran"


def _upload(client, period, content: bytes, name="skm.csv"):
    url = reverse("satisfaction:import", args=[period.unit.slug, period.pk])
    return client.post(url, {"file": SimpleUploadedFile(name, content)})


def test_valid_csv_imports_every_row(client_for, officer_a, period_a, service_a):
    rows = [
        f"{service_a.name},2025-02-03,4,4,3,4,3,4,4,3,3,P,34,SMA,Lainnya,Petani,Cepat sekali",
        f"{service_a.name.upper()},03/02/2025,3,3,3,,3,3,3,3,2,L,51,4,PNS,,",
    ]
    response = _upload(client_for(officer_a), period_a, "\n".join([HEADER, *rows]).encode())
    assert response.status_code == 302
    assert Response.objects.filter(source="import", entered_by=officer_a).count() == 2
    assert Answer.objects.get(item__key="pekerjaan", value_int=6).value_text == "Petani"
    assert not Answer.objects.filter(
        item__key="biaya", response__number__isnull=False, value_int__isnull=True
    ).exists()
    assert Answer.objects.filter(item__key="biaya").count() == 1  # the empty cell is not answered


def test_one_bad_row_imports_nothing_and_names_the_rows(client_for, officer_a, period_a, service_a):
    rows = [
        f"{service_a.name},,4,4,3,4,3,4,4,3,3,,,,,,",
        "Layanan lain,,4,4,3,4,3,4,4,3,3,,,,,,",
        f"{service_a.name},2024-12-31,5,4,3,4,3,4,4,3,x,Q,7,SD,Lainnya,,",
        f"{service_a.name},,,,,,,,,,,,,,,,",
    ]
    response = _upload(client_for(officer_a), period_a, "\n".join([HEADER, *rows]).encode())
    assert response.status_code == 200
    errors = response.context["report"].errors
    assert len(errors) == 3
    assert errors[0].startswith("Baris 3:") and "Layanan lain" in errors[0]
    assert errors[1].startswith("Baris 4:")
    assert errors[2] == "Baris 5: tidak ada unsur yang dijawab."
    for fragment in ("U1", "U9", "di luar periode", "jenis_kelamin", "usia", "pekerjaan_lainnya"):
        assert fragment in errors[1]
    assert not Response.objects.exists()


def test_missing_columns_are_reported(client_for, officer_a, period_a):
    response = _upload(client_for(officer_a), period_a, b"U1,U2\n4,4\n")
    assert (
        "layanan" in response.context["report"].errors[0]
        and "U9" in response.context["report"].errors[0]
    )
    assert not Response.objects.exists()


def test_xlsx_import(client_for, officer_a, period_a, service_a, tmp_path):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(HEADER.split(","))
    sheet.append(
        [service_a.name, None, 4, 4, 4, 4, 4, 4, 4, 4, 4, "P", 30, "S1", "Swasta", None, None]
    )
    path = tmp_path / "skm.xlsx"
    workbook.save(path)
    response = _upload(client_for(officer_a), period_a, path.read_bytes(), name="skm.xlsx")
    assert response.status_code == 302 and Response.objects.count() == 1


def test_fake_xlsx_and_other_types_are_refused(client_for, officer_a, period_a):
    client = client_for(officer_a)
    assert _upload(client, period_a, b"not a zip", name="skm.xlsx").context["form"].errors["file"]
    assert _upload(client, period_a, b"x", name="skm.pdf").context["form"].errors["file"]
    assert not Response.objects.exists()


def test_import_is_404_for_other_units_and_evaluators(client_for, officer_b, evaluator_a, period_a):
    url = reverse("satisfaction:import", args=[period_a.unit.slug, period_a.pk])
    assert client_for(officer_b).get(url).status_code == 404
    assert client_for(evaluator_a).get(url).status_code == 404


def test_the_template_has_the_surveys_columns_and_imports_as_it_comes(
    client_for, officer_a, period_a, service_a
):
    import csv
    import io

    client = client_for(officer_a)
    reply = client.get(
        reverse("satisfaction:import-template", args=[period_a.unit.slug, period_a.pk])
    )
    assert reply.status_code == 200 and reply["Content-Type"].startswith("text/csv")
    header, example = list(csv.reader(io.StringIO(reply.content.decode("utf-8-sig"))))
    assert header[:2] == ["layanan", "tanggal"] and "U9" in header and header[-1] == "saran"
    assert example[0] == service_a.name
    assert _upload(client, period_a, reply.content).status_code == 302
    assert Response.objects.filter(collection=period_a.collection).count() == 1


def test_template_is_404_for_other_units(client_for, officer_b, period_a):
    url = reverse("satisfaction:import-template", args=[period_a.unit.slug, period_a.pk])
    assert client_for(officer_b).get(url).status_code == 404
