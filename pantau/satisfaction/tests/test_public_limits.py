"""The SKM's public limits: counted per address, never escaped by changing the browser; duplicates
compared per address and browser; the form's time-and-token check."""

import time

import pytest
from django.urls import reverse

from pantau.common.humancheck import STARTED, new_token
from pantau.satisfaction.tests.conftest import answers_post
from pantau.surveys.models import RefusedSubmission, Response


def _url(period):
    return reverse("survey:form", args=[period.collection.token])


def _send(client, period, service, first_score, **headers):
    scores = (first_score, 4, 4, 4, 4, 4, 4, 4, 4)
    return client.post(
        _url(period), answers_post(period, service=service, scores=scores), **headers
    )


@pytest.fixture
def two_per_address(settings):
    settings.PANTAU_SURVEY_RATE = (2, 600)
    return settings


def test_rotating_the_user_agent_does_not_escape_the_rate(
    client, period_a, service_a, two_per_address
):
    statuses = [
        _send(client, period_a, service_a, score, HTTP_USER_AGENT=f"phone {score}").status_code
        for score in (1, 2, 3, 4)
    ]
    assert statuses == [302, 302, 409, 409]
    assert RefusedSubmission.objects.filter(reason="rate_limited").count() == 2


def test_two_browsers_at_one_address_giving_the_same_answers_are_not_duplicates(
    client, period_a, service_a
):
    from pantau.surveys.models import HeldResponse, Response

    assert _send(client, period_a, service_a, 4, HTTP_USER_AGENT="phone A").status_code == 302
    assert _send(client, period_a, service_a, 4, HTTP_USER_AGENT="phone B").status_code == 302
    assert Response.objects.count() == 2 and not HeldResponse.objects.exists()
    # the same answers from phone A again: kept for review, not counted, not refused
    assert _send(client, period_a, service_a, 4, HTTP_USER_AGENT="phone A").status_code == 302
    assert Response.objects.count() == 2 and HeldResponse.objects.count() == 1
    assert not RefusedSubmission.objects.exists()


def test_behind_a_proxy_two_forwarded_addresses_are_two_clients(
    client, period_a, service_a, two_per_address
):
    two_per_address.BEHIND_PROXY = True
    first, second = (
        {"HTTP_X_FORWARDED_FOR": "198.51.100.1"},
        {"HTTP_X_FORWARDED_FOR": "198.51.100.2"},
    )
    assert [_send(client, period_a, service_a, s, **first).status_code for s in (1, 2, 3)] == [
        302,
        302,
        409,
    ]
    assert _send(client, period_a, service_a, 3, **second).status_code == 302
    # Two citizens behind the proxy who answer alike are not duplicates of each other either.
    assert _send(client, period_a, service_a, 1, **second).status_code == 302


def test_without_a_proxy_the_forwarded_header_is_ignored(
    client, period_a, service_a, two_per_address
):
    two_per_address.BEHIND_PROXY = False
    statuses = [
        _send(client, period_a, service_a, s, HTTP_X_FORWARDED_FOR=f"198.51.100.{s}").status_code
        for s in (1, 2, 3)
    ]
    assert statuses == [302, 302, 409]


def test_answers_sent_at_once_are_refused_and_kept_on_the_form(client, period_a, service_a):
    data = answers_post(period_a, service=service_a, scores=(1, 2, 3, 4, 1, 2, 3, 4, 1))
    data[STARTED] = new_token()
    response = client.post(_url(period_a), data)
    assert response.status_code == 400
    assert not Response.objects.exists()
    form = response.context["form"]
    assert form["persyaratan"].value() == "1" and form["waktu"].value() == "3"
    assert response.context["guard"].data[STARTED] == data[STARTED]  # the same time, kept
    data[STARTED] = new_token(now=time.time() - 5)  # sent again a few seconds later
    assert client.post(_url(period_a), data).status_code == 302
    assert Response.objects.count() == 1


def test_the_kiosk_form_has_the_check_too(client, period_a, service_a):
    from pantau.satisfaction.views import kiosk_signature

    url = reverse("survey:kiosk", args=[period_a.collection.token, kiosk_signature(period_a)])
    page = client.get(url).content.decode()
    assert f'name="{STARTED}"' in page and 'name="website"' in page
    data = answers_post(period_a, service=service_a)
    data[STARTED] = new_token()
    assert client.post(url, data).status_code == 400
