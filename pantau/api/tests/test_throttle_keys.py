"""The API's throttles: counted atomically per client address (the proxy's header only behind a
proxy), never escaped by changing the User-Agent, and able to hold under parallel requests."""

import threading

import pytest
from django.test import RequestFactory
from rest_framework.request import Request

from pantau.api.throttling import AnonymousRateThrottle, TrackRateThrottle

from .conftest import make_report

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_wrong_tries(monkeypatch):
    monkeypatch.setattr(
        TrackRateThrottle, "THROTTLE_RATES", {**TrackRateThrottle.THROTTLE_RATES, "track": "2/hour"}
    )


def _wrong(api, number, **headers):
    body = {"tracking_number": number, "access_code": "WRONG123"}
    return api.post("/api/v1/complaints/track/", body, format="json", **headers).status_code


def test_rotating_the_user_agent_does_not_escape_the_tracking_limit(api, unit_a, two_wrong_tries):
    complaint, _code = make_report(unit_a)
    statuses = [
        _wrong(api, complaint.tracking_number, HTTP_USER_AGENT=f"script {n}") for n in range(4)
    ]
    assert statuses == [404, 404, 429, 429]


def test_behind_a_proxy_two_forwarded_addresses_are_two_clients(
    api, unit_a, two_wrong_tries, settings
):
    settings.BEHIND_PROXY = True
    number = make_report(unit_a)[0].tracking_number
    one, other = {"HTTP_X_FORWARDED_FOR": "198.51.100.1"}, {"HTTP_X_FORWARDED_FOR": "198.51.100.2"}
    assert [_wrong(api, number, **one) for _ in range(3)] == [404, 404, 429]
    assert _wrong(api, number, **other) == 404
    assert _wrong(api, number, HTTP_X_FORWARDED_FOR="203.0.113.5, 198.51.100.1") == 429


def test_without_a_proxy_the_forwarded_header_is_ignored(api, unit_a, two_wrong_tries, settings):
    settings.BEHIND_PROXY = False
    number = make_report(unit_a)[0].tracking_number
    statuses = [_wrong(api, number, HTTP_X_FORWARDED_FOR=f"198.51.100.{n}") for n in range(3)]
    assert statuses == [404, 404, 429]


def test_the_anonymous_client_is_its_address(settings):
    settings.BEHIND_PROXY = False
    request = Request(
        RequestFactory().get("/", REMOTE_ADDR="203.0.113.7", HTTP_X_FORWARDED_FOR="1.1.1.1")
    )
    assert AnonymousRateThrottle().get_ident(request) == "203.0.113.7"


def test_parallel_requests_pass_no_more_than_the_rate(monkeypatch):
    monkeypatch.setattr(
        AnonymousRateThrottle,
        "THROTTLE_RATES",
        {**AnonymousRateThrottle.THROTTLE_RATES, "anon": "10/hour"},
    )
    from django.contrib.auth.models import AnonymousUser

    allowed = []
    start = threading.Barrier(40)

    def one():
        request = Request(RequestFactory().get("/", REMOTE_ADDR="203.0.113.7"))
        request.user = AnonymousUser()
        start.wait()
        allowed.append(AnonymousRateThrottle().allow_request(request, None))

    threads = [threading.Thread(target=one) for _ in range(40)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert allowed.count(True) == 10 and len(allowed) == 40


def test_new_reports_share_one_limit_per_address_with_the_web_form(api, client, unit_a, settings):
    import uuid

    from django.urls import reverse

    from pantau.common.humancheck import passing_fields
    from pantau.complaints.models import Complaint

    settings.PANTAU_COMPLAINT_RATE = (2, 3600)
    body = {"kind": "complaint", "unit": unit_a.slug, "subject": "Antrean", "description": "Lama."}
    assert api.post("/api/v1/complaints/", body, format="json").status_code == 201
    web = {
        **{k: v for k, v in body.items() if k != "unit"},
        "unit": str(unit_a.pk),
        "submission_token": str(uuid.uuid4()),
        **passing_fields(),
    }
    assert client.post(reverse("complaints:new"), web).status_code == 302
    refused = api.post("/api/v1/complaints/", body, format="json", HTTP_USER_AGENT="other")
    assert refused.status_code == 429 and int(refused["Retry-After"]) > 0
    assert Complaint.objects.count() == 2
