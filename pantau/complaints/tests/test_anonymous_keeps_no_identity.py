"""An anonymous report keeps no name, e-mail or telephone: not in the report, not in its history;
the acknowledgement still reaches the address given, once (issue 22, decision 0025)."""

from importlib import import_module

from django.apps import apps as global_apps
from django.core import mail

from pantau.complaints.models import Complaint

from .conftest import report


def _identity(complaint):
    return {
        (row.reporter_name, row.reporter_email, row.reporter_phone)
        for row in [complaint, *complaint.history.all()]
    }


def test_anonymous_report_stores_no_identity_anywhere(unit_a, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        complaint, code = report(unit_a, anonymous=True, reporter_phone="081298765432")
    complaint.refresh_from_db()
    assert _identity(complaint) == {("", "", "")}
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["budi@example.id"]
    assert code in mail.outbox[0].body


def test_named_report_keeps_the_identity(unit_a):
    complaint, _code = report(unit_a)
    assert ("Budi", "budi@example.id", "") in _identity(complaint)


def test_anonymous_report_through_the_api_stores_no_identity(client, unit_a):
    response = client.post(
        "/api/v1/complaints/",
        {
            "kind": "complaint",
            "unit": unit_a.slug,
            "subject": "Pungutan liar",
            "description": "Diminta uang di loket.",
            "reporter_name": "Siti",
            "reporter_email": "siti@example.id",
            "anonymous": True,
            "submission_token": "7c1f6b1e-8a44-4b7a-9a55-2d1f0c3e4b5a",
        },
        content_type="application/json",
    )
    assert response.status_code == 201, response.content
    complaint = Complaint.objects.get(tracking_number=response.json()["tracking_number"])
    assert _identity(complaint) == {("", "", "")}


def test_migration_blanks_identities_stored_before(unit_a):
    complaint, _code = report(unit_a)
    Complaint.objects.filter(pk=complaint.pk).update(anonymous=True)
    complaint.history.update(anonymous=True)
    migration = import_module(
        "pantau.complaints.migrations.0004_anonymous_reports_keep_no_identity"
    )
    migration.blank_anonymous_identities(global_apps, None)
    complaint.refresh_from_db()
    assert _identity(complaint) == {("", "", "")}
