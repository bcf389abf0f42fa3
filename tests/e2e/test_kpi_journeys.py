"""Browser journeys of unit KPIs (issue 21): the unit head reads the dashboard on a phone (the
charts fit 360 px, axe finds nothing serious), defines a KPI through the error summary and sets
its target; the officer records a value with its evidence; the agency head compares the units.
Elements are found by their form names and addresses, not by words still to be translated."""

from datetime import date

from django.conf import settings

from .conftest import check_accessibility, sign_in, visit

UNIT = "dinsos-mpp-lombok-timur"
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _submit(page, form: str = "main form[method=post]") -> None:
    with page.expect_navigation():
        page.locator(f"{form} button[type=submit]").first.click()


def _no_sideways_scroll(page) -> None:
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, f"{page.url} scrolls sideways by {overflow} px"


def test_unit_head_reads_the_dashboard_on_a_phone_and_defines_a_kpi(phone, demo):
    sign_in(phone, "kepala.dinsos", settings.PANTAU_DEMO_PASSWORD)
    visit(phone, f"/manage/units/{UNIT}/kpis/")
    _no_sideways_scroll(phone)
    charts = phone.locator("svg[role=img]")
    assert charts.count() == 4
    assert phone.locator("svg[role=img] title").count() == 4
    assert phone.locator("svg[role=img] desc").count() == 4
    box = charts.first.bounding_box()
    assert box is not None and box["width"] <= 360
    assert phone.locator("main table caption").count() == 4

    visit(phone, f"/manage/units/{UNIT}/kpis/new/")
    phone.fill("#id_name", "Siswa penerima KIP hadir di sekolah")
    phone.select_option("#id_metric", "custom")
    phone.select_option("#id_frequency", "semester")
    _submit(phone)
    check_accessibility(phone)
    assert phone.locator(".error-summary a[href='#id_unit_of_measure']").is_visible()
    phone.fill("#id_unit_of_measure", "%")
    _submit(phone)
    assert "/targets/" in phone.url
    check_accessibility(phone)
    phone.select_option("#id_end", phone.locator("#id_end option").last.get_attribute("value"))
    phone.fill("#id_value", "95")
    _submit(phone, "main section form[method=post]")
    check_accessibility(phone)
    assert (
        phone.locator("main table tbody tr").first.locator("td.num").inner_text().startswith("95")
    )
    _no_sideways_scroll(phone)


def test_officer_records_a_value_with_its_evidence(page, demo, tmp_path):
    from pantau.kpis.models import Indicator, Measurement

    kpi = Indicator.objects.get(unit__slug=UNIT, name="Penerima bantuan tersalurkan")
    sign_in(page, "petugas.dinsos", settings.PANTAU_DEMO_PASSWORD)
    visit(page, f"/manage/units/{UNIT}/kpis/{kpi.pk}/")
    visit(page, f"/manage/units/{UNIT}/kpis/{kpi.pk}/measurements/new/")
    evidence = tmp_path / "laporan-penyaluran.pdf"
    evidence.write_bytes(PDF)
    first_period = page.locator("#id_period option").first.get_attribute("value")
    page.fill("#id_value", "158")
    page.fill("#id_evidence_note", "Laporan penyaluran bulan ini, ditandatangani kepala seksi.")
    page.set_input_files("#id_evidence", str(evidence))
    _submit(page)
    check_accessibility(page)
    year, month = (int(part) for part in first_period.split("-"))
    measurement = Measurement.objects.get(indicator=kpi, starts_on=date(year, month, 1))
    assert measurement.value == 158 and measurement.evidence_name == "laporan-penyaluran.pdf"
    link = page.locator(f"a[href$='/measurements/{measurement.pk}/evidence/']")
    assert link.count() == 1
    download = page.request.get(page.base_url + link.get_attribute("href"))
    assert download.ok and download.body() == PDF


def test_agency_head_compares_the_units(page, demo):
    sign_in(page, "kadis.sosial", settings.PANTAU_DEMO_PASSWORD)
    visit(page, "/manage/kpis/")
    visit(page, "/manage/kpis/agencies/dinsos-lombok-timur/")
    assert page.locator(f"main a[href='/manage/units/{UNIT}/kpis/']").count() == 1
    export = page.request.get(
        page.base_url + "/manage/kpis/agencies/dinsos-lombok-timur/export.csv"
    )
    assert export.ok and "Penerima bantuan tersalurkan" in export.text()
