"""Browser journeys of service standards: a citizen on a phone finds a service and its one-page
guide; a unit head runs a consultation forum and sets and publishes a standard."""

from django.conf import settings
from playwright.sync_api import expect

from .conftest import check_accessibility, sign_in, visit


def _submit(page, name: str) -> None:
    """Click a form's button and wait for the page it leads to (no race with the next step)."""
    with page.expect_navigation():
        page.get_by_role("button", name=name).click()


PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def test_citizen_on_a_phone_finds_a_service_and_downloads_its_guide(phone, demo):
    visit(phone, "/")
    phone.get_by_label("Cari unit layanan atau jenis layanan").fill("PBI-JKN")
    phone.get_by_role("button", name="Cari").click()
    phone.wait_for_url("**/units/?q=*")
    check_accessibility(phone)
    phone.get_by_role("link", name="Loket Dinas Sosial di MPP Lombok Timur").click()
    phone.wait_for_url("**/units/dinsos-mpp-lombok-timur/")
    check_accessibility(phone)
    phone.get_by_role("link", name="Surat rekomendasi PBI-JKN", exact=True).click()
    phone.wait_for_url("**/services/surat-rekomendasi-pbi-jkn/")
    check_accessibility(phone)
    assert phone.get_by_text("Surat keterangan tidak mampu dari desa/kelurahan").is_visible()
    assert phone.get_by_text("1 hari kerja").first.is_visible()
    assert phone.get_by_text("Gratis (Rp0)").first.is_visible()
    overflow = phone.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0
    transferred = phone.evaluate(
        "performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'))"
        ".reduce((sum, entry) => sum + (entry.transferSize || entry.encodedBodySize || 0), 0)"
    )
    assert 0 < transferred < 200_000, f"the service page transfers {transferred} bytes"
    href = phone.get_by_role("link", name="Unduh panduan satu halaman (PDF)").get_attribute("href")
    guide = phone.request.get(phone.base_url + href)
    assert guide.ok and guide.headers["content-type"] == "application/pdf"
    assert guide.body().startswith(b"%PDF")
    # The earlier version stays readable as history.
    phone.get_by_role("link", name="Versi sebelumnya dari standar ini").click()
    check_accessibility(phone)
    phone.get_by_role("link", name="Versi 1").click()
    check_accessibility(phone)
    assert phone.get_by_text("3 hari kerja").first.is_visible()


def test_unit_head_runs_a_forum_and_sets_a_standard(page, demo):
    unit = "dinsos-mpp-lombok-timur"
    sign_in(page, "kepala.dinsos", settings.PANTAU_DEMO_PASSWORD)
    visit(page, f"/manage/units/{unit}/forums/")
    page.get_by_role("link", name="Rencanakan forum").click()
    check_accessibility(page)
    page.locator("[name=topic]").select_option("drafting")
    page.locator("[name=title]").fill("FKP standar rekomendasi KIP")
    page.locator("[name=held_on]").fill("2026-01-10")
    page.locator("[name=place]").fill("Aula MPP")
    page.get_by_role("button", name="Simpan").click()
    page.wait_for_url("**/forums/*/")
    check_accessibility(page)
    for name, kind in [
        ("Ibu Rukmini", "service_user"),
        ("Pak Darto", "service_user"),
        ("Dr. Hamdi", "expert"),
    ]:
        page.locator("[name=participant-name]").fill(name)
        page.locator("[name=participant-kind]").select_option(kind)
        _submit(page, "Undang")
    for checkbox in page.locator("input[name=attended]").all():
        checkbox.check()
    _submit(page, "Simpan daftar hadir")
    _submit(page, "Catat forum sudah dilaksanakan")
    check_accessibility(page)
    _submit(page, "Ya, catat sebagai sudah dilaksanakan")
    # Two service users attended: the page and the berita acara both say 2 (issue 16).
    expect(page.get_by_text("Pengguna layanan: 2")).to_be_visible()
    forum_page = page.url
    page.get_by_role("link", name="Rancangan berita acara").click()
    expect(page.get_by_text("Pengguna layanan: 2")).to_be_visible()
    page.goto(forum_page)

    visit(page, f"/manage/units/{unit}/standards/")
    page.get_by_role("link", name="Versi 1").click()
    check_accessibility(page)
    page.locator("[name=forum]").select_option(label="FKP standar rekomendasi KIP (10-01-2026)")
    _submit(page, "Catat pembahasan dalam forum")
    page.locator("[name=decree_number]").fill("188.4/77/SP/2026")
    page.locator("[name=decree_date]").fill("2026-01-20")
    page.locator("[name=decree_file]").set_input_files(
        {"name": "sk.pdf", "mimeType": "application/pdf", "buffer": PDF}
    )
    page.locator("[name=understood]").check()
    _submit(page, "Tetapkan standar")
    check_accessibility(page)
    _submit(page, "Publikasikan: berlakukan versi ini")
    check_accessibility(page)
    _submit(page, "Ya, berlakukan")
    expect(page.get_by_text("Dipublikasikan, berlaku").first).to_be_visible()

    visit(page, f"/units/{unit}/services/rekomendasi-kartu-indonesia-pintar-kip/")
    assert page.get_by_text("188.4/77/SP/2026").is_visible()


def test_pledge_publications_and_forum_pages_are_accessible(page, demo):
    from pantau.standards.models import Forum

    unit = "ptsp-kecamatan-duren-sawit"
    forum = Forum.objects.filter(unit__slug=unit).first()
    for path in [
        f"/units/{unit}/",
        f"/units/{unit}/report-card/",
        "/mpp/mpp-lombok-timur/",
        "/units/dinsos-mpp-lombok-timur/report-card/",
        f"/units/{unit}/maklumat/",
        f"/units/{unit}/maklumat/poster/",
        f"/units/{unit}/forums/{forum.pk}/",
    ]:
        visit(page, path)
    sign_in(page, "kepala.durensawit", settings.PANTAU_DEMO_PASSWORD)
    for path in [
        "/manage/standards/",
        f"/manage/units/{unit}/standards/",
        f"/manage/units/{unit}/maklumat/",
        f"/manage/units/{unit}/publications/",
        f"/manage/units/{unit}/forums/",
        f"/manage/units/{unit}/forums/{forum.pk}/",
        f"/manage/units/{unit}/forums/{forum.pk}/attendance-list/",
        f"/manage/units/{unit}/forums/{forum.pk}/berita-acara/",
        f"/manage/units/{unit}/standards/import/",
    ]:
        visit(page, path)
    assert page.get_by_role("heading", name="Impor layanan dan standar").is_visible()


def test_public_pages_stay_under_200_kb_without_javascript(browser, live_server, demo):
    context = browser.new_context(viewport={"width": 360, "height": 740}, java_script_enabled=False)
    page = context.new_page()
    unit = "dinsos-mpp-lombok-timur"
    for path in [
        "/",
        "/units/?q=PBI-JKN",
        f"/units/{unit}/",
        f"/units/{unit}/services/surat-rekomendasi-pbi-jkn/",
        f"/units/{unit}/report-card/",
        f"/units/{unit}/maklumat/",
        "/mpp/mpp-lombok-timur/",
    ]:
        response = page.goto(live_server.url + path)
        assert response is not None and response.status == 200, path
        sizes = [len(response.body())]
        for request_url in page.evaluate(
            "Array.from(document.querySelectorAll('link[rel=stylesheet], script[src], img[src]'))"
            ".map(e => e.href || e.src)"
        ):
            if request_url.startswith(live_server.url):
                sizes.append(len(page.request.get(request_url).body()))
        assert sum(sizes) < 200_000, f"{path} needs {sum(sizes)} bytes"
    context.close()
