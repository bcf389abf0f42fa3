"""What the public reads of a report's own words (pantau.complaints.public_text), the same on the
register, Open311 (JSON and XML) and in webhooks: "under review" until staff approved a public summary,
then the summary with NIK, telephone, e-mail and the reporter's name masked; never the description."""

import uuid

import pytest

from pantau.complaints import services as complaint_services
from pantau.complaints.events import complaint_data as _complaint_data
from pantau.complaints.models import Category, Complaint, Status

pytestmark = pytest.mark.django_db

SUBJECT = "Saya Inaq Sahnun NIK 5203014101700001 HP 081911112222 ditolak petugas Pak Rudi"
SURFACES = ("/lapor/register/", "/open311/v2/requests.json", "/open311/v2/requests.xml")


def _report(unit):
    data = {
        "kind": "complaint",
        "unit": unit,
        "subject": SUBJECT,
        "description": "Rumah saya di Jl. Melati 5, anak saya Wayan.",
        "reporter_name": "Inaq Sahnun",
        "reporter_email": "inaq@example.id",
        "category": Category.objects.get(agency=None, code="waktu"),
    }
    complaint, _code, _new = complaint_services.submit_complaint(
        data=data, files=[], submission_token=uuid.uuid4()
    )
    return complaint


def _nothing_personal(text):
    assert "5203014101700001" not in text and "081911112222" not in text
    assert "Inaq Sahnun" not in text and "inaq@example.id" not in text
    assert "Jl. Melati" not in text  # the description is never public


def test_an_unverified_report_shows_under_review_everywhere(client, unit_a):
    complaint = _report(unit_a)
    for url in SURFACES:
        text = client.get(url).content.decode()
        assert complaint.tracking_number in text
        assert "Sedang ditinjau" in text and "ditolak petugas" not in text
        _nothing_personal(text)
    assert _complaint_data(complaint)["subject"] == "Sedang ditinjau"


def test_an_approved_summary_is_shown_masked_everywhere(client, unit_a):
    complaint = _report(unit_a)
    # Even a summary copied carelessly from the title passes the safety net.
    Complaint.objects.filter(pk=complaint.pk).update(status=Status.VERIFIED, public_summary=SUBJECT)
    complaint.refresh_from_db()
    for url in SURFACES:
        text = client.get(url).content.decode()
        assert "ditolak petugas" in text
        _nothing_personal(text)
    _nothing_personal(_complaint_data(complaint)["subject"])
