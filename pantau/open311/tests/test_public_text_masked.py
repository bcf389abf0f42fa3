import uuid

import pytest

from pantau.complaints import services as complaint_services
from pantau.complaints.models import Category

pytestmark = pytest.mark.django_db


def test_requests_mask_nik_phone_and_reporter_name_in_the_subject(client, unit_a):
    subject = "Saya Inaq Sahnun NIK 5203014101700001 HP 081911112222 ditolak petugas Pak Rudi"
    data = {
        "kind": "complaint",
        "unit": unit_a,
        "subject": subject,
        "description": "Ditolak di loket.",
        "reporter_name": "Inaq Sahnun",
        "reporter_email": "inaq@example.id",
        "category": Category.objects.get(agency=None, code="waktu"),
    }
    complaint_services.submit_complaint(data=data, files=[], submission_token=uuid.uuid4())
    for url in ("/open311/v2/requests.json", "/open311/v2/requests.xml"):
        text = client.get(url).content.decode()
        assert "ditolak petugas" in text
        assert "5203014101700001" not in text and "081911112222" not in text
        assert "Inaq Sahnun" not in text


def test_public_register_masks_nik_phone_and_reporter_name(client, unit_a):
    data = {
        "kind": "complaint",
        "unit": unit_a,
        "subject": "Saya Inaq Sahnun NIK 5203014101700001 HP 081911112222 ditolak petugas Pak Rudi",
        "description": "Ditolak di loket.",
        "reporter_name": "Inaq Sahnun",
        "reporter_email": "inaq@example.id",
        "category": Category.objects.get(agency=None, code="waktu"),
    }
    complaint_services.submit_complaint(data=data, files=[], submission_token=uuid.uuid4())
    text = client.get("/lapor/register/").content.decode()
    assert "ditolak petugas" in text
    assert (
        "5203014101700001" not in text and "081911112222" not in text and "Inaq Sahnun" not in text
    )
