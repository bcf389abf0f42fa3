"""A person's request about their own data: due date, an export of what we hold, erasure."""

import json
from datetime import timedelta

from django.utils import timezone

from pantau.accounts.tests.factories import UserFactory
from pantau.complaints.models import Complaint
from pantau.complaints.tests.conftest import report
from pantau.privacy.models import PersonalDataAccess, SubjectRequest


def _request(kind, **who):
    return SubjectRequest.objects.create(kind=kind, received_at=timezone.now(), **who)


def test_the_answer_is_due_after_the_set_number_of_days(db, settings):
    settings.PANTAU_SUBJECT_REQUEST_DAYS = 14
    subject_request = _request("access", email="budi@example.id")
    assert subject_request.due_at - subject_request.received_at == timedelta(days=14)


def _admin(client):
    admin = UserFactory(username="admin_dsr", is_superuser=True, is_staff=True)
    client.force_login(admin)
    return admin


def test_export_gives_every_report_of_the_person_and_logs_it(client, unit_a):
    mine, _code = report(unit_a, reporter_phone="0812-9876-5432")
    other, _code = report(unit_a, reporter_email="siti@example.id", reporter_name="Siti")
    subject_request = _request("access", phone="+62 812 9876 5432")
    admin = _admin(client)
    response = client.post(
        "/admin/privacy/subjectrequest/",
        {"action": "export_data", "_selected_action": [subject_request.pk]},
    )
    assert response.status_code == 200
    exported = json.loads(response.content)
    numbers = [r["tracking_number"] for r in exported[0]["reports"]]
    assert numbers == [mine.tracking_number]
    assert exported[0]["reports"][0]["reporter_phone"] == "0812-9876-5432"
    assert PersonalDataAccess.objects.get().kind == "export"
    subject_request.refresh_from_db()
    assert subject_request.handled_by == admin
    assert other.tracking_number not in response.content.decode()


def test_erasure_blanks_the_person_on_reports_and_history(client, unit_a):
    mine, _code = report(unit_a)  # Budi, budi@example.id
    other, _code = report(unit_a, reporter_email="siti@example.id", reporter_name="Siti")
    subject_request = _request("erasure", email="BUDI@example.id")
    _admin(client)
    client.post(
        "/admin/privacy/subjectrequest/",
        {"action": "erase_data", "_selected_action": [subject_request.pk]},
    )
    mine.refresh_from_db()
    assert (mine.reporter_name, mine.reporter_email) == ("", "")
    assert {row.reporter_email for row in mine.history.all()} == {""}
    assert Complaint.objects.get(pk=other.pk).reporter_email == "siti@example.id"
    subject_request.refresh_from_db()
    assert subject_request.status == "done" and "1 reports" in subject_request.outcome


def test_erasure_action_ignores_requests_that_are_not_for_erasure(client, unit_a):
    mine, _code = report(unit_a)
    subject_request = _request("access", email="budi@example.id")
    _admin(client)
    client.post(
        "/admin/privacy/subjectrequest/",
        {"action": "erase_data", "_selected_action": [subject_request.pk]},
    )
    mine.refresh_from_db()
    assert mine.reporter_email == "budi@example.id"
