"""A right password without its authenticator code answers and counts as a wrong password."""

import pytest
from axes.models import AccessAttempt
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from pantau.accounts.tests.factories import PASSWORD

LOGIN = reverse("accounts:login")


@pytest.fixture
def head_with_totp(unit_head_a):
    TOTPDevice.objects.create(user=unit_head_a, name="Pantau", confirmed=True)
    return unit_head_a


def _errors(response) -> list[str]:
    return list(response.context["form"].non_field_errors())


def test_missing_code_answers_as_a_wrong_password(client, head_with_totp):
    wrong = client.post(LOGIN, {"username": "kepala_a", "password": "salah-sekali"})
    no_code = client.post(LOGIN, {"username": "kepala_a", "password": PASSWORD})
    assert wrong.status_code == no_code.status_code == 200
    assert _errors(wrong) == _errors(no_code)
    assert "otp_token" not in no_code.context["form"].errors


def test_wrong_code_answers_as_a_wrong_password(client, head_with_totp):
    wrong = client.post(
        LOGIN, {"username": "kepala_a", "password": "salah-sekali", "otp_token": "123456"}
    )
    bad_code = client.post(
        LOGIN, {"username": "kepala_a", "password": PASSWORD, "otp_token": "123456"}
    )
    assert _errors(wrong) == _errors(bad_code)


def test_right_password_without_code_counts_as_a_failure(client, head_with_totp, settings):
    settings.AXES_FAILURE_LIMIT = 3
    client.post(LOGIN, {"username": "kepala_a", "password": "salah-sekali"})
    client.post(LOGIN, {"username": "kepala_a", "password": PASSWORD})
    assert AccessAttempt.objects.get(username="kepala_a").failures_since_start == 2
    response = client.post(LOGIN, {"username": "KEPALA_A", "password": PASSWORD})
    assert response.status_code == 429
