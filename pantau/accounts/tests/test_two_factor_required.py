"""Administrators, evaluators, agency heads and unit heads must use two-factor sign-in."""

import pytest
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from pantau.accounts.permissions import needs_two_factor
from pantau.accounts.tests.factories import PASSWORD

LOGIN = reverse("accounts:login")
HOME = reverse("accounts:home")
ENROL = reverse("accounts:two-factor")


@pytest.fixture(autouse=True)
def _required(settings):
    settings.PANTAU_TWO_FACTOR_ROLES = ["admin", "evaluator", "agency_head", "unit_head"]


def _token(device) -> str:
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):06d}"


def test_required_roles_by_default(
    admin_user, evaluator_a, agency_head_a, unit_head_a, officer_a, settings
):
    assert needs_two_factor(admin_user)
    assert needs_two_factor(evaluator_a)
    assert needs_two_factor(agency_head_a)
    assert needs_two_factor(unit_head_a)
    assert not needs_two_factor(officer_a)


def test_the_setting_chooses_the_roles(unit_head_a, officer_a, settings):
    settings.PANTAU_TWO_FACTOR_ROLES = ["unit_officer"]
    assert needs_two_factor(officer_a)
    assert not needs_two_factor(unit_head_a)


def test_unit_head_without_a_device_is_sent_to_enrol_after_the_password(client, unit_head_a):
    response = client.post(LOGIN, {"username": "kepala_a", "password": PASSWORD}, follow=True)
    assert response.redirect_chain[-1][0] == ENROL
    assert response.status_code == 200


def test_unenrolled_unit_head_reaches_nothing_else(client, unit_head_a, unit_a):
    client.post(LOGIN, {"username": "kepala_a", "password": PASSWORD})
    for url in [HOME, reverse("api:token-list"), reverse("accounts:password-change")]:
        response = client.get(url)
        assert response.status_code == 302 and response["Location"] == ENROL, url
    assert client.get("/api/v1/units/").status_code == 403


def test_enrolling_opens_the_rest(client, unit_head_a):
    client.post(LOGIN, {"username": "kepala_a", "password": PASSWORD})
    client.get(ENROL)
    device = TOTPDevice.objects.get(user=unit_head_a)
    response = client.post(ENROL, {"password": PASSWORD, "token": _token(device)})
    assert response.status_code == 302
    assert client.get(HOME).status_code == 200


def test_officer_is_not_sent_to_enrol(client, officer_a):
    client.post(LOGIN, {"username": "petugas_a", "password": PASSWORD})
    assert client.get(HOME).status_code == 200


def test_enrolled_session_without_the_code_must_sign_in_again(client_for, unit_head_a):
    TOTPDevice.objects.create(user=unit_head_a, name="Pantau", confirmed=True)
    client = client_for(unit_head_a)  # a session that never gave the code
    response = client.get(HOME)
    assert response.status_code == 302
    assert response["Location"].startswith(LOGIN)
    assert "_auth_user_id" not in client.session


def test_nobody_is_forced_when_the_setting_is_empty(client, unit_head_a, settings):
    settings.PANTAU_TWO_FACTOR_ROLES = []
    client.post(LOGIN, {"username": "kepala_a", "password": PASSWORD})
    assert client.get(HOME).status_code == 200
