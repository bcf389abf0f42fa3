import re

from django.conf import settings

from pantau.complaints.models import Complaint

from .conftest import check_accessibility, sign_in, visit, wait_as_a_person_would


def test_report_from_phone_to_rated_answer(phone, page, demo):
    # A citizen files a complaint about the Dinas Sosial counter on a phone.
    visit(phone, "/units/dinsos-mpp-lombok-timur/")
    phone.get_by_role("link", name="Sampaikan pengaduan, saran, atau pertanyaan").click()
    phone.wait_for_url(re.compile(r"/lapor/\?unit="))
    check_accessibility(phone)
    phone.get_by_label("Layanan apa?").select_option(label="Surat rekomendasi PBI-JKN")
    phone.get_by_label("Judul").fill("Rekomendasi tidak kunjung terbit")
    phone.get_by_label("Apa yang terjadi?").fill(
        "Sudah tiga minggu rekomendasi PBI-JKN belum terbit."
    )
    phone.get_by_label("Nama Anda").fill("Siti")
    wait_as_a_person_would(phone)
    phone.get_by_role("button", name="Kirim laporan").click()
    phone.wait_for_url(re.compile(r"/lapor/diterima/"))
    check_accessibility(phone)
    receipts = phone.locator(".receipt").all_inner_texts()
    number, code = receipts[0], receipts[1]
    assert Complaint.objects.filter(tracking_number=number, status="received").exists()

    # The unit head verifies, assigns it to the unit and answers.
    sign_in(page, "kepala.dinsos", settings.PANTAU_DEMO_PASSWORD)
    visit(page, "/manage/complaints/")
    page.get_by_role("link", name=number).click()
    check_accessibility(page)
    page.locator(
        "form.action-form", has=page.get_by_role("heading", name="Verifikasi")
    ).get_by_role("button").click()
    page.locator(
        "form.action-form", has=page.get_by_role("heading", name="Disposisikan ke unit")
    ).get_by_role("button").click()
    answer = page.locator("form.action-form", has=page.get_by_role("heading", name="Jawab pelapor"))
    answer.get_by_label("Jawaban (dibaca pelapor)").fill(
        "Rekomendasi sudah terbit dan dapat diambil di loket."
    )
    answer.get_by_role("button").click()
    assert page.get_by_text("Sudah dijawab").first.is_visible()
    check_accessibility(page)

    # The citizen tracks the report, reads the answer and rates it.
    visit(phone, "/lapor/lacak/")
    phone.get_by_label("Nomor pelacakan").fill(number)
    phone.get_by_label("Kode akses").fill(code)
    phone.get_by_role("button", name="Tampilkan laporan").click()
    phone.wait_for_url(re.compile(r"/lapor/status/"))
    check_accessibility(phone)
    assert phone.get_by_text("Rekomendasi sudah terbit dan dapat diambil di loket.").is_visible()
    phone.get_by_text("4 – Puas", exact=True).click()  # each point is labelled (issue 19)
    phone.get_by_role("button", name="Beri nilai").click()
    assert phone.get_by_text("Anda menilai penyelesaiannya 4 dari 5.").is_visible()
    assert Complaint.objects.get(tracking_number=number).rating == 4


def test_complaint_staff_pages_are_accessible(page, demo):
    sign_in(page, "koordinator.jaktim", settings.PANTAU_DEMO_PASSWORD)
    visit(page, "/manage/complaints/")
    visit(page, "/manage/complaints/new/")
    visit(page, "/manage/complaints/recap/")
    first = Complaint.objects.filter(unit__slug="ptsp-kecamatan-cakung", integrity=False).first()
    visit(page, f"/manage/complaints/{first.tracking_number}/")


def test_public_register_and_statistics_are_accessible(phone, demo):
    visit(phone, "/lapor/register/")
    phone.locator("table a[href^='/lapor/laporan/']").first.click()  # a report's own page
    phone.wait_for_url(re.compile(r"/lapor/laporan/"))
    check_accessibility(phone)
    visit(phone, "/lapor/statistik/ulpk-bbpom-yogyakarta/?year=2021")
    assert phone.get_by_text(
        "1220"
    ).first.is_visible()  # information requests in 2021 (domain spec 3.5)


def test_a_report_sent_too_soon_is_refused_with_everything_kept(phone, demo, settings):
    # However fast this journey runs, the form counts as sent too soon; then as if time passed.
    settings.PANTAU_FORM_MIN_SECONDS = 3600
    visit(phone, "/lapor/?unit=dinsos-mpp-lombok-timur")
    phone.get_by_label("Judul").fill("Antrean tidak bergerak")
    phone.get_by_label("Apa yang terjadi?").fill("Dua jam menunggu di loket tanpa panggilan.")
    phone.get_by_role("button", name="Kirim laporan").click()
    alert = phone.get_by_role("alert").filter(has_text="Formulir Anda tidak terkirim")
    assert alert.is_visible() and "terlalu cepat" in alert.inner_text()
    check_accessibility(phone)
    assert phone.get_by_label("Judul").input_value() == "Antrean tidak bergerak"
    assert phone.get_by_label("Apa yang terjadi?").input_value().startswith("Dua jam menunggu")
    assert not Complaint.objects.filter(subject="Antrean tidak bergerak").exists()
    settings.PANTAU_FORM_MIN_SECONDS = 0
    phone.get_by_role("button", name="Kirim laporan").click()
    phone.wait_for_url(re.compile(r"/lapor/diterima/"))
    assert Complaint.objects.filter(subject="Antrean tidak bergerak").exists()


def test_no_report_is_lost_and_none_stays_stuck(page, demo):
    # A coordinator takes a phone call about a regency office far outside her own tree.
    sign_in(page, "koordinator.jaktim", settings.PANTAU_DEMO_PASSWORD)
    visit(page, "/manage/complaints/new/")
    page.get_by_label("Kanal").select_option(label="Telepon")
    page.get_by_label(
        "Jika tidak tahu unitnya: pemerintah daerah atau instansi mana?"
    ).select_option(label="Dinas Sosial Kabupaten Lombok Timur (Pemerintah Kabupaten Lombok Timur)")
    page.get_by_label("Judul").fill("Bantuan tidak sampai")
    page.get_by_label("Apa yang terjadi?").fill("Penelepon belum menerima bantuan sejak Mei.")
    page.get_by_label("Pesan asli, sebagaimana diterima").fill("Catatan telepon pukul 09.10.")
    page.get_by_role("button", name="Catat", exact=True).click()
    page.wait_for_url(re.compile(r"/manage/complaints/LP-"))
    check_accessibility(page)
    assert page.get_by_text("kode akses").first.is_visible()  # the code reaches the caller
    recorded = Complaint.objects.get(subject="Bantuan tidak sampai")
    assert recorded.entered_by.username == "koordinator.jaktim"

    # An officer resumes a report that waited for the reporter, who answered by telephone.
    page.context.clear_cookies()
    sign_in(page, "petugas.dinsos", settings.PANTAU_DEMO_PASSWORD)
    waiting = Complaint.objects.get(status="postponed", unit__slug="dinsos-mpp-lombok-timur")
    visit(page, f"/manage/complaints/{waiting.tracking_number}/")
    assert page.get_by_text("tenggat dihentikan sementara").first.is_visible()
    resume = page.locator(
        "form.action-form",
        has=page.get_by_role("heading", name="Lanjutkan: pelapor menjawab melalui saluran lain"),
    )
    resume.get_by_label("Apa yang dikirim pelapor, dan melalui apa (dibaca pelapor)").fill(
        "Pelapor menyebutkan NIK lewat telepon."
    )
    resume.get_by_role("button").click()
    check_accessibility(page)
    waiting.refresh_from_db()
    assert waiting.status != "postponed" and waiting.postponed_on is None

    # The integrity report about the Cakung counter reaches the Inspektorat, not the counter.
    page.context.clear_cookies()
    sign_in(page, "inspektorat.jaktim", settings.PANTAU_DEMO_PASSWORD)
    integrity = Complaint.objects.get(integrity=True)
    visit(page, f"/manage/complaints/{integrity.tracking_number}/")
    assert page.get_by_text("laporan integritas: tidak ditampilkan kepada unit").is_visible()
    page.context.clear_cookies()
    sign_in(page, "kepala.cakung", settings.PANTAU_DEMO_PASSWORD)
    visit(page, f"/manage/complaints/{integrity.tracking_number}/", status=404)


def test_a_long_report_pasted_on_a_phone_is_counted_not_cut(phone, demo):
    """Issue 19: the box never cuts a pasted text; the count says how far over it is, and the
    server refuses with the limit named while the text stays whole."""
    visit(phone, "/lapor/?unit=dinsos-mpp-lombok-timur")
    box = phone.get_by_label("Apa yang terjadi?")
    pasted = "Antrean tidak bergerak sejak pagi. " * 300  # 10,500 characters
    box.fill(pasted)
    assert len(box.input_value()) == len(pasted)  # nothing cut by the browser
    count = phone.locator("#id_description-count")
    assert "dari 10.000 karakter" in count.inner_text()
    assert "over" in (count.get_attribute("class") or "")
    check_accessibility(phone)


def test_an_empty_report_on_a_phone_shows_its_errors_first(phone, demo):
    """Issue 19: the page title starts with "Galat:", focus moves to the summary at the top, and
    a link in it takes the cursor to its field."""
    visit(phone, "/lapor/?unit=dinsos-mpp-lombok-timur")
    wait_as_a_person_would(phone)
    phone.get_by_role("button", name="Kirim laporan").click()
    phone.wait_for_load_state()
    assert phone.title().startswith("Galat:")
    focused = phone.evaluate("document.activeElement.hasAttribute('data-error-summary')")
    assert focused
    summary = phone.locator("[data-error-summary]")
    assert summary.is_visible() and summary.bounding_box()["y"] < 900
    summary.get_by_role("link", name=re.compile("Apa yang terjadi")).click()
    assert phone.evaluate("document.activeElement.id") == "id_description"
    check_accessibility(phone)


def test_the_receipt_is_saved_on_the_phone(phone, demo):
    """Issue 19: without e-mail the access code was easily lost; the receipt page saves it."""
    visit(phone, "/lapor/?unit=dinsos-mpp-lombok-timur")
    phone.get_by_label("Judul").fill("Antrean tidak bergerak")
    phone.get_by_label("Apa yang terjadi?").fill("Sejak pagi antrean tidak bergerak.")
    wait_as_a_person_would(phone)
    phone.get_by_role("button", name="Kirim laporan").click()
    phone.wait_for_url(re.compile(r"/lapor/diterima/"))
    number, code = phone.locator(".receipt").all_inner_texts()[:2]
    with phone.expect_download() as download:
        phone.get_by_role("link", name="Simpan tanda terima di perangkat ini").click()
    saved = download.value
    assert saved.suggested_filename == f"tanda-terima-{number}.txt"
    text = open(saved.path(), encoding="utf-8").read()
    assert number in text and code in text
    check_accessibility(phone)
