"""Turning two-factor sign-in on or off needs the password and ends the user's other sessions."""

import pytest
from django.test import Client
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from pantau.accounts.tests.factories import PASSWORD

ENROL = reverse("accounts:two-factor")
DISABLE = reverse("accounts:two-factor-disable")
HOME = reverse("accounts:home")


def _token(device) -> str:
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):06d}"


def _signed_in(user) -> Client:
    client = Client()
    client.force_login(user, backend="pantau.accounts.backends.UsernameOrEmailBackend")
    return client


@pytest.fixture
def device_on(officer_a):
    return TOTPDevice.objects.create(user=officer_a, name="Pantau", confirmed=True)


def test_enrolling_with_a_wrong_password_is_refused(officer_a):
    client = _signed_in(officer_a)
    client.get(ENROL)
    device = TOTPDevice.objects.get(user=officer_a)
    response = client.post(ENROL, {"password": "bukan-ini", "token": _token(device)})
    assert response.status_code == 200
    assert "password" in response.context["form"].errors
    assert not TOTPDevice.objects.filter(user=officer_a, confirmed=True).exists()


def test_enrolling_without_a_password_is_refused(officer_a):
    client = _signed_in(officer_a)
    client.get(ENROL)
    device = TOTPDevice.objects.get(user=officer_a)
    client.post(ENROL, {"token": _token(device)})
    assert not TOTPDevice.objects.filter(user=officer_a, confirmed=True).exists()


def test_enrolling_ends_the_other_sessions_and_keeps_this_one(officer_a):
    other = _signed_in(officer_a)
    client = _signed_in(officer_a)
    client.get(ENROL)
    device = TOTPDevice.objects.get(user=officer_a)
    assert client.post(ENROL, {"password": PASSWORD, "token": _token(device)}).status_code == 302
    assert client.get(HOME).status_code == 200
    assert other.get(HOME).status_code == 302


def test_disabling_with_a_wrong_password_is_refused(officer_a, device_on):
    client = _signed_in(officer_a)
    response = client.post(DISABLE, {"password": "bukan-ini", "token": _token(device_on)})
    assert response.status_code == 400
    assert TOTPDevice.objects.filter(user=officer_a).exists()


def test_disabling_ends_the_other_sessions_and_keeps_this_one(officer_a, device_on):
    other = _signed_in(officer_a)
    client = _signed_in(officer_a)
    response = client.post(DISABLE, {"password": PASSWORD, "token": _token(device_on)})
    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=officer_a).exists()
    assert client.get(HOME).status_code == 200
    assert other.get(HOME).status_code == 302


def test_wrong_passwords_on_the_form_count_towards_the_lockout(officer_a, settings):
    settings.AXES_FAILURE_LIMIT = 2
    client = _signed_in(officer_a)
    client.get(ENROL)
    client.post(ENROL, {"password": "salah-1", "token": "000000"})
    response = client.post(ENROL, {"password": "salah-2", "token": "000000"})
    assert response.status_code == 429
