"""A delivery of the log is sent again on request: a new line in the log with the same event id
and payload, by whoever manages the webhook's unit (issue 20)."""

import json

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from pantau.complaints.tests.factories import ComplaintFactory
from pantau.events import services, tasks
from pantau.events.models import WebhookDelivery
from pantau.events.tests.factories import WebhookEndpointFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def receiver(monkeypatch):
    """The receiving system: records each request and answers the next queued status."""
    calls, answers = [], []

    def post(url, body, headers):
        calls.append({"body": body, "headers": headers})
        code = answers.pop(0) if answers else 200
        return code, "" if code < 300 else f"HTTP {code}"

    monkeypatch.setattr(tasks, "post", post)
    monkeypatch.setattr(tasks, "check_destination", lambda url: "")
    return calls, answers


@pytest.fixture
def failed(unit_a, receiver, settings, django_capture_on_commit_callbacks):
    """A delivery that failed every attempt."""
    settings.PANTAU_WEBHOOK_ATTEMPTS = 2
    _calls, answers = receiver
    answers.extend([503, 503])
    WebhookEndpointFactory(unit=unit_a)
    with django_capture_on_commit_callbacks(execute=True):
        ComplaintFactory(unit=unit_a)
    delivery = WebhookDelivery.objects.get()
    assert delivery.status == "failed"
    return delivery


def test_a_resend_delivers_the_same_event_again_and_is_logged(
    failed, receiver, unit_head_a, django_capture_on_commit_callbacks
):
    calls, _answers = receiver
    with django_capture_on_commit_callbacks(execute=True):
        resend = services.resend_delivery(actor=unit_head_a, delivery=failed)
    resend.refresh_from_db()
    assert resend.pk != failed.pk and resend.event == failed.event
    assert resend.status == "delivered" and resend.attempts == 1 and resend.resent_by == unit_head_a
    first, again = calls[0], calls[-1]
    assert again["headers"]["X-Pantau-Delivery"] == first["headers"]["X-Pantau-Delivery"]
    assert json.loads(again["body"]) == json.loads(first["body"]) == failed.event.payload
    failed.refresh_from_db()
    assert failed.status == "failed"  # the first line of the log stays as it was
    assert WebhookDelivery.objects.filter(event=failed.event).count() == 2


def test_an_event_still_waiting_is_not_queued_twice(failed, unit_head_a):
    services.resend_delivery(actor=unit_head_a, delivery=failed)  # waits: not yet committed
    with pytest.raises(ValidationError) as refused:
        services.resend_delivery(actor=unit_head_a, delivery=failed)
    assert refused.value.code == "already_waiting"
    assert WebhookDelivery.objects.filter(status="pending").count() == 1


def test_a_paused_webhook_is_not_sent_to(failed, unit_head_a):
    failed.endpoint.is_active = False
    failed.endpoint.save()
    with pytest.raises(ValidationError):
        services.resend_delivery(actor=unit_head_a, delivery=failed)
    assert WebhookDelivery.objects.count() == 1


def test_an_officer_may_not_resend(failed, officer_a):
    with pytest.raises(PermissionDenied):
        services.resend_delivery(actor=officer_a, delivery=failed)
    assert WebhookDelivery.objects.count() == 1


def _resend_url(delivery) -> str:
    return reverse("api:webhook-resend", args=[delivery.endpoint.unit.slug, delivery.pk])


def test_the_unit_head_resends_from_the_delivery_log(
    client, failed, unit_head_a, django_capture_on_commit_callbacks
):
    client.force_login(unit_head_a)
    page = client.get(reverse("api:unit-detail", args=["unit-a"]))
    assert _resend_url(failed) in page.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(_resend_url(failed))
    assert response.status_code == 302 and response["Location"].endswith("#log-title")
    assert WebhookDelivery.objects.filter(resent_by=unit_head_a, status="delivered").count() == 1
    assert client.get(_resend_url(failed)).status_code == 405


def test_a_refused_resend_is_explained_and_changes_nothing(client, failed, unit_head_a):
    client.force_login(unit_head_a)
    failed.endpoint.is_active = False
    failed.endpoint.save()
    page = client.post(_resend_url(failed), follow=True)
    assert page.status_code == 200 and len(list(page.context["messages"])) == 1
    assert WebhookDelivery.objects.count() == 1


def test_a_unit_head_of_another_unit_gets_404(client, failed, unit_head_b, officer_a):
    for outsider in (unit_head_b, officer_a):
        client.force_login(outsider)
        assert client.post(_resend_url(failed)).status_code == 404
        # Nor through their own unit's address with another unit's delivery.
        other = reverse("api:webhook-resend", args=["unit-b", failed.pk])
        assert client.post(other).status_code == 404
    assert WebhookDelivery.objects.count() == 1
