"""Failed sign-ins count against the account, whatever case or e-mail address is typed.

Each failure comes from another address, so only the account rule can lock."""

import itertools

import pytest
from django.urls import reverse

from pantau.accounts.tests.factories import PASSWORD

LOGIN = reverse("accounts:login")


_addresses = (f"10.0.{n // 250}.{n % 250 + 1}" for n in itertools.count())


@pytest.fixture(autouse=True)
def _limits(settings):
    settings.AXES_FAILURE_LIMIT = 5
    settings.PANTAU_SIGN_IN_ADDRESS_LIMIT = 100
    settings.PANTAU_SIGN_IN_SPRAY_LIMIT = 100


def _fail(client, username, address=None):
    address = address or next(_addresses)
    return client.post(
        LOGIN, {"username": username, "password": "salah-sekali"}, REMOTE_ADDR=address
    )


def test_other_cases_of_the_username_count_against_the_same_account(client, unit_head_a):
    for typed in ["kepala_a", "KEPALA_A", "Kepala_A", "kEpala_a"]:
        _fail(client, typed)
    assert _fail(client, "KePaLa_A").status_code == 429


def test_the_email_address_counts_against_the_same_account(client, unit_head_a):
    for _ in range(4):
        _fail(client, "kepala_a")
    assert _fail(client, unit_head_a.email.upper()).status_code == 429


def test_locked_account_refuses_the_right_password_in_another_case(client, unit_head_a):
    for _ in range(5):
        _fail(client, "kepala_a")
    response = client.post(
        LOGIN, {"username": "kEPALA_a", "password": PASSWORD}, REMOTE_ADDR=next(_addresses)
    )
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_account_lock_holds_from_another_address(client, unit_head_a):
    for number in range(5):
        _fail(client, "kepala_a", address=f"10.0.1.{number}")
    response = client.post(
        LOGIN, {"username": "kepala_a", "password": PASSWORD}, REMOTE_ADDR="10.0.2.1"
    )
    assert response.status_code == 429


def test_failures_on_one_account_do_not_lock_another(client, unit_head_a, officer_a):
    for _ in range(5):
        _fail(client, "kepala_a")
    response = client.post(
        LOGIN, {"username": "petugas_a", "password": PASSWORD}, REMOTE_ADDR=next(_addresses)
    )
    assert response.status_code == 302


def test_a_successful_sign_in_clears_the_account_failures(client, unit_head_a):
    for _ in range(4):
        _fail(client, "KEPALA_A")
    client.post(LOGIN, {"username": "kepala_a", "password": PASSWORD}, REMOTE_ADDR=next(_addresses))
    client.logout()
    for _ in range(4):
        _fail(client, "kepala_a")
    response = client.post(
        LOGIN, {"username": "kepala_a", "password": PASSWORD}, REMOTE_ADDR=next(_addresses)
    )
    assert response.status_code == 302


def test_the_lockout_page_says_how_long_to_wait(client, unit_head_a, settings):
    settings.AXES_COOLOFF_TIME = 0.5
    for _ in range(4):
        _fail(client, "kepala_a")
    response = _fail(client, "kepala_a")
    assert response.status_code == 429
    assert "Tunggu 30 menit" in response.content.decode()
