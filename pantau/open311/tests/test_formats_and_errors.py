"""Open311 answers in the format the address asks for, errors included; JSON says its charset;
an over-the-limit answer is one sentence in one language."""

from xml.etree import ElementTree as ET  # noqa: S405 - parsing our own output in tests

import pytest
from django.utils import translation
from django.utils.translation import ngettext

from pantau.api.throttling import AnonymousRateThrottle

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("address", ["/open311/v2/foo.xml", "/open311/v2/requests/x/y.xml"])
def test_an_unknown_xml_address_answers_an_xml_error(client, address):
    response = client.get(address)
    assert response.status_code == 404
    assert response["Content-Type"].startswith("text/xml")
    root = ET.fromstring(response.content)  # noqa: S314
    assert root.tag == "errors" and root.find("error/code").text == "404"


def test_an_unknown_json_address_answers_a_json_error(client):
    response = client.get("/open311/v2/foo.json")
    assert response.status_code == 404 and response.json()[0]["code"] == 404


@pytest.mark.parametrize(
    "address",
    ["/open311/v2/services.json", "/open311/v2/requests.json", "/open311/v2/foo.json"],
)
def test_json_says_it_is_utf_8(client, address):
    assert client.get(address)["Content-Type"] == "application/json; charset=utf-8"


def test_a_bad_value_in_an_xml_list_answers_an_xml_error(client):
    response = client.get("/open311/v2/requests.xml", {"page": "0"})
    assert response.status_code == 400
    assert ET.fromstring(response.content).find("error/code").text == "400"  # noqa: S314


@pytest.mark.parametrize("language", ["en", "id"])
def test_the_limit_is_told_in_one_language(client, monkeypatch, language):
    monkeypatch.setattr(AnonymousRateThrottle, "THROTTLE_RATES", {"anon": "1/hour"})
    headers = {"HTTP_ACCEPT_LANGUAGE": language}
    assert client.get("/open311/v2/services.json", **headers).status_code == 200
    response = client.get("/open311/v2/services.json", **headers)
    assert response.status_code == 429
    seconds = int(response["Retry-After"])
    with translation.override(language):
        expected = ngettext(
            "Too many requests. Try again in %(seconds)s second.",
            "Too many requests. Try again in %(seconds)s seconds.",
            seconds,
        ) % {"seconds": seconds}
    assert response.json() == [{"code": 429, "description": expected}]
