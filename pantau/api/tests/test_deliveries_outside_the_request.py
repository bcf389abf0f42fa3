"""Without a broker, webhook deliveries and mail never run inside a citizen's request; links use
the address the site is served at when none is configured (issue 17)."""

import threading

import pytest

from pantau.common import background, site
from pantau.events import tasks
from pantau.events.models import WebhookDelivery


@pytest.fixture
def no_broker(settings):
    settings.CELERY_TASK_ALWAYS_EAGER = True
    settings.PANTAU_TASKS_INLINE = False
    yield
    background.wait_for_idle()


@pytest.mark.django_db(transaction=True)
@pytest.mark.covers("POST /api/v1/complaints/")
def test_a_stalled_webhook_receiver_does_not_hold_up_the_citizen(
    api, unit_a, unit_head_a, monkeypatch, no_broker
):
    from pantau.api import services

    services.register_webhook(
        actor=unit_head_a,
        unit=unit_a,
        url="https://sistem.dinsos-a.go.id/pantau",
        events=["complaint.created"],
    )
    release, calls = threading.Event(), []

    def stalled_post(url, body, headers):
        calls.append(url)
        release.wait(timeout=30)  # the receiver hangs until the test lets it go
        return 503, "HTTP 503"

    monkeypatch.setattr(tasks, "post", stalled_post)
    monkeypatch.setattr(tasks, "check_destination", lambda url: "")
    response = api.post(
        "/api/v1/complaints/",
        {"kind": "complaint", "unit": "unit-a", "subject": "Antre", "description": "Lama."},
        format="json",
    )
    # The citizen has the answer while the receiver still hangs.
    assert response.status_code == 201 and not release.is_set()
    release.set()
    background.wait_for_idle()
    delivery = WebhookDelivery.objects.get()
    # Once, not five times in a row: without a worker nobody would run the retries.
    assert len(calls) == 1 and delivery.attempts == 1 and delivery.status == "failed"


@pytest.mark.django_db
def test_links_use_the_address_the_site_is_served_at(client, settings):
    settings.DEBUG = True
    settings.SITE_URL = ""
    settings.ALLOWED_HOSTS = ["127.0.0.1", "testserver"]
    client.get("/healthz", HTTP_HOST="127.0.0.1:8123")
    assert site.base_url() == "http://127.0.0.1:8123"
    settings.SITE_URL = "https://pantau.lomboktimurkab.go.id/"
    assert site.base_url() == "https://pantau.lomboktimurkab.go.id"


@pytest.mark.django_db
def test_in_production_links_never_come_from_a_request(client, settings):
    settings.DEBUG = False
    settings.SITE_URL = ""
    settings.ALLOWED_HOSTS = ["evil.example", "testserver"]
    site._seen.clear()
    client.get("/healthz", HTTP_HOST="evil.example")
    assert site.base_url() == site.DEFAULT
