"""Sessions end after an idle period and after an absolute lifetime."""

import time

import pytest
from django.urls import reverse

from pantau.accounts.middleware import LAST_SEEN, SIGNED_IN_AT

HOME = reverse("accounts:home")


@pytest.fixture(autouse=True)
def _timeouts(settings):
    settings.PANTAU_SESSION_IDLE_SECONDS = 30 * 60
    settings.PANTAU_SESSION_MAX_SECONDS = 12 * 3600


def _set_clock(client, *, signed_in_ago: int, seen_ago: int) -> None:
    now = int(time.time())
    session = client.session
    session[SIGNED_IN_AT] = now - signed_in_ago
    session[LAST_SEEN] = now - seen_ago
    session.save()


def test_a_recent_session_goes_on(client_for, officer_a):
    client = client_for(officer_a)
    _set_clock(client, signed_in_ago=3600, seen_ago=10 * 60)
    assert client.get(HOME).status_code == 200


def test_an_idle_session_ends(client_for, officer_a):
    client = client_for(officer_a)
    _set_clock(client, signed_in_ago=3600, seen_ago=31 * 60)
    response = client.get(HOME)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))
    assert "_auth_user_id" not in client.session


def test_a_busy_session_ends_after_its_lifetime(client_for, officer_a):
    client = client_for(officer_a)
    _set_clock(client, signed_in_ago=12 * 3600 + 60, seen_ago=5)
    assert client.get(HOME).status_code == 302
    assert "_auth_user_id" not in client.session


def test_activity_moves_the_idle_clock(client_for, officer_a):
    client = client_for(officer_a)
    _set_clock(client, signed_in_ago=3600, seen_ago=29 * 60)
    assert client.get(HOME).status_code == 200
    assert time.time() - client.session[LAST_SEEN] < 60


def test_sign_in_starts_the_clock(client_for, officer_a):
    client = client_for(officer_a)
    assert abs(client.session[SIGNED_IN_AT] - time.time()) < 60


def test_the_session_cookie_lasts_no_longer_than_the_lifetime():
    import config.settings as production

    assert production.SESSION_COOKIE_AGE == production.PANTAU_SESSION_MAX_SECONDS
    assert production.PANTAU_SESSION_IDLE_SECONDS == 30 * 60
    assert production.PANTAU_SESSION_MAX_SECONDS == 12 * 3600
