"""At an MPP kiosk no link leads out of the survey (issue 19: tapping "Masuk petugas" or "Pantau"
left the kiosk on the sign-in page for good): the kiosk form and its thanks page link only back
into the kiosk; the language switch posts and comes back to the same page."""

import re

from django.urls import reverse

from pantau.satisfaction.views import kiosk_signature

from .conftest import answers_post


def _links(body: str) -> list[str]:
    return re.findall(r'<a [^>]*href="([^"]+)"', body)


def test_the_kiosk_form_has_no_way_out(client, period_a):
    url = reverse("survey:kiosk", args=[period_a.collection.token, kiosk_signature(period_a)])
    body = client.get(url).content.decode()
    assert [link for link in _links(body) if link != "#main"] == []
    assert "Masuk petugas" not in body and 'name="language"' in body
    assert f'name="next" value="{url}"' in body


def test_the_kiosk_thanks_page_only_starts_again(client, period_a, service_a):
    url = reverse("survey:kiosk", args=[period_a.collection.token, kiosk_signature(period_a)])
    thanks = client.post(url, answers_post(period_a, service=service_a), follow=True)
    links = [link for link in _links(thanks.content.decode()) if link != "#main"]
    assert links and all(link.startswith(url) for link in links), links


def test_the_phone_survey_keeps_its_menu(client, period_a):
    body = client.get(reverse("survey:form", args=[period_a.collection.token])).content.decode()
    assert "Masuk petugas" in body
