"""Staff change their password with Django's own view; other sessions end."""

from django.test import Client
from django.urls import reverse

from pantau.accounts.tests.factories import PASSWORD

CHANGE = reverse("accounts:password-change")
HOME = reverse("accounts:home")
NEW = "kata-sandi-baru-yang-panjang-9"


def _signed_in(user) -> Client:
    client = Client()
    client.force_login(user, backend="pantau.accounts.backends.UsernameOrEmailBackend")
    return client


def test_the_account_page_links_to_the_password_change(officer_a):
    assert CHANGE in _signed_in(officer_a).get(HOME).content.decode()


def test_password_change_needs_the_old_password(officer_a):
    client = _signed_in(officer_a)
    response = client.post(
        CHANGE, {"old_password": "salah", "new_password1": NEW, "new_password2": NEW}
    )
    assert response.status_code == 200
    assert "old_password" in response.context["form"].errors
    officer_a.refresh_from_db()
    assert officer_a.check_password(PASSWORD)


def test_password_change_keeps_this_session_and_ends_the_others(officer_a):
    other = _signed_in(officer_a)
    client = _signed_in(officer_a)
    response = client.post(
        CHANGE, {"old_password": PASSWORD, "new_password1": NEW, "new_password2": NEW}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:password-change-done")
    officer_a.refresh_from_db()
    assert officer_a.check_password(NEW)
    assert client.get(HOME).status_code == 200
    assert other.get(HOME).status_code == 302


def test_password_change_page_is_in_indonesian(officer_a):
    page = _signed_in(officer_a).get(CHANGE).content.decode()
    assert "Ganti kata sandi" in page


def test_password_change_needs_sign_in(client):
    assert client.get(CHANGE).status_code == 302
