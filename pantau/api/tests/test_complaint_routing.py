"""The API files reports into the same queues as the web (issue 16)."""

import pytest

from pantau.accounts.models import Role
from pantau.accounts.tests.factories import MembershipFactory, UserFactory
from pantau.complaints.models import Complaint

from .test_complaints import _new as _complaint


def _new(**overrides):
    """A report about a bribe at unit A's counter, without the reporter's name."""
    fields = {"subject": "Diminta uang", "description": "Petugas meminta uang tambahan."}
    return _complaint(**{**fields, "reporter_name": "", "reporter_email": "", **overrides})


@pytest.mark.covers("POST /api/v1/complaints/")
def test_an_integrity_report_from_an_app_goes_to_the_inspector_not_the_unit(
    api, token_for, unit_a, officer_a, agency_a
):
    inspector = UserFactory(username="inspektur")
    MembershipFactory(user=inspector, role=Role.INSPECTOR, agency=agency_a.parent, unit=None)
    response = api.post("/api/v1/complaints/", _new(integrity=True), format="json")
    assert response.status_code == 201, response.content
    number = response.json()["tracking_number"]
    complaint = Complaint.objects.get(tracking_number=number)
    assert (complaint.integrity, complaint.queue, complaint.confidential) == (
        True,
        "inspector",
        True,
    )
    assert token_for(officer_a).get(f"/api/v1/complaints/{number}/").status_code == 404
    body = token_for(inspector).get(f"/api/v1/complaints/{number}/").json()
    assert body["queue"] == "inspector" and body["queue_agency"] == agency_a.parent.slug
    assert "assign" not in body["allowed_actions"] and "verify" in body["allowed_actions"]


@pytest.mark.covers("POST /api/v1/complaints/")
def test_integrity_must_be_a_real_boolean(api, unit_a):
    response = api.post("/api/v1/complaints/", _new(integrity="maybe"), format="json")
    assert response.status_code == 400
    assert [e["field"] for e in response.json()["errors"]] == ["integrity"]
    assert not Complaint.objects.exists()
