"""Pantau's own SKM workbook is a file ``pantau ikm`` reads, giving the page's IKM (issue 17)."""

import json

from django.core.management import call_command
from django.urls import reverse

from pantau.satisfaction import selectors
from pantau.satisfaction.tests.conftest import answers_post


def test_pantau_ikm_reads_the_skm_workbook_pantau_exports(
    client, client_for, unit_head_a, period_a, service_a, tmp_path, capsys
):
    form = reverse("survey:form", args=[period_a.collection.token])
    for scores in [(4, 4, 3, 4, 3, 4, 4, 3, 3), (3, 2, 3, 4, 3, 3, 4, 2, 1), (4,) * 9]:
        client.post(form, answers_post(period_a, service=service_a, scores=scores))
    workbook = client_for(unit_head_a).get(
        reverse("satisfaction:report-xlsx", args=[period_a.unit.slug, period_a.pk])
    )
    path = tmp_path / "skm.xlsx"
    path.write_bytes(workbook.content)
    call_command("ikm", str(path), "--json")
    data = json.loads(capsys.readouterr().out)
    results = selectors.period_results(period_a)
    assert data["respondents"] == 3
    assert data["ikm"] == float(results.ikm.ikm) and data["grade"] == results.ikm.grade


def test_blank_lines_are_not_respondents(tmp_path, capsys):
    path = tmp_path / "skm.csv"
    path.write_text(
        "U1,U2,U3,U4,U5,U6,U7,U8,U9\n4,4,3,4,3,4,4,3,3\n\n,,,,,,,,\n3,3,3,3,3,3,3,3,3\n"
    )
    call_command("ikm", str(path), "--json")
    assert json.loads(capsys.readouterr().out)["respondents"] == 2


def test_the_workbook_speaks_words_and_keeps_number_formats(
    client, client_for, unit_head_a, period_a, service_a, tmp_path
):
    from io import BytesIO

    from openpyxl import load_workbook

    form = reverse("survey:form", args=[period_a.collection.token])
    extra = {"jenis_kelamin": "2", "pekerjaan": "6", "pekerjaan__other": "Petani"}
    assert client.post(form, answers_post(period_a, service=service_a, **extra)).status_code == 302
    content = (
        client_for(unit_head_a)
        .get(reverse("satisfaction:report-xlsx", args=[period_a.unit.slug, period_a.pk]))
        .content
    )
    book = load_workbook(BytesIO(content))
    summary = {row[0].value: row[1] for row in book.worksheets[0].iter_rows() if row[0].value}
    assert summary["IKM (25–100)"].number_format == "0.00", list(summary)
    weight = [v.value for k, v in summary.items() if "Bobot" in str(k)][0]
    assert "1/n" in weight and "exact" not in weight
    data = list(book.worksheets[3].iter_rows(values_only=True))
    header, first = data[0], data[1]
    assert "Asia/Jakarta" in header[1]
    row = dict(zip(header, first, strict=True))
    assert row[header[2]] == "Daring"  # not "web"
    assert row["U1"] == 4  # scored elements stay numbers
    assert row["jenis_kelamin"] == "Perempuan"
    assert row["pekerjaan"] == "Lainnya: Petani"


def test_rows_keep_their_own_channel_when_saved_together(period_a, service_a):
    import uuid

    from pantau.satisfaction.instrument import ELEMENT_KEYS
    from pantau.surveys.models import Item, Response
    from pantau.surveys.services import ResponseRow, bulk_create_responses

    items = {i.key: i for i in Item.objects.filter(version=period_a.collection.version)}
    answers = [(items[key], 3, "") for key in ELEMENT_KEYS]
    rows = [
        ResponseRow(answers=answers, service=service_a, submission_token=uuid.uuid4(), source=s)
        for s in (Response.Source.KIOSK, Response.Source.PAPER, None)
    ]
    bulk_create_responses(collection=period_a.collection, rows=rows, source=Response.Source.WEB)
    assert sorted(Response.objects.values_list("source", flat=True)) == ["kiosk", "paper", "web"]


def test_the_report_pdf_prints_the_pages_figures(
    client, client_for, unit_head_a, period_a, service_a
):
    """Figure by figure, the PDF rounds as the page does (it used to cut: 3,685 for 3,686)."""
    from io import BytesIO

    from django.template.defaultfilters import floatformat
    from django.utils import translation
    from pypdf import PdfReader

    form = reverse("survey:form", args=[period_a.collection.token])
    for scores in [(4, 4, 3, 4, 3, 4, 4, 3, 3), (4, 3, 4, 4, 4, 3, 4, 4, 4), (3,) * 9]:
        client.post(form, answers_post(period_a, service=service_a, scores=scores))
    staff = client_for(unit_head_a)
    pdf = staff.get(reverse("satisfaction:report-pdf", args=[period_a.unit.slug, period_a.pk]))
    text = " ".join(page.extract_text() for page in PdfReader(BytesIO(pdf.content)).pages)
    text = " ".join(text.split())
    results = selectors.period_results(period_a)
    with translation.override("id"):
        expected = [floatformat(results.ikm.ikm_4, 3), floatformat(results.ikm.ikm, 2)]
        expected += [floatformat(row.nrr, 3) for row in results.elements]
    missing = [figure for figure in expected if figure not in text]
    assert missing == [], (missing, text[:400])


def test_server_made_pdfs_embed_every_font(client, client_for, unit_head_a, period_a, service_a):
    from pantau.common.pdf import fonts_not_embedded

    client.post(
        reverse("survey:form", args=[period_a.collection.token]),
        answers_post(period_a, service=service_a),
    )
    staff = client_for(unit_head_a)
    report = staff.get(reverse("satisfaction:report-pdf", args=[period_a.unit.slug, period_a.pk]))
    recap = staff.get(reverse("complaints:recap"), {"unit": period_a.unit.slug, "format": "pdf"})
    for pdf in (report, recap):
        assert pdf.content.startswith(b"%PDF")
        assert fonts_not_embedded(pdf.content) == set()
