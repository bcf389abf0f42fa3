"""A client syncing with ``updated_after`` and following the links reads every change once: rows
come oldest change first in a stable (time, id) order, rows changed at the very same moment are
split across pages without loss, and what changes later is read from ``Pantau-Resume``."""

import re
import uuid
from datetime import timedelta

import pytest
from django.utils import timezone

from pantau.complaints import services as complaint_services
from pantau.complaints.models import Complaint, Event
from pantau.open311 import params

pytestmark = pytest.mark.django_db

START = "2000-01-01T00:00:00Z"


def _report(unit):
    complaint, _code, _new = complaint_services.submit_complaint(
        data={"kind": "complaint", "unit": unit, "subject": "Antre", "description": "Lama."},
        files=[],
        submission_token=uuid.uuid4(),
    )
    return complaint


def _next(response) -> str | None:
    found = re.search(r'<([^>]+)>; rel="next"', response.get("Link", ""))
    return found.group(1) if found else None


def _sync(client, url) -> tuple[list[str], str]:
    """Follow ``next`` to the end; the ids read and where to resume."""
    seen: list[str] = []
    while True:
        response = client.get(url)
        assert response.status_code == 200, response.content
        seen += [
            row.get("service_request_id") + "/" + row.get("update_id", "")
            for row in response.json()
        ]
        follow = _next(response)
        if follow is None:
            return seen, response["Pantau-Resume"]
        url = follow


def test_requests_changed_at_one_moment_are_read_once_across_pages(client, unit_a):
    reports = [_report(unit_a) for _ in range(5)]
    moment = timezone.now() - timedelta(minutes=5)
    Complaint.objects.update(updated_at=moment)  # one moment for all: only the id orders them
    seen, resume = _sync(client, f"/open311/v2/requests.json?updated_after={START}&page_size=2")
    assert seen == sorted(f"{c.tracking_number}/" for c in reports)

    later = reports[3]
    later.subject = "Antre lagi"
    later.save()
    Complaint.objects.filter(pk=later.pk).update(updated_at=moment + timedelta(minutes=1))
    again, _resume = _sync(client, resume)
    assert again == [f"{later.tracking_number}/"]  # only what changed since, never a repeat


def test_a_change_younger_than_the_settling_time_waits_for_the_next_call(client, unit_a):
    complaint = _report(unit_a)  # changed just now
    response = client.get("/open311/v2/requests.json", {"updated_after": START})
    assert response.json() == []
    assert _next(response) is None and response["Pantau-Resume"]
    Complaint.objects.filter(pk=complaint.pk).update(
        updated_at=timezone.now() - params.SETTLE - timedelta(seconds=1)
    )
    found, _resume = _sync(client, response["Pantau-Resume"])
    assert found == [f"{complaint.tracking_number}/"]


def test_updates_sync_the_same_way(client, unit_a, officer_a):
    reports = [_report(unit_a) for _ in range(3)]
    for complaint in reports:
        complaint_services.transition(actor=officer_a, complaint=complaint, action="verify")
    moment = timezone.now() - timedelta(minutes=5)
    Event.objects.update(at=moment)
    seen, resume = _sync(
        client, f"/open311/v2/servicerequestupdates.json?updated_after={START}&page_size=1"
    )
    verified = Event.objects.filter(action="verify").order_by("id")
    assert seen == [f"{e.complaint.tracking_number}/{e.pk}" for e in verified]
    complaint_services.transition(
        actor=officer_a, complaint=reports[0], action="postpone", note="Kirim foto KTP."
    )
    Event.objects.filter(action="postpone").update(at=moment + timedelta(minutes=1))
    again, _resume = _sync(client, resume)
    postponed = Event.objects.get(action="postpone")
    assert again == [f"{reports[0].tracking_number}/{postponed.pk}"]


def test_page_and_updated_after_do_not_mix(client):
    response = client.get("/open311/v2/requests.json", {"updated_after": START, "page": "2"})
    assert response.status_code == 400 and "page" in response.json()[0]["description"]
