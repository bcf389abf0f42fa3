import pytest
from django.conf import settings

from pantau.accounts.demo import PEOPLE

from .conftest import check_accessibility, sign_in, visit

EXPECTED_HEADING = {
    "admin": "Administrasi sistem",
    "penilai.kemenpan": "Semua unit layanan",
    "penilai.ntb": "Unit dalam lingkup Anda",
    "kadis.sosial": "Unit dalam lingkup Anda",
    "kepala.dinsos": "Unit layanan Anda",
    "petugas.dinsos": "Unit layanan Anda",
    "kepala.cakung": "Unit layanan Anda",
    "petugas.jaktim": "Unit layanan Anda",
    "kepala.durensawit": "Unit layanan Anda",
    "petugas.bbpom": "Unit layanan Anda",
    "kepala.bbpom": "Unit layanan Anda",
    "koordinator.jaktim": "Unit dalam lingkup Anda",
    "inspektorat.jaktim": "Laporan di meja Anda",
    "koordinator.nasional": "Laporan di meja Anda",
}


def test_every_demo_login_has_an_expected_home():
    assert {person[0] for person in PEOPLE} == set(EXPECTED_HEADING)


@pytest.mark.parametrize("username", sorted(EXPECTED_HEADING))
def test_each_role_signs_in_and_sees_its_home(page, demo, username):
    sign_in(page, username, settings.PANTAU_DEMO_PASSWORD)
    assert page.get_by_role("heading", name=EXPECTED_HEADING[username]).is_visible()
    visit(page, "/manage/units/")
    page.get_by_role("button", name="Keluar").click()
    page.wait_for_url(page.base_url + "/")


def test_wrong_password_is_explained(page, demo):
    visit(page, "/accounts/login/")
    page.get_by_label("Nama pengguna atau surel").fill("kepala.dinsos")
    page.get_by_label("Kata sandi").fill("bukan-kata-sandinya")
    page.get_by_role("button", name="Masuk", exact=True).click()
    assert page.get_by_role("alert").is_visible()
    check_accessibility(page)


def test_unit_head_updates_hours_adds_a_service_and_reads_the_audit_trail(page, demo):
    sign_in(page, "kepala.dinsos", settings.PANTAU_DEMO_PASSWORD)
    unit = "/manage/units/dinsos-mpp-lombok-timur/"
    visit(page, unit)
    page.get_by_role("link", name="Ubah jam layanan").click()
    check_accessibility(page)
    saturday = page.get_by_role("group", name="Sabtu")
    saturday.get_by_label("Buka", exact=True).check()
    saturday.get_by_label("Jam buka").fill("08:00")
    saturday.get_by_label("Jam tutup").fill("12:00")
    saturday.get_by_label("Catatan").fill("Layanan terbatas")
    page.get_by_role("button", name="Simpan").click()
    page.wait_for_url("**" + unit)
    assert page.get_by_text("Jam layanan sudah disimpan.").is_visible()

    page.get_by_role("link", name="Tambah layanan").first.click()
    check_accessibility(page)
    page.get_by_label("Nama").fill("Surat keterangan terdaftar LKS")
    page.get_by_role("button", name="Simpan").click()
    page.wait_for_url("**" + unit)
    assert page.get_by_role("row", name="Surat keterangan terdaftar LKS").is_visible()

    page.get_by_role("link", name="Jejak audit").click()
    check_accessibility(page)
    assert page.get_by_text("Surat keterangan terdaftar LKS").first.is_visible()
    assert page.get_by_text("Sabtu").first.is_visible()


def test_officer_of_another_unit_gets_not_found(page, demo):
    sign_in(page, "petugas.bbpom", settings.PANTAU_DEMO_PASSWORD)
    visit(page, "/manage/units/dinsos-mpp-lombok-timur/", status=404)
