"""mySociety's POST servicerequestupdates: the client that posted a report sends the citizen's
comment back, recorded as the reporter's reply; no other client, and no key without the write
scope, may do so."""

from xml.etree import ElementTree as ET  # noqa: S405 - parsing our own output in tests

import pytest
from rest_framework.test import APIClient

from pantau.api import services as api_services
from pantau.complaints import services as complaint_services
from pantau.complaints.models import Complaint, Event, Status

pytestmark = pytest.mark.django_db


def _key(user, write=True, name="fms"):
    return api_services.create_token(actor=user, name=name, can_write=write)[1]


@pytest.fixture
def posted(unit_a, officer_a):
    """A report posted by a FixMyStreet-like client, verified and then postponed by the unit."""
    key = _key(officer_a)
    response = APIClient().post(
        "/open311/v2/requests.xml",
        {
            "api_key": key,
            "service_code": "biaya",
            "description": "Diminta uang tambahan.",
            "attribute[unit]": "unit-a",
            "lat": "-8.65",
            "long": "116.53",
        },
    )
    number = ET.fromstring(response.content).find("request/service_request_id").text  # noqa: S314
    complaint = Complaint.objects.get(tracking_number=number)
    complaint_services.transition(actor=officer_a, complaint=complaint, action="verify")
    complaint_services.transition(
        actor=officer_a, complaint=complaint, action="postpone", note="Kirim foto kuitansi."
    )
    return key, complaint


def _comment(key, number, **extra):
    # The fields FixMyStreet's Open311.pm sends with a comment.
    form = {
        "api_key": key,
        "jurisdiction_id": "prov-a",
        "service_request_id": number,
        "update_id": "4711",
        "updated_datetime": "2026-11-23T09:30:00+07:00",
        "status": "OPEN",
        "description": "Foto kuitansi: terlampir.",
        "first_name": "Ani",
        "last_name": "-",
        "email": "ani@example.id",
        **extra,
    }
    return APIClient().post("/open311/v2/servicerequestupdates.xml", form)


def test_the_posting_client_sends_the_citizens_comment_back(posted):
    key, complaint = posted
    response = _comment(key, complaint.tracking_number, media_url="https://fms.example/p/1.jpeg")
    assert response.status_code == 200, response.content
    root = ET.fromstring(response.content)  # noqa: S314
    assert root.tag == "service_request_updates"
    update_id = root.find("request_update/update_id").text
    event = Event.objects.get(pk=update_id)
    assert event.action == "reporter_reply" and event.public
    assert "Foto kuitansi" in event.note and "https://fms.example/p/1.jpeg" in event.note
    complaint.refresh_from_db()
    assert complaint.status == Status.VERIFIED  # back where it was before it waited
    own = APIClient().get("/open311/v2/servicerequestupdates.json", {"api_key": key}).json()
    assert own[-1]["update_id"] == update_id and "Foto kuitansi" in own[-1]["description"]


def test_another_client_cannot_comment_on_a_report_it_did_not_post(posted, officer_a):
    _key_of_poster, complaint = posted
    other = _key(officer_a, name="other")
    response = _comment(other, complaint.tracking_number)
    assert response.status_code == 404
    assert not Event.objects.filter(action="reporter_reply").exists()


@pytest.mark.parametrize("key", ["", "pnt_bad"])
def test_a_comment_needs_an_api_key(posted, key):
    _key_of_poster, complaint = posted
    assert _comment(key, complaint.tracking_number).status_code == 403


def test_a_read_only_key_cannot_comment(posted, officer_a):
    _key_of_poster, complaint = posted
    assert _comment(_key(officer_a, write=False), complaint.tracking_number).status_code == 403


def test_a_comment_when_the_unit_is_not_waiting_is_refused_and_changes_nothing(posted, officer_a):
    key, complaint = posted
    assert _comment(key, complaint.tracking_number).status_code == 200
    again = _comment(key, complaint.tracking_number)
    assert again.status_code == 400
    assert ET.fromstring(again.content).find("error/code").text == "400"  # noqa: S314
    assert Event.objects.filter(action="reporter_reply").count() == 1


@pytest.mark.parametrize("description", ["", "x" * 4001])
def test_an_empty_or_long_comment_is_refused(posted, description):
    key, complaint = posted
    response = _comment(key, complaint.tracking_number, description=description)
    assert response.status_code == 400
    assert not Event.objects.filter(action="reporter_reply").exists()
