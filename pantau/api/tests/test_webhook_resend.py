"""``POST /api/v1/units/{slug}/webhooks/deliveries/{id}/resend/``: the delivery log's resend
through the API, with the same rules as the page (issue 20)."""

import pytest

from pantau.events import tasks
from pantau.events.models import WebhookDelivery

from .conftest import make_report
from .schema_check import assert_conforms

pytestmark = pytest.mark.django_db

RESEND = "/api/v1/units/{slug}/webhooks/deliveries/{id}/resend/"


@pytest.fixture
def failed(unit_a, unit_head_a, monkeypatch, settings, django_capture_on_commit_callbacks):
    from pantau.api import services

    settings.PANTAU_WEBHOOK_ATTEMPTS = 1
    answers = [503]
    monkeypatch.setattr(
        tasks, "post", lambda url, body, headers: (answers.pop(0) if answers else 200, "")
    )
    monkeypatch.setattr(tasks, "check_destination", lambda url: "")
    services.register_webhook(
        actor=unit_head_a, unit=unit_a, url="https://a.example/h", events=["complaint.created"]
    )
    with django_capture_on_commit_callbacks(execute=True):
        make_report(unit_a)
    return WebhookDelivery.objects.get(status="failed")


def _url(delivery, slug="unit-a") -> str:
    return RESEND.format(slug=slug, id=delivery.pk)


@pytest.mark.covers(f"POST {RESEND}")
def test_a_write_token_resends_a_delivery(
    token_for, unit_head_a, failed, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = token_for(unit_head_a, write=True).post(_url(failed))
    assert response.status_code == 202
    body = response.json()
    assert body["event_id"] == str(failed.event.uuid) and body["resent"] is True
    assert body["id"] != failed.pk and body["status"] == "pending"  # as queued
    assert WebhookDelivery.objects.get(pk=body["id"]).status == "delivered"
    assert_conforms(response, "POST", RESEND)
    log = token_for(unit_head_a).get("/api/v1/units/unit-a/webhooks/deliveries/").json()
    assert [(d["status"], d["resent"]) for d in log["results"]] == [
        ("delivered", True),
        ("failed", False),
    ]


def test_a_resend_while_one_waits_answers_400(token_for, unit_head_a, failed):
    client = token_for(unit_head_a, write=True)
    assert client.post(_url(failed)).status_code == 202  # queued on commit: still waiting
    again = client.post(_url(failed))
    assert again.status_code == 400 and again.json()["errors"][0]["code"] == "already_waiting"
    assert_conforms(again, "POST", RESEND)
    assert WebhookDelivery.objects.count() == 2


def test_a_read_token_may_not_resend(token_for, unit_head_a, failed):
    assert token_for(unit_head_a).post(_url(failed)).status_code == 403
    assert WebhookDelivery.objects.count() == 1


def test_another_unit_gets_404(token_for, unit_head_b, officer_a, failed):
    for client in (token_for(unit_head_b, write=True), token_for(officer_a, write=True)):
        assert client.post(_url(failed)).status_code == 404
        assert client.post(_url(failed, slug="unit-b")).status_code == 404
    assert WebhookDelivery.objects.count() == 1
