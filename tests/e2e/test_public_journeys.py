from playwright.sync_api import expect

from .conftest import check_accessibility, visit


def test_citizen_finds_a_unit_and_reads_how_to_reach_it(page, demo):
    visit(page, "/")
    page.get_by_label("Cari unit layanan atau jenis layanan").fill("Kartu Indonesia Pintar")
    page.get_by_role("button", name="Cari").click()
    page.wait_for_url("**/units/?q=*")
    check_accessibility(page)
    page.get_by_role("link", name="Loket Dinas Sosial di MPP Lombok Timur").click()
    page.wait_for_url("**/units/dinsos-mpp-lombok-timur/")
    check_accessibility(page)
    assert page.get_by_role("heading", name="Jam layanan").is_visible()
    assert page.get_by_text("08.00–16.00 WITA").first.is_visible()


def test_citizen_switches_to_english(page, demo):
    visit(page, "/units/")
    with page.expect_navigation():
        page.get_by_role("link", name="English").click()
    expect(page.get_by_role("heading", name="Service units", level=1)).to_be_visible()
    assert page.locator("html").get_attribute("lang") == "en"
    check_accessibility(page)


def test_pages_fit_a_360px_phone(phone, demo):
    for path in [
        "/",
        "/units/",
        "/units/ptsp-kecamatan-duren-sawit/",
        "/accounts/login/",
        "/hak-warga/",
        "/aksesibilitas/",
        "/units/dinsos-mpp-lombok-timur/tindak-lanjut/",
        "/units/dinsos-mpp-lombok-timur/jemput-bola/",
        "/lapor/kode-hilang/",
    ]:
        visit(phone, path)
        overflow = phone.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"{path} scrolls sideways by {overflow}px on a phone"


def test_unknown_page_is_a_friendly_404(page, demo):
    visit(page, "/units/tidak-ada/", status=404)
    assert page.get_by_role("heading", name="Halaman tidak ditemukan").is_visible()


def test_keyboard_user_can_skip_to_content(page, demo):
    visit(page, "/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Langsung ke konten utama")
    assert skip.is_visible()
    skip.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_citizen_reads_what_the_unit_did_with_reports(page, demo):
    """Issue 19: each unit shows, month by month, what residents reported and what it did."""
    visit(page, "/units/dinsos-mpp-lombok-timur/")
    page.get_by_role("link", name="Apa yang kami lakukan dengan laporan Anda").click()
    page.wait_for_url("**/units/dinsos-mpp-lombok-timur/tindak-lanjut/")
    check_accessibility(page)
    assert (
        page.get_by_role("heading", level=1)
        .inner_text()
        .startswith("Apa yang kami lakukan dengan laporan Anda")
    )
    assert page.get_by_text("laporan diterima").is_visible()
    page.get_by_role("navigation", name="Bulan lain").get_by_role("link").first.click()
    page.wait_for_url("**/tindak-lanjut/20*/")
    check_accessibility(page)


def test_the_citizens_pages_work_on_a_desktop_too(page, demo):
    """The pages added for issue 19, at 1280 px: axe clean, nothing wider than the screen."""
    for path in [
        "/hak-warga/",
        "/aksesibilitas/",
        "/units/dinsos-mpp-lombok-timur/tindak-lanjut/",
        "/units/dinsos-mpp-lombok-timur/jemput-bola/",
        "/lapor/kode-hilang/",
        "/units/?q=dinsos",
    ]:
        visit(page, path)
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"{path} scrolls sideways by {overflow}px at 1280 px"
