"""An Open311 report and the record of which token posted it (``Submission``) are saved in one
transaction: when the record cannot be written, the report is not kept either, and the client may
send it again (issue 18)."""

import pytest
from rest_framework.test import APIClient

from pantau.api import services as api_services
from pantau.complaints.models import Complaint
from pantau.open311.models import Submission

pytestmark = pytest.mark.django_db


def _post(key, unit, **extra):
    form = {
        "api_key": key,
        "service_code": "waktu",
        "description": "Antrean tiga jam.",
        "attribute[unit]": unit.slug,
        "lat": "-8.65",
        "long": "116.53",
        **extra,
    }
    return APIClient(raise_request_exception=False).post("/open311/v2/requests.json", form)


def test_a_report_whose_submission_fails_is_not_kept(unit_a, officer_a, monkeypatch):
    key = api_services.create_token(actor=officer_a, name="kota", can_write=True)[1]

    def broken(*args, **kwargs):
        raise RuntimeError("the database went away")

    monkeypatch.setattr(Submission.objects, "create", broken)
    response = _post(key, unit_a)
    assert response.status_code == 500
    assert Complaint.objects.count() == 0 and Submission.objects.count() == 0
    monkeypatch.undo()
    again = _post(key, unit_a)
    assert again.status_code == 200, again.content
    complaint = Complaint.objects.get()
    assert Submission.objects.get().complaint == complaint
