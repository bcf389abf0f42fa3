"""Perception studies in the browser: an officer answers Form B, a citizen answers Form A on a
phone, the unit head reads the results of the Lombok Timur study."""

import re

from django.conf import settings

from pantau.studies.models import ProviderParticipation, RespondentGroup, Study
from pantau.surveys.models import Response

from .conftest import check_accessibility, sign_in, visit


def _agree_with_everything(page):
    questions = page.locator("fieldset.question")
    for index in range(questions.count()):
        question = questions.nth(index)
        option = question.get_by_text("Setuju", exact=True)
        if option.count() and not question.locator("input:checked").count():
            option.click()


def test_officer_answers_the_providers_form_once(page, demo):
    sign_in(page, "petugas.dinsos", settings.PANTAU_DEMO_PASSWORD)
    visit(page, "/manage/studies/")
    page.get_by_role("link", name="Studi persepsi New Public Service 2026").first.click()
    page.wait_for_url(re.compile(r"/manage/studies/\d+/answer/$"))
    check_accessibility(page)
    _agree_with_everything(page)
    page.get_by_role("button", name="Kirim jawaban saya").click()
    page.wait_for_url(re.compile(r"/manage/studies/\d+/$"))
    check_accessibility(page)
    study = Study.objects.get(title="Studi persepsi New Public Service 2026")
    group = study.groups.get(role=RespondentGroup.Role.PROVIDER)
    assert Response.objects.filter(collection=group.collection).count() == 1
    assert ProviderParticipation.objects.filter(group=group).count() == 1


def _next_page(phone, number):
    phone.get_by_role("button", name="Simpan dan lanjutkan").click()
    phone.wait_for_url(re.compile(rf"\?halaman={number}$"))


def test_citizen_answers_form_a_on_a_phone_page_by_page(phone, demo):
    """Form A in pages (issue 19): progress shown, a reload after a lost connection keeps every
    page sent and the answers on screen, and the last page sends everything."""
    study = Study.objects.get(title="Studi persepsi New Public Service 2026")
    group = study.groups.select_related("collection").get(role=RespondentGroup.Role.RECIPIENT)
    url = f"/studi/{group.collection.token}/"
    visit(phone, url)
    assert phone.get_by_text(re.compile(r"Halaman 1 dari \d")).is_visible()
    _agree_with_everything(phone)
    _next_page(phone, 2)
    check_accessibility(phone)
    _agree_with_everything(phone)
    phone.get_by_role("button", name="Kembali").click()
    phone.wait_for_url(re.compile(r"\?halaman=1$"))
    assert phone.locator("fieldset.question input:checked").count() >= 3  # page one kept
    _next_page(phone, 2)
    _next_page(phone, 3)
    # Page three half answered, then the connection drops and the link is opened again.
    first = phone.locator("fieldset.question").first
    first.get_by_text("Sangat setuju", exact=True).click()
    visit(phone, url)
    assert phone.get_by_text(re.compile(r"Halaman 3 dari \d")).is_visible()
    assert phone.locator("fieldset.question").first.locator("input:checked").count() == 1
    while phone.get_by_role("button", name="Simpan dan lanjutkan").count():
        _agree_with_everything(phone)
        shown = phone.locator(".page-progress").inner_text()
        number = int(re.search(r"Halaman (\d+)", shown)[1]) + 1
        _next_page(phone, number)
    _agree_with_everything(phone)
    phone.get_by_role("group", name="Jenis kelamin").get_by_text("Perempuan").click()
    phone.get_by_role("button", name="Kirim jawaban saya").click()
    phone.wait_for_url(re.compile(r"/terima-kasih/"))
    check_accessibility(phone)
    number = phone.locator(".receipt").inner_text()
    saved = Response.objects.get(number=number, collection=group.collection)
    assert saved.answers.filter(value_int=5).count() >= 1  # the answer restored on page three
    overflow = phone.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0


def test_unit_head_reads_the_results_of_the_lombok_timur_study(page, demo):
    sign_in(page, "kepala.dinsos", settings.PANTAU_DEMO_PASSWORD)
    visit(page, "/manage/studies/")
    page.get_by_role("link", name=re.compile("Penerapan New Public Service")).click()
    check_accessibility(page)
    page.get_by_role("link", name="Hasil", exact=True).click()
    page.wait_for_url(re.compile(r"/results/$"))
    check_accessibility(page)
    assert page.get_by_role(
        "heading", name="Validitas butir dan reliabilitas (kedua kelompok)"
    ).is_visible()
    assert page.get_by_text("Akuntabilitas dan transparansi").first.is_visible()
    with page.expect_download() as download:
        page.get_by_role("link", name="Tabel hasil (XLSX)").click()
    assert download.value.suggested_filename.endswith("-hasil.xlsx")


def test_unit_head_sets_up_and_opens_a_study_then_hands_out_links(page, demo):
    sign_in(page, "kepala.dinsos", settings.PANTAU_DEMO_PASSWORD)
    visit(page, "/manage/studies/")
    page.get_by_role("link", name=re.compile("Studi baru untuk")).first.click()
    page.wait_for_url(re.compile(r"/studies/new/$"))
    check_accessibility(page)
    page.get_by_label("Judul studi").fill("Studi NPS loket 2027")
    page.get_by_label("Tanggal mulai").fill("2027-01-01")
    page.get_by_label("Tanggal selesai").fill("2027-06-30")
    page.get_by_role("button", name="Simpan").click()
    page.wait_for_url(re.compile(r"/manage/studies/\d+/$"))
    check_accessibility(page)
    page.get_by_role("button", name="Buka untuk pengisian").click()
    page.wait_for_url(re.compile(r"/manage/studies/\d+/$"))
    study = Study.objects.get(title="Studi NPS loket 2027")
    recipients = study.groups.get(role=RespondentGroup.Role.RECIPIENT)
    assert recipients.collection.status == "open"
    assert page.locator("img.qr").is_visible()
    kiosk = page.get_by_role("link", name="Mode kios untuk tablet di loket").get_attribute("href")
    page.get_by_role("link", name="Tautan sekali pakai untuk petugas").click()
    check_accessibility(page)
    page.get_by_role("button", name="Buat tautan untuk petugas yang belum memilikinya").click()
    check_accessibility(page)
    link = page.locator("td .secret").first.inner_text()
    visit(page, "/manage/studies/")  # the link works without the head's session too
    page.context.clear_cookies()
    visit(page, link.replace(page.base_url, "").replace("http://testserver", ""))
    assert page.get_by_role("heading", name="Kuesioner untuk pemberi layanan").is_visible()
    visit(page, kiosk)
    assert page.get_by_role("heading", name="Kuesioner untuk penerima layanan").is_visible()


def test_officer_types_in_a_paper_questionnaire(page, demo):
    sign_in(page, "petugas.dinsos", settings.PANTAU_DEMO_PASSWORD)
    study = Study.objects.get(title="Studi persepsi New Public Service 2026")
    visit(page, f"/manage/studies/{study.pk}/")
    page.get_by_role("link", name="Masukkan kuesioner kertas").click()
    check_accessibility(page)
    _agree_with_everything(page)
    page.get_by_role("button", name="Simpan kuesioner").click()
    page.wait_for_url(re.compile(r"/entry/\?unit=[\w-]+$"))
    check_accessibility(page)
    recipients = study.groups.get(role=RespondentGroup.Role.RECIPIENT)
    saved = Response.objects.get(collection=recipients.collection)
    assert saved.source == "paper" and saved.entered_by.username == "petugas.dinsos"
    visit(page, f"/manage/studies/{study.pk}/import/")


def test_administrator_revises_a_statement_into_a_new_version(page, demo):
    sign_in(page, "admin", settings.PANTAU_DEMO_PASSWORD)
    visit(page, "/manage/studies/instruments/")
    page.get_by_role("link", name="Ubah SNS_1").first.click()
    check_accessibility(page)
    page.locator("#id_text").fill("Petugas menanyakan kebutuhan saya terlebih dahulu.")
    page.get_by_role("button", name="Simpan").click()
    page.wait_for_url(re.compile(r"/instruments/$"))
    check_accessibility(page)
    assert page.get_by_text(re.compile("sehingga perubahan ini membuat versi 2")).is_visible()
