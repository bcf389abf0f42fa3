import re

from django.conf import settings

from pantau.satisfaction.models import SurveyPeriod
from pantau.satisfaction.public_views import KIOSK as KIOSK_LINK
from pantau.satisfaction.views import kiosk_signature
from pantau.surveys.models import Response

from .conftest import KIOSK, check_accessibility, sign_in, visit, wait_as_a_person_would

ELEMENT_ANSWERS = [
    "Sangat sesuai",
    "Mudah",
    "Sangat cepat",
    "Gratis",
    "Sesuai",
    "Kompeten",
    "Sangat sopan dan ramah",
    "Baik",
    "Dikelola dengan baik",
]


def _answer_elements(page):
    for index, label in enumerate(ELEMENT_ANSWERS, start=1):
        page.locator(
            "fieldset.question", has=page.locator("legend", has_text=f"U{index}.")
        ).get_by_text(label, exact=True).click()


def test_citizen_answers_on_a_phone_and_sees_the_published_result(phone, demo):
    visit(phone, "/units/ptsp-kecamatan-duren-sawit/")
    assert phone.get_by_text(
        re.compile(r"Indeks kepuasan masyarakat \(IKM\) Triwulan III 2025")
    ).is_visible()
    phone.get_by_role("link", name="Berikan penilaian Anda atas pelayanan").click()
    phone.wait_for_url(re.compile(r"/survei/[\w-]+/$"))
    check_accessibility(phone)
    phone.get_by_text("Izin usaha mikro dan kecil (IUMK)").click()
    _answer_elements(phone)
    phone.get_by_role("group", name="Jenis kelamin").get_by_text("Perempuan").click()
    phone.get_by_label("Usia (tahun)").fill("41")
    phone.get_by_label("Saran dan masukan untuk perbaikan pelayanan").fill("Ruang tunggu nyaman.")
    wait_as_a_person_would(phone)
    phone.get_by_role("button", name="Kirim jawaban saya").click()
    phone.wait_for_url(re.compile(r"/terima-kasih/"))
    check_accessibility(phone)
    number = phone.locator(".receipt").inner_text()
    assert Response.objects.filter(number=number, source="web").exists()
    assert phone.get_by_text("Hasil terakhir yang dipublikasikan: Triwulan III 2025").is_visible()
    overflow = phone.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0


def test_missing_answers_are_marked_and_nothing_is_saved(phone, demo):
    visit(phone, "/survei/unit/ptsp-kecamatan-cakung/")
    before = Response.objects.count()
    phone.get_by_role("button", name="Kirim jawaban saya").click()
    assert phone.get_by_role("alert").first.is_visible()
    check_accessibility(phone)
    assert Response.objects.count() == before


def test_kiosk_at_the_counter_serves_one_person_after_another(browser, live_server, demo):
    period = SurveyPeriod.objects.filter(
        unit__slug="dinsos-mpp-lombok-timur", collection__status="open"
    ).get()
    context = browser.new_context(viewport=KIOSK, locale="id-ID")
    page = context.new_page()
    page.base_url = live_server.url
    kiosk = f"/survei/{period.collection.token}/kiosk/{kiosk_signature(period)}/"
    visit(page, kiosk)
    assert page.locator("body.kiosk").count() == 1
    page.get_by_text("Surat rekomendasi PBI-JKN").click()
    _answer_elements(page)
    wait_as_a_person_would(page)
    page.get_by_role("button", name="Kirim jawaban saya").click()
    page.wait_for_url(re.compile(r"/terima-kasih/.*kiosk="))
    check_accessibility(page)
    page.get_by_role("link", name="Orang berikutnya: mulai survei baru").click()
    page.wait_for_url(re.compile(r"/kiosk/"))
    assert page.locator("input[type=radio]:checked").count() == 0
    assert Response.objects.filter(collection=period.collection, source="kiosk").count() == 1
    # staff leave only with the kiosk's PIN (issue 19)
    page.get_by_role("link", name="Petugas").click()
    page.wait_for_url(re.compile(r"/keluar/"))
    check_accessibility(page)
    page.get_by_label("PIN (6 angka)").fill(
        "000000" if KIOSK_LINK.pin(period.collection.token) != "000000" else "111111"
    )
    page.get_by_role("button", name="Keluar dari kios").click()
    assert page.get_by_text("Itu bukan PIN kios ini.").first.is_visible()
    check_accessibility(page)
    context.close()


def test_unit_head_publishes_a_quarter_and_citizens_see_it(page, demo):
    sign_in(page, "kepala.cakung", settings.PANTAU_DEMO_PASSWORD)
    period = SurveyPeriod.objects.get(unit__slug="ptsp-kecamatan-cakung", year=2025, number=4)
    visit(page, f"/manage/units/ptsp-kecamatan-cakung/skm/{period.pk}/")
    assert page.get_by_role("heading", name="Rencana tindak lanjut").is_visible()
    page.get_by_label("Situs web").check()
    page.get_by_role("button", name="Publikasikan", exact=True).click()
    # A confirmation page says the figures become final, and below the sample asks why.
    assert page.get_by_role("heading", name="Publikasikan hasil Triwulan IV 2025?").is_visible()
    check_accessibility(page)
    assert page.get_by_text("Survei ditutup: tidak ada lagi jawaban").is_visible()
    reason = page.get_by_label("Mengapa dipublikasikan sekarang, di bawah sampel yang diperlukan?")
    if reason.count():
        reason.fill("Laporan triwulan IV wajib terbit akhir Januari.")
    page.get_by_role("button", name="Ya, publikasikan").click()
    assert page.get_by_text("Hasilnya sudah dipublikasikan di portal publik.").is_visible()
    check_accessibility(page)
    assert page.get_by_role("button", name="Koreksi hasil yang sudah dipublikasikan").is_visible()
    visit(page, "/units/ptsp-kecamatan-cakung/skm/")
    assert page.get_by_role("heading", name="Hasil terbaru: Triwulan IV 2025").is_visible()
    assert page.get_by_text(re.compile(r"responden yang diperlukan sampel")).first.is_visible()
    period.refresh_from_db()
    assert period.collection.status == "closed" and period.publications.count() == 1


def test_every_skm_staff_page_is_accessible(page, demo):
    sign_in(page, "kepala.dinsos", settings.PANTAU_DEMO_PASSWORD)
    period = SurveyPeriod.objects.get(unit__slug="dinsos-mpp-lombok-timur", year=2025, number=3)
    base = f"/manage/units/dinsos-mpp-lombok-timur/skm/{period.pk}"
    for path in [
        "/manage/units/dinsos-mpp-lombok-timur/skm/",
        "/manage/units/dinsos-mpp-lombok-timur/skm/new/",
        "/manage/units/dinsos-mpp-lombok-timur/skm/elements/",
        f"{base}/",
        f"{base}/entry/",
        f"{base}/codes/",
        f"{base}/import/",
        f"{base}/held/",
        f"{base}/report/",
        f"{base}/plan/new/",
        "/manage/skm/",
        "/units/dinsos-mpp-lombok-timur/skm/",
        "/units/dinsos-mpp-lombok-timur/skm/poster/",
    ]:
        visit(page, path)
