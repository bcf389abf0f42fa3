"""At an MPP kiosk no link leads out of the survey (issue 19: tapping "Masuk petugas" or "Pantau"
left the kiosk on the sign-in page for good): the kiosk form and its thanks page link only back
into the kiosk; the language links come back to the same page; staff leave with the kiosk's
PIN."""

import re
from html import unescape
from urllib.parse import parse_qs, urlsplit

from django.urls import reverse

from pantau.satisfaction.views import kiosk_signature

from .conftest import answers_post


def _links(body: str) -> list[str]:
    return [unescape(link) for link in re.findall(r'<a [^>]*href="([^"]+)"', body)]


def _leading_out(body: str, page: str) -> list[str]:
    """The links of a kiosk page, less the skip link and the language links, which come back
    to the same page."""
    out = []
    for link in _links(body):
        parts = urlsplit(link)
        if link == "#main":
            continue
        back = parse_qs(parts.query).get("next", [""])[0]
        if parts.path.startswith("/bahasa/") and urlsplit(back).path == urlsplit(page).path:
            continue
        out.append(link)
    return out


def test_the_kiosk_form_has_no_way_out(client, period_a):
    url = reverse("survey:kiosk", args=[period_a.collection.token, kiosk_signature(period_a)])
    body = client.get(url).content.decode()
    # the only link is staff's way out, which asks for the kiosk's PIN
    assert _leading_out(body, url) == [url + "keluar/"]
    assert "Masuk petugas" not in body and "/bahasa/en/" in body


def test_the_kiosk_thanks_page_only_starts_again(client, period_a, service_a):
    url = reverse("survey:kiosk", args=[period_a.collection.token, kiosk_signature(period_a)])
    thanks = client.post(url, answers_post(period_a, service=service_a), follow=True)
    page = thanks.redirect_chain[-1][0]
    links = _leading_out(thanks.content.decode(), page)
    assert links and all(link.startswith(url) for link in links), links


def test_the_phone_survey_keeps_its_menu(client, period_a):
    body = client.get(reverse("survey:form", args=[period_a.collection.token])).content.decode()
    assert "Masuk petugas" in body


def test_staff_leave_the_kiosk_only_with_its_pin(client, client_for, officer_a, period_a):
    from pantau.satisfaction.public_views import KIOSK

    kiosk = reverse("survey:kiosk", args=[period_a.collection.token, kiosk_signature(period_a)])
    page = client.get(kiosk).content.decode()
    exit_url = kiosk + "keluar/"
    assert exit_url in page  # the only way out is the PIN page
    wrong = client.post(
        exit_url,
        {"pin": "000000" if KIOSK.pin(period_a.collection.token) != "000000" else "111111"},
    )
    assert wrong.status_code == 400 and "Galat" in wrong.content.decode()
    right = client.post(exit_url, {"pin": KIOSK.pin(period_a.collection.token)})
    assert right.status_code == 302
    assert right["Location"] == reverse(
        "satisfaction:period-detail", args=[period_a.unit.slug, period_a.pk]
    )
    staff = client_for(officer_a).get(right["Location"]).content.decode()
    assert KIOSK.pin(period_a.collection.token) in staff


def test_guessing_the_kiosk_pin_stops_after_five_tries(client, period_a):
    from pantau.satisfaction.public_views import KIOSK

    exit_url = (
        reverse("survey:kiosk", args=[period_a.collection.token, kiosk_signature(period_a)])
        + "keluar/"
    )
    pin = KIOSK.pin(period_a.collection.token)
    wrong = f"{(int(pin) + 1) % 1_000_000:06d}"
    for _ in range(5):
        client.post(exit_url, {"pin": wrong})
    assert client.post(exit_url, {"pin": pin}).status_code == 400  # even the right one, for now


def test_the_exit_page_of_a_forged_kiosk_link_is_404(client, period_a):
    url = reverse("survey:kiosk", args=[period_a.collection.token, "forged"]) + "keluar/"
    assert client.get(url).status_code == 404
