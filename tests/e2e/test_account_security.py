"""Account security journeys: a unit head must enrol in two-factor sign-in before anything else,
then signs in with the code and changes the password; the reset page is reachable from sign-in."""

from django.conf import settings as django_settings
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from .conftest import check_accessibility, visit

NEW_PASSWORD = "kata-sandi-baru-yang-panjang-9"


def _code(device, *, ahead: int = 0) -> str:
    """The current code, or the next one (a used time step is never accepted twice)."""
    drift = device.drift + ahead
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, drift):06d}"


def _type_credentials(page, password: str) -> None:
    visit(page, "/accounts/login/")
    page.get_by_label("Nama pengguna atau surel").fill("kepala.dinsos")
    page.locator("#id_password").fill(password)


def test_unit_head_enrols_signs_in_with_the_code_and_changes_the_password(page, demo, settings):
    settings.PANTAU_TWO_FACTOR_ROLES = ["admin", "evaluator", "agency_head", "unit_head"]
    _type_credentials(page, django_settings.PANTAU_DEMO_PASSWORD)
    page.get_by_role("button", name="Masuk", exact=True).click()
    page.wait_for_url("**/accounts/two-factor/")
    check_accessibility(page)
    assert page.get_by_text("Peran Anda mewajibkan masuk dua langkah").is_visible()
    visit(page, "/manage/units/")  # nothing else until enrolled
    assert page.url.endswith("/accounts/two-factor/")

    device = TOTPDevice.objects.get(user__username="kepala.dinsos")
    page.locator("#id_password").fill(django_settings.PANTAU_DEMO_PASSWORD)
    page.locator("#id_token").fill(_code(device))
    page.get_by_role("button", name="Aktifkan").click()
    page.wait_for_url("**/accounts/home/")
    check_accessibility(page)

    page.get_by_role("button", name="Keluar").click()
    page.wait_for_url(page.base_url + "/")
    device.refresh_from_db()
    device.throttle_reset()
    _type_credentials(page, django_settings.PANTAU_DEMO_PASSWORD)
    page.locator("#id_otp_token").fill(_code(device, ahead=1))
    page.get_by_role("button", name="Masuk", exact=True).click()
    page.wait_for_url("**/accounts/home/")

    page.get_by_role("link", name="Ganti kata sandi").click()
    page.wait_for_url("**/accounts/password/change/")
    check_accessibility(page)
    page.locator("#id_old_password").fill(django_settings.PANTAU_DEMO_PASSWORD)
    page.locator("#id_new_password1").fill(NEW_PASSWORD)
    page.locator("#id_new_password2").fill(NEW_PASSWORD)
    page.get_by_role("button", name="Ganti kata sandi").click()
    page.wait_for_url("**/accounts/password/change/done/")
    check_accessibility(page)


def test_forgotten_password_page_is_linked_from_sign_in(page, demo):
    visit(page, "/accounts/login/")
    page.get_by_role("link", name="Lupa kata sandi?").click()
    page.wait_for_url("**/accounts/password/reset/")
    check_accessibility(page)
    page.locator("#id_email").fill("zainuddin@pantau.example")
    page.get_by_role("button", name="Kirim tautan").click()
    page.wait_for_url("**/accounts/password/reset/sent/")
    check_accessibility(page)
