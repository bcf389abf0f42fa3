import pytest
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from pantau.accounts.tests.factories import PASSWORD, UserFactory

LOGIN = reverse("accounts:login")


def _token(device: TOTPDevice) -> str:
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):06d}"


def test_staff_signs_in_with_username(client, officer_a):
    response = client.post(LOGIN, {"username": "petugas_a", "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:home")


def test_staff_signs_in_with_email_in_any_case(client, officer_a):
    response = client.post(LOGIN, {"username": officer_a.email.upper(), "password": PASSWORD})
    assert response.status_code == 302


def test_wrong_password_is_refused_with_a_clear_message(client, officer_a):
    response = client.post(LOGIN, {"username": "petugas_a", "password": "salah-sekali"})
    assert response.status_code == 200
    assert "kata sandi, atau kode autentikator salah" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_inactive_user_cannot_sign_in(client, officer_a):
    officer_a.is_active = False
    officer_a.save()
    response = client.post(LOGIN, {"username": "petugas_a", "password": PASSWORD})
    assert response.status_code == 200


def test_failed_sign_ins_are_throttled(client, officer_a):
    for _ in range(5):
        client.post(LOGIN, {"username": "petugas_a", "password": "salah-sekali"})
    response = client.post(LOGIN, {"username": "petugas_a", "password": PASSWORD})
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_passwords_are_hashed_with_argon2_in_production():
    from django.conf import settings

    import config.settings as production

    assert production.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")
    assert settings.AUTH_USER_MODEL == "accounts.User"


@pytest.fixture
def officer_with_totp(officer_a):
    return TOTPDevice.objects.create(user=officer_a, name="Pantau", confirmed=True)


def test_two_factor_user_needs_the_code(client, officer_with_totp):
    response = client.post(LOGIN, {"username": "petugas_a", "password": PASSWORD})
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
    assert "kode autentikator salah" in response.content.decode()


def test_two_factor_user_with_wrong_code_is_refused(client, officer_with_totp):
    response = client.post(
        LOGIN, {"username": "petugas_a", "password": PASSWORD, "otp_token": "000000"}
    )
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_two_factor_user_with_right_code_is_verified(client, officer_with_totp):
    response = client.post(
        LOGIN,
        {"username": "petugas_a", "password": PASSWORD, "otp_token": _token(officer_with_totp)},
    )
    assert response.status_code == 302
    assert client.session["otp_device_id"] == officer_with_totp.persistent_id


def test_right_code_right_after_a_wrong_one_waits_for_the_device_throttle(
    client, officer_with_totp
):
    client.post(LOGIN, {"username": "petugas_a", "password": PASSWORD, "otp_token": "000000"})
    response = client.post(
        LOGIN,
        {"username": "petugas_a", "password": PASSWORD, "otp_token": _token(officer_with_totp)},
    )
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_admin_login_goes_through_pantau_sign_in(client):
    response = client.get("/admin/login/?next=/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith(LOGIN)


def test_sign_out_needs_post_and_ends_session(client_for, officer_a):
    client = client_for(officer_a)
    response = client.post(reverse("accounts:logout"))
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


def test_turn_on_two_factor(client_for, officer_a):
    client = client_for(officer_a)
    page = client.get(reverse("accounts:two-factor"))
    assert page.status_code == 200
    assert page.context["qr_data_uri"].startswith("data:image/svg+xml")
    device = TOTPDevice.objects.get(user=officer_a, confirmed=False)
    response = client.post(
        reverse("accounts:two-factor"), {"token": _token(device), "password": PASSWORD}
    )
    assert response.status_code == 302
    device.refresh_from_db()
    assert device.confirmed


def test_wrong_code_does_not_turn_on_two_factor(client_for, officer_a):
    client = client_for(officer_a)
    client.get(reverse("accounts:two-factor"))
    response = client.post(
        reverse("accounts:two-factor"), {"token": "123456", "password": PASSWORD}
    )
    assert response.status_code == 200
    assert not TOTPDevice.objects.filter(user=officer_a, confirmed=True).exists()


def test_turn_off_two_factor_needs_a_valid_code(client_for, officer_with_totp, officer_a):
    client = client_for(officer_a)
    url = reverse("accounts:two-factor-disable")
    assert client.post(url, {"token": "000000", "password": PASSWORD}).status_code == 400
    assert TOTPDevice.objects.filter(user=officer_a).exists()
    officer_with_totp.refresh_from_db()
    officer_with_totp.throttle_reset()  # a failure makes the next try wait (django-otp throttling)
    response = client.post(url, {"token": _token(officer_with_totp), "password": PASSWORD})
    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=officer_a).exists()


def test_two_factor_pages_need_sign_in(client):
    assert client.get(reverse("accounts:two-factor")).status_code == 302
    assert client.post(reverse("accounts:two-factor-disable")).status_code == 302


def test_email_is_unique_ignoring_case(db):
    from django.db import IntegrityError

    UserFactory(email="sama@example.id")
    with pytest.raises(IntegrityError):
        UserFactory(email="SAMA@example.id")
