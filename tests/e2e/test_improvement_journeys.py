"""Browser journeys of the improvement register (issue 21): the unit head plans an action from
the weakest SKM element on a phone, through the error summary; the officer records it done with
evidence; a citizen reads "you said, we did" with the figure before and after; an evaluator
compares the units' registers. Every page at 360 px without sideways scrolling, axe on each.
Elements are found by their form names and addresses, not by words still to be translated."""

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


def test_unit_head_plans_from_the_weakest_element_and_the_officer_reports_it_done(
    phone, browser, live_server, demo, tmp_path
):
    from pantau.improvements.models import Action

    sign_in(phone, "kepala.dinsos", settings.PANTAU_DEMO_PASSWORD)
    visit(phone, f"/manage/units/{UNIT}/perbaikan/")
    _no_sideways_scroll(phone)
    phone.locator("#sources-title ~ ul a[href*='source=skm_element']").first.click()
    phone.wait_for_url("**/perbaikan/new/?source=skm_element*")
    check_accessibility(phone)
    assert phone.locator("#id_metric_key").input_value().startswith("skm.element:")
    phone.fill("#id_title", "Petugas informasi di pintu masuk")
    phone.fill("#id_due_on", "2030-06-30")
    _submit(phone)
    check_accessibility(phone)
    assert phone.locator(".error-summary a[href='#id_owner']").is_visible()
    phone.select_option("#id_owner", index=1)
    _submit(phone)
    assert "/perbaikan/" in phone.url and "/new/" not in phone.url
    check_accessibility(phone)
    _no_sideways_scroll(phone)
    action = Action.objects.get(title="Petugas informasi di pintu masuk")
    assert action.source == "skm_element" and action.planned_by.username == "kepala.dinsos"

    context = browser.new_context(viewport={"width": 360, "height": 740}, locale="en-US")
    officer = context.new_page()
    officer.base_url = live_server.url
    sign_in(officer, "petugas.dinsos", settings.PANTAU_DEMO_PASSWORD)
    visit(officer, f"/manage/units/{UNIT}/perbaikan/{action.pk}/")
    officer.select_option("#id_status", "done")
    officer.fill("#id_completed_on", "2025-06-02")
    officer.fill("#id_evidence_note", "Petugas berjaga pukul 08.00-12.00.")
    evidence = tmp_path / "jadwal-piket.pdf"
    evidence.write_bytes(PDF)
    officer.set_input_files("#id_evidence", str(evidence))
    _submit(officer, "main form[enctype]")
    check_accessibility(officer)
    _no_sideways_scroll(officer)
    action.refresh_from_db()
    assert action.status == "done" and action.files.count() == 1
    context.close()


def test_a_citizen_reads_you_said_we_did_with_the_figure_before_and_after(phone, demo):
    visit(phone, f"/units/{UNIT}/")
    assert phone.locator("#improvements-title").is_visible()
    _no_sideways_scroll(phone)
    visit(phone, f"/units/{UNIT}/perbaikan/")
    _no_sideways_scroll(phone)
    story = phone.locator("li.card", has_text="Loket tambahan pada jam sibuk")
    assert story.locator("p.figure strong").is_visible()  # the figure after


def test_an_evaluator_compares_the_units_registers(page, demo):
    sign_in(page, "penilai.kemenpan", settings.PANTAU_DEMO_PASSWORD)
    visit(page, "/manage/perbaikan/")
    assert page.locator(f"main a[href='/manage/units/{UNIT}/perbaikan/']").is_visible()
    visit(page, f"/manage/units/{UNIT}/perbaikan/?status=done")
    assert page.locator("main ul.cards li.card").count() >= 1


def test_the_team_reads_the_annual_plan_and_its_realisation_on_phone_and_desktop(phone, page, demo):
    from django.utils import timezone

    year = timezone.localdate().year
    sign_in(phone, "kepala.dinsos", settings.PANTAU_DEMO_PASSWORD)
    visit(phone, f"/manage/units/{UNIT}/perbaikan/")
    with phone.expect_navigation():
        phone.locator(f"main a[href='/manage/units/{UNIT}/perbaikan/rencana/{year}/']").click()
    check_accessibility(phone)
    _no_sideways_scroll(phone)
    for kind in ("rencana", "realisasi"):
        for when in (year - 1, year):
            visit(phone, f"/manage/units/{UNIT}/perbaikan/{kind}/{when}/?by=figure")
            _no_sideways_scroll(phone)
    with phone.expect_download() as download:
        phone.locator(f"main a[href$='/realisasi/{year}/pdf/?by=figure']").click()
    assert download.value.suggested_filename == f"realisasi-perbaikan-{UNIT}-{year}.pdf"

    sign_in(page, "penilai.kemenpan", settings.PANTAU_DEMO_PASSWORD)
    visit(page, "/manage/perbaikan/")
    agency_plan = page.locator("main a[href*='/manage/agencies/'][href*='/perbaikan/rencana/']")
    assert agency_plan.count() >= 1
    with page.expect_navigation():
        agency_plan.first.click()
    check_accessibility(page)
    assert "/perbaikan/rencana/" in page.url and page.locator("main h1").is_visible()
