"""Failed sign-ins from one client address: a limit on failures and on usernames (spraying)."""

import pytest
from django.test import RequestFactory
from django.urls import reverse

from pantau.accounts.security import client_ip
from pantau.accounts.tests.factories import PASSWORD

LOGIN = reverse("accounts:login")


@pytest.fixture(autouse=True)
def _limits(settings):
    settings.AXES_FAILURE_LIMIT = 5
    settings.PANTAU_SIGN_IN_ADDRESS_LIMIT = 8
    settings.PANTAU_SIGN_IN_SPRAY_LIMIT = 4


def _fail(client, username, address="10.0.0.9", **headers):
    return client.post(
        LOGIN, {"username": username, "password": "salah"}, REMOTE_ADDR=address, **headers
    )


def test_spraying_many_usernames_from_one_address_locks_the_address(client, officer_a):
    for name in ["budi", "sari", "agus"]:
        assert _fail(client, name).status_code == 200
    assert _fail(client, "dewi").status_code == 429
    response = client.post(
        LOGIN, {"username": "petugas_a", "password": PASSWORD}, REMOTE_ADDR="10.0.0.9"
    )
    assert response.status_code == 429


def test_many_failures_from_one_address_lock_the_address(client, officer_a, settings):
    settings.PANTAU_SIGN_IN_SPRAY_LIMIT = 100
    for number in range(7):
        assert _fail(client, ["budi", "sari", "agus"][number % 3]).status_code == 200
    assert _fail(client, "budi").status_code == 429


def test_the_address_lock_does_not_reach_other_addresses(client, officer_a):
    for name in ["budi", "sari", "agus", "dewi"]:
        _fail(client, name)
    response = client.post(
        LOGIN, {"username": "petugas_a", "password": PASSWORD}, REMOTE_ADDR="10.0.0.10"
    )
    assert response.status_code == 302


def test_a_changing_user_agent_does_not_escape_the_address_limit(client, officer_a):
    for number, name in enumerate(["budi", "sari", "agus"]):
        _fail(client, name, HTTP_USER_AGENT=f"Browser {number}")
    assert _fail(client, "dewi", HTTP_USER_AGENT="Browser 9").status_code == 429


def test_signing_in_to_one_account_does_not_clear_the_address_count(client, officer_a):
    for name in ["budi", "sari", "agus"]:
        _fail(client, name)
    client.post(LOGIN, {"username": "petugas_a", "password": PASSWORD}, REMOTE_ADDR="10.0.0.9")
    client.logout()
    assert _fail(client, "dewi").status_code == 429


def test_client_address_is_the_socket_without_a_proxy(settings):
    settings.BEHIND_PROXY = False
    request = RequestFactory().get(
        "/", REMOTE_ADDR="203.0.113.5", HTTP_X_FORWARDED_FOR="198.51.100.1"
    )
    assert client_ip(request) == "203.0.113.5"


def test_client_address_behind_the_proxy_is_the_last_forwarded_one(settings):
    settings.BEHIND_PROXY = True
    request = RequestFactory().get(
        "/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="1.2.3.4, 198.51.100.7"
    )
    assert client_ip(request) == "198.51.100.7"


def test_behind_the_proxy_failures_count_per_forwarded_address(client, officer_a, settings):
    settings.BEHIND_PROXY = True
    for name in ["budi", "sari", "agus", "dewi"]:
        _fail(client, name, address="127.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.7")
    response = client.post(
        LOGIN,
        {"username": "petugas_a", "password": PASSWORD},
        REMOTE_ADDR="127.0.0.1",
        HTTP_X_FORWARDED_FOR="198.51.100.8",
    )
    assert response.status_code == 302
