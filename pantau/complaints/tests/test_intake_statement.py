"""The one-statement intake on PostgreSQL (decision 0018) writes what the ORM path writes."""

import uuid
from datetime import date

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from pantau.complaints import services
from pantau.complaints.models import Complaint, Event
from pantau.complaints.services.reports import _create

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the one-statement intake is PostgreSQL's"
)

VOLATILE = {
    "id",
    "created_at",
    "updated_at",
    "tracking_number",
    "submission_token",
    "access_code_hash",
}


def _data(unit, service):
    return {
        "kind": "complaint",
        "unit": unit,
        "service": service,
        "subject": "Antrean panjang",
        "description": "Tiga jam menunggu.",
        "happened_on": date(2025, 12, 1),
        "remedy": "Nomor antrean daring.",
        "reporter_name": "Budi",
        "reporter_email": "budi@example.id",
        "reporter_phone": "0812",
        "anonymous": True,
        "confidential": True,
    }


def _rows(complaint):
    saved = {
        k: v
        for k, v in Complaint.objects.filter(pk=complaint.pk).values().get().items()
        if k not in VOLATILE
    }
    history = [
        {k: v for k, v in row.items() if k not in VOLATILE | {"history_id", "history_date"}}
        for row in Complaint.history.filter(id=complaint.pk).values()
    ]
    events = [
        {k: v for k, v in row.items() if k not in {"id", "complaint_id", "at"}}
        for row in Event.objects.filter(complaint=complaint).values()
    ]
    return saved, history, events


def test_both_paths_write_the_same_rows(unit_a):
    from pantau.organisations.models import Service

    service_a = Service.objects.create(unit=unit_a, name="Bantuan sosial", slug="bansos")
    made = []
    for one_statement in (True, False):
        with transaction.atomic():
            made.append(
                _create(
                    data=_data(unit_a, service_a),
                    files=[],
                    number=f"LP-TEST-{len(made)}",
                    code="ABCD2345",
                    token=uuid.uuid4(),
                    channel="web",
                    entered_by=None,
                    today=date(2026, 2, 2),
                    one_statement=one_statement,
                )
            )
    fast, orm = made
    assert fast.pk and fast.pk != orm.pk
    assert _rows(fast) == _rows(orm)
    saved, history, events = _rows(fast)
    assert saved["late"] is True and saved["verify_due"] == date(2026, 2, 5)
    assert len(history) == 1 and history[0]["history_type"] == "+"
    assert history[0]["history_user_id"] is None
    assert events == [
        {
            "actor_id": None,
            "action": "received",
            "from_status": "",
            "to_status": "received",
            "unit_id": unit_a.pk,
            "note": "",
            "public": True,
        }
    ]
    assert services.check_access_code(Complaint.objects.get(pk=fast.pk), "ABCD2345")


def test_a_citizen_report_is_one_statement(unit_a):
    """Once the process knows the unit's agency chain, policy and days off (pantau.common.memo)."""
    data = _data(unit_a, None)
    services.submit_complaint(data=data, files=[], submission_token=uuid.uuid4())
    with CaptureQueriesContext(connection) as queries:
        complaint, code, created = services.submit_complaint(
            data=data, files=[], submission_token=uuid.uuid4()
        )
    assert created and code
    statements = [q["sql"] for q in queries if "SAVEPOINT" not in q["sql"]]
    assert len(statements) == 1 and statements[0].startswith("WITH new_complaint")
    assert Event.objects.filter(complaint=complaint, action="received").count() == 1


def test_the_same_submission_again_returns_the_first_report(unit_a):
    token = uuid.uuid4()
    first, code, created = services.submit_complaint(
        data=_data(unit_a, None), files=[], submission_token=token
    )
    again, no_code, created_again = services.submit_complaint(
        data=_data(unit_a, None), files=[], submission_token=token
    )
    assert created and not created_again and no_code == code  # the same code (issue 20)
    assert again.pk == first.pk
    assert Complaint.objects.count() == 1 and Complaint.history.count() == 1
    assert Event.objects.count() == 1
