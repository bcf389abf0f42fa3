import io
import uuid

from django.urls import reverse
from openpyxl import load_workbook

from pantau.satisfaction import services
from pantau.satisfaction.instrument import ELEMENT_KEYS, unit_skm_version
from pantau.satisfaction.models import SuggestionTheme
from pantau.satisfaction.tests.conftest import answers_post
from pantau.surveys.models import Answer, Item
from pantau.surveys.services import submit_response


def _answer(client, period, service, **extra):
    return client.post(
        reverse("survey:form", args=[period.collection.token]),
        answers_post(period, service=service, **extra),
    )


def test_report_page_pdf_and_xlsx(client, client_for, unit_head_a, period_a, service_a):
    _answer(client, period_a, service_a, saran="Tambah kursi tunggu.", jenis_kelamin="1")
    staff = client_for(unit_head_a)
    page = staff.get(reverse("satisfaction:report", args=[period_a.unit.slug, period_a.pk]))
    assert page.status_code == 200
    body = page.content.decode()
    assert "BAB I. Pendahuluan" in body and "BAB IV" in body and "Tambah kursi tunggu." in body
    pdf = staff.get(reverse("satisfaction:report-pdf", args=[period_a.unit.slug, period_a.pk]))
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    xlsx = staff.get(reverse("satisfaction:report-xlsx", args=[period_a.unit.slug, period_a.pk]))
    workbook = load_workbook(io.BytesIO(xlsx.content), read_only=True)
    assert workbook.sheetnames == ["Hasil", "Unsur", "Profil", "Data"]
    data = list(workbook["Data"].iter_rows(values_only=True))
    assert data[0][4:13] == tuple(f"U{i}" for i in range(1, 10))
    assert data[1][4:13] == (4, 4, 3, 4, 3, 4, 4, 3, 3) and len(data) == 2
    elements = list(workbook["Unsur"].iter_rows(values_only=True))
    assert elements[1][:4] == ("U1", "Persyaratan", 1, 4)


def test_report_is_404_for_other_units(client_for, officer_b, period_a):
    for name in ("report", "report-pdf", "report-xlsx"):
        assert (
            client_for(officer_b)
            .get(reverse(f"satisfaction:{name}", args=[period_a.unit.slug, period_a.pk]))
            .status_code
            == 404
        )


def test_unit_adds_its_own_element_and_weights_become_one_tenth(
    client_for, unit_head_a, unit_a, service_a
):
    client = client_for(unit_head_a)
    url = reverse("satisfaction:unit-elements", args=[unit_a.slug])
    response = client.post(
        url,
        {
            "el-TOTAL_FORMS": "1",
            "el-INITIAL_FORMS": "0",
            "el-MIN_NUM_FORMS": "0",
            "el-MAX_NUM_FORMS": "10",
            "el-0-label": "Transparansi",
            "el-0-question": "Bagaimana keterbukaan informasi pelayanan?",
        },
    )
    assert response.status_code == 302
    version = unit_skm_version(unit_a)
    assert version.items.filter(section__kind="scored").count() == 10
    period = services.create_period(
        actor=unit_head_a,
        unit=unit_a,
        kind="year",
        year=2025,
        number=1,
        population=30,
        services=[service_a],
    )
    services.change_period_status(actor=unit_head_a, period=period, action="open")
    items = {i.key: i for i in Item.objects.filter(version=period.collection.version)}
    extra = next(key for key in items if key.startswith("unit-"))
    submit_response(
        collection=period.collection,
        submission_token=uuid.uuid4(),
        source="web",
        service=service_a,
        answers=[(items[k], 4, "") for k in ELEMENT_KEYS] + [(items[extra], 2, "")],
    )
    from pantau.satisfaction.selectors import period_results

    result = period_results(period).ikm
    assert result.weight == 0.1 and float(result.ikm) == 95.0  # (9 × 4 + 2) / 10 × 25


def test_other_unit_head_cannot_change_elements(client_for, unit_head_b, unit_a):
    assert (
        client_for(unit_head_b)
        .get(reverse("satisfaction:unit-elements", args=[unit_a.slug]))
        .status_code
        == 404
    )


def test_officer_tags_a_suggestion_by_theme_not_other_unit(
    client, client_for, officer_a, officer_b, period_a, service_a
):
    _answer(client, period_a, service_a, saran="Antrean terlalu lama.")
    suggestion = Answer.objects.get(item__key="saran")
    url = reverse("satisfaction:suggestion-tag", args=[period_a.unit.slug, period_a.pk])
    assert (
        client_for(officer_b).post(url, {"answer": suggestion.pk, "theme": "waktu"}).status_code
        == 404
    )
    client_for(officer_a).post(url, {"answer": suggestion.pk, "theme": "waktu"})
    client_for(officer_a).post(url, {"answer": suggestion.pk, "theme": "bogus"})
    assert list(SuggestionTheme.objects.values_list("theme", flat=True)) == ["waktu"]
    page = client_for(officer_a).get(
        reverse("satisfaction:period-detail", args=[period_a.unit.slug, period_a.pk])
    )
    assert page.context["theme_counts"] == [("Waktu pelayanan", 1)]
    client_for(officer_a).post(url, {"answer": suggestion.pk, "theme": "waktu", "remove": "1"})
    assert not SuggestionTheme.objects.exists()
