"""Forgotten password: a one-time link by e-mail (Django's own views), linked from sign-in."""

import re

from django.core import mail
from django.urls import reverse

from pantau.accounts.tests.factories import PASSWORD

RESET = reverse("accounts:password-reset")
NEW = "kata-sandi-baru-yang-panjang-9"


def _link() -> str:
    return re.search(r"https?://\S+", mail.outbox[0].body).group(0)


def test_the_login_page_links_to_the_reset(client):
    assert RESET in client.get(reverse("accounts:login")).content.decode()


def test_reset_mails_a_link_to_the_account_address(client, officer_a, settings):
    settings.SITE_URL = "https://pantau.example.id"
    response = client.post(RESET, {"email": officer_a.email.upper()})
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:password-reset-done")
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [officer_a.email]
    assert "petugas_a" in mail.outbox[0].body
    assert "/accounts/password/reset/" in _link()
    assert _link().startswith("https://pantau.example.id/")  # the configured address


def test_unknown_address_answers_the_same_and_sends_nothing(client, officer_a):
    response = client.post(RESET, {"email": "tidak.ada@example.id"})
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:password-reset-done")
    assert mail.outbox == []


def test_the_link_sets_a_new_password_once(client, officer_a):
    client.post(RESET, {"email": officer_a.email})
    path = "/accounts/" + _link().split("/accounts/", 1)[1]
    form_page = client.get(path, follow=True)
    assert form_page.context["validlink"]
    set_url = form_page.redirect_chain[-1][0]
    response = client.post(set_url, {"new_password1": NEW, "new_password2": NEW})
    assert response.status_code == 302
    officer_a.refresh_from_db()
    assert officer_a.check_password(NEW) and not officer_a.check_password(PASSWORD)
    again = client.get(path, follow=True)
    assert not again.context["validlink"]


def test_reset_pages_are_in_indonesian(client):
    assert "Lupa kata sandi" in client.get(RESET).content.decode()


def test_many_requests_from_one_address_are_refused_and_send_nothing(client, officer_a, settings):
    settings.PANTAU_PASSWORD_RESET_RATE = (2, 3600)
    for _ in range(2):
        assert client.post(RESET, {"email": officer_a.email}).status_code == 302
    refused = client.post(RESET, {"email": officer_a.email})
    assert refused.status_code == 429
    assert "Terlalu banyak permintaan" in refused.content.decode()
    assert len(mail.outbox) == 2
    other = client.post(RESET, {"email": officer_a.email}, REMOTE_ADDR="10.9.9.9")
    assert other.status_code == 302
