import json

import pytest

from pantau.complaints import services as complaint_services
from pantau.events import tasks, webhooks
from pantau.events.models import WebhookDelivery, WebhookEndpoint

from .conftest import make_report

pytestmark = pytest.mark.django_db


@pytest.fixture
def received(monkeypatch):
    """Replace the HTTP call: records each request and answers the next queued status."""
    calls, answers = [], []

    def fake_post(url, body, headers):
        calls.append({"url": url, "body": body, "headers": headers})
        code = answers.pop(0) if answers else 200
        return code, "" if code and code < 300 else "refused"

    monkeypatch.setattr(tasks, "post", fake_post)
    monkeypatch.setattr(tasks, "check_destination", lambda url: "")
    return calls, answers


@pytest.fixture
def hook_a(unit_a, unit_head_a):
    from pantau.api import services

    return services.register_webhook(
        actor=unit_head_a,
        unit=unit_a,
        url="https://sistem.dinsos-a.go.id/pantau",
        events=["complaint.created", "complaint.status_changed", "skm.result_published"],
    )


def test_new_report_is_delivered_signed(
    hook_a, unit_a, received, django_capture_on_commit_callbacks
):
    calls, _answers = received
    with django_capture_on_commit_callbacks(execute=True):
        complaint, _code = make_report(unit_a)
    assert len(calls) == 1
    call = calls[0]
    assert call["headers"]["X-Pantau-Event"] == "complaint.created"
    assert webhooks.verify(hook_a.secret, call["body"], call["headers"]["X-Pantau-Signature"])
    assert not webhooks.verify("wrong", call["body"], call["headers"]["X-Pantau-Signature"])
    payload = json.loads(call["body"])
    assert payload["data"]["tracking_number"] == complaint.tracking_number
    assert "Budi" not in call["body"].decode() and "budi@example.id" not in call["body"].decode()
    delivery = WebhookDelivery.objects.get()
    assert (
        delivery.status == "delivered" and delivery.attempts == 1 and delivery.response_code == 200
    )


def test_failed_delivery_is_retried_then_logged(
    hook_a, unit_a, received, settings, django_capture_on_commit_callbacks
):
    settings.PANTAU_WEBHOOK_ATTEMPTS = 3
    calls, answers = received
    answers.extend([500, None, 500])
    with django_capture_on_commit_callbacks(execute=True):
        make_report(unit_a)
    delivery = WebhookDelivery.objects.get()
    assert delivery.status == "failed" and delivery.attempts == 3 and len(calls) == 3
    ids = {c["headers"]["X-Pantau-Delivery"] for c in calls}
    assert ids == {str(delivery.event.uuid)}


def test_retry_succeeds_on_second_attempt(
    hook_a, unit_a, received, django_capture_on_commit_callbacks
):
    calls, answers = received
    answers.extend([503, 204])
    with django_capture_on_commit_callbacks(execute=True):
        make_report(unit_a)
    delivery = WebhookDelivery.objects.get()
    assert delivery.status == "delivered" and delivery.attempts == 2


def test_status_change_and_publication_are_emitted(
    hook_a, unit_a, officer_a, received, django_capture_on_commit_callbacks
):
    calls, _answers = received
    complaint, _code = make_report(unit_a)
    with django_capture_on_commit_callbacks(execute=True):
        complaint_services.transition(actor=officer_a, complaint=complaint, action="verify")
    payload = json.loads(calls[-1]["body"])
    assert payload["event"] == "complaint.status_changed"
    assert (
        payload["data"]["previous_status"] == "received" and payload["data"]["status"] == "verified"
    )


def test_other_units_and_unwanted_events_are_not_delivered(
    hook_a, unit_b, received, django_capture_on_commit_callbacks
):
    calls, _answers = received
    with django_capture_on_commit_callbacks(execute=True):
        make_report(unit_b)
    assert calls == [] and not WebhookDelivery.objects.exists()


def test_signature_refuses_an_old_timestamp():
    body = b"{}"
    header = webhooks.sign("s", body, timestamp=1000)
    assert webhooks.verify("s", body, header, now=1100)
    assert not webhooks.verify("s", body, header, now=5000)
    assert not webhooks.verify("s", body, "garbage")


@pytest.mark.covers("POST /api/v1/units/{slug}/webhooks/", "GET /api/v1/units/{slug}/webhooks/")
def test_unit_head_registers_a_webhook_and_sees_the_secret_once(token_for, unit_head_a, unit_a):
    client = token_for(unit_head_a, write=True)
    response = client.post(
        "/api/v1/units/unit-a/webhooks/",
        {"url": "https://example.go.id/hook", "events": ["complaint.created"]},
        format="json",
    )
    assert response.status_code == 201 and len(response.json()["secret"]) == 64
    listed = client.get("/api/v1/units/unit-a/webhooks/").json()["results"]
    assert listed[0]["url"] == "https://example.go.id/hook" and "secret" not in listed[0]


def test_plain_http_and_unknown_events_are_refused(token_for, unit_head_a, unit_a):
    client = token_for(unit_head_a, write=True)
    http = client.post(
        "/api/v1/units/unit-a/webhooks/",
        {"url": "http://example.go.id/hook", "events": ["complaint.created"]},
        format="json",
    )
    assert http.status_code == 400 and http.json()["errors"][0]["field"] == "url"
    unknown = client.post(
        "/api/v1/units/unit-a/webhooks/",
        {"url": "https://example.go.id/hook", "events": ["everything"]},
        format="json",
    )
    assert unknown.status_code == 400
    assert not WebhookEndpoint.objects.exists()


@pytest.mark.covers(
    "GET /api/v1/units/{slug}/webhooks/deliveries/", "DELETE /api/v1/units/{slug}/webhooks/{id}/"
)
def test_delivery_log_and_removal(
    token_for, unit_head_a, hook_a, unit_a, received, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        make_report(unit_a)
    client = token_for(unit_head_a, write=True)
    log = client.get("/api/v1/units/unit-a/webhooks/deliveries/").json()["results"]
    assert [d["status"] for d in log] == ["delivered"]
    assert client.delete(f"/api/v1/units/unit-a/webhooks/{hook_a.pk}/").status_code == 204
    assert not WebhookEndpoint.objects.exists()


def test_officer_and_other_unit_cannot_manage_webhooks(token_for, officer_a, unit_head_b, hook_a):
    for client in (token_for(officer_a, write=True), token_for(unit_head_b, write=True)):
        assert client.get("/api/v1/units/unit-a/webhooks/").status_code == 404
        assert client.delete(f"/api/v1/units/unit-a/webhooks/{hook_a.pk}/").status_code == 404
        created = client.post(
            "/api/v1/units/unit-a/webhooks/",
            {"url": "https://evil.example/hook", "events": ["complaint.created"]},
            format="json",
        )
        assert created.status_code == 404
    assert WebhookEndpoint.objects.count() == 1


@pytest.mark.parametrize(
    "url",
    [
        "https://127.0.0.1/hook",
        "https://10.1.2.3/hook",
        "https://169.254.169.254/latest",
        "https://[::1]/x",
    ],
)
def test_webhooks_never_reach_the_servers_own_network(url):
    assert "non-public" in tasks.check_destination(url)


def test_a_refused_destination_is_logged_and_never_posted(
    hook_a, unit_a, monkeypatch, settings, django_capture_on_commit_callbacks
):
    settings.PANTAU_WEBHOOK_ATTEMPTS = 2
    posted = []
    monkeypatch.setattr(tasks, "post", lambda *args: posted.append(args) or (200, ""))
    monkeypatch.setattr(tasks, "check_destination", lambda url: "resolves to a non-public address")
    with django_capture_on_commit_callbacks(execute=True):
        make_report(unit_a)
    delivery = WebhookDelivery.objects.get()
    assert posted == [] and delivery.status == "failed" and "non-public" in delivery.error
