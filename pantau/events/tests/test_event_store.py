"""An emitted event is stored once per unit it concerns, with or without webhooks, and every
delivery of it points at that one record: the same id and payload on every attempt (issue 20)."""

import json

import pytest

from pantau.complaints import services as complaint_services
from pantau.complaints.tests.factories import ComplaintFactory
from pantau.events import tasks
from pantau.events.models import Event, WebhookDelivery
from pantau.events.tests.factories import WebhookEndpointFactory
from pantau.organisations.tests.factories import ServiceUnitFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def posted(monkeypatch):
    calls = []
    monkeypatch.setattr(
        tasks, "post", lambda url, body, headers: calls.append(headers) or (200, "")
    )
    monkeypatch.setattr(tasks, "check_destination", lambda url: "")
    return calls


def test_an_event_is_stored_even_when_no_webhook_listens(
    unit_a, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        complaint = ComplaintFactory(unit=unit_a)
    event = Event.objects.get()
    assert event.type == "complaint.created" and event.unit == unit_a
    assert event.payload["id"] == str(event.uuid) and event.payload["unit"] == "unit-a"
    assert event.payload["data"]["tracking_number"] == complaint.tracking_number
    assert not WebhookDelivery.objects.exists()


def test_every_endpoint_of_the_unit_gets_the_one_stored_event(
    unit_a, posted, django_capture_on_commit_callbacks
):
    first = WebhookEndpointFactory(unit=unit_a)
    second = WebhookEndpointFactory(unit=unit_a)
    with django_capture_on_commit_callbacks(execute=True):
        ComplaintFactory(unit=unit_a)
    event = Event.objects.get()
    deliveries = WebhookDelivery.objects.order_by("endpoint_id")
    assert [(d.endpoint, d.event) for d in deliveries] == [(first, event), (second, event)]
    assert {headers["X-Pantau-Delivery"] for headers in posted} == {str(event.uuid)}


def test_a_forwarded_report_is_an_event_of_both_units(
    unit_a, agency_a, officer_a, django_capture_on_commit_callbacks
):
    sibling = ServiceUnitFactory(agency=agency_a, slug="unit-a-sibling")
    complaint = ComplaintFactory(unit=unit_a)
    with django_capture_on_commit_callbacks(execute=True):
        complaint_services.transition(
            actor=officer_a, complaint=complaint, action="forward", unit=sibling, note="Bukan."
        )
    events = Event.objects.filter(type="complaint.status_changed").order_by("unit__slug")
    assert [e.payload["unit"] for e in events] == ["unit-a", "unit-a-sibling"]
    assert events[0].uuid != events[1].uuid
    assert events[0].payload["data"] == events[1].payload["data"]


def test_a_stored_payload_holds_no_reporter_identity_and_masks_the_summary(
    unit_a, officer_a, django_capture_on_commit_callbacks
):
    complaint = ComplaintFactory(
        unit=unit_a,
        subject="Budi 081234567890 ditolak",
        reporter_name="Budi Santoso",
        reporter_email="budi@example.id",
        reporter_phone="081234567890",
    )
    complaint_services.approve_public_summary(
        actor=officer_a, complaint=complaint, summary="Budi Santoso (081234567890) ditolak di loket"
    )
    with django_capture_on_commit_callbacks(execute=True):
        complaint_services.transition(actor=officer_a, complaint=complaint, action="verify")
    stored = json.dumps(Event.objects.get(type="complaint.status_changed").payload)
    for personal in ("Budi", "budi@example.id", "081234567890", "ditolak petugas"):
        assert personal not in stored
    assert "ditolak di loket" in stored
