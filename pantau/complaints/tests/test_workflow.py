from datetime import date

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError

from pantau.complaints import services
from pantau.complaints.models import Event, Status
from pantau.complaints.services import TRANSITIONS
from pantau.complaints.tests.conftest import report

ALL_STATUSES = list(Status.values)


@pytest.mark.parametrize("action", list(TRANSITIONS))
@pytest.mark.parametrize("status", ALL_STATUSES)
def test_every_transition_is_allowed_only_from_its_statuses(unit_a, unit_head_a, action, status):
    complaint, _code = report(unit_a)
    complaint.status = status
    complaint.postponed_from = Status.VERIFIED if status == Status.POSTPONED else ""
    complaint.save()
    sources, _target = TRANSITIONS[action]
    kwargs = {"note": "Catatan", "unit": unit_a, "reason": "spam"}
    if status in sources:
        updated = services.transition(
            actor=unit_head_a, complaint=complaint, action=action, **kwargs
        )
        expected = (
            Status.VERIFIED if action in ("reporter_reply", "resume") else TRANSITIONS[action][1]
        )
        assert updated.status == expected
        assert Event.objects.filter(complaint=complaint, action=action).exists()
    else:
        with pytest.raises(ValidationError):
            services.transition(actor=unit_head_a, complaint=complaint, action=action, **kwargs)


def test_received_cannot_jump_to_closed(unit_a, unit_head_a):
    complaint, _code = report(unit_a)
    with pytest.raises(ValidationError):
        services.transition(actor=unit_head_a, complaint=complaint, action="close")


def test_full_path_sets_deadlines_and_public_timeline(
    unit_a, unit_head_a, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        complaint, code = report(unit_a)
    assert complaint.verify_due is not None and len(code) == 8
    complaint = services.transition(
        actor=unit_head_a, complaint=complaint, action="verify", today=date(2025, 6, 13)
    )
    assert complaint.resolution_due == date(2025, 8, 12)  # 60 days (UU 25/2009 Pasal 50)
    complaint = services.transition(
        actor=unit_head_a,
        complaint=complaint,
        action="assign",
        unit=unit_a,
        today=date(2025, 6, 13),
    )
    assert complaint.response_due == date(2025, 6, 20)  # 5 working days after a Friday
    with django_capture_on_commit_callbacks(execute=True):
        complaint = services.transition(
            actor=unit_head_a, complaint=complaint, action="answer", note="Sudah selesai."
        )
    assert complaint.answered_at is not None
    public = list(complaint.events.filter(public=True).values_list("action", flat=True))
    assert public == ["received", "verify", "assign", "answer"]
    assert len(mail.outbox) == 2, [
        m.subject for m in mail.outbox
    ]  # the acknowledgement with the code, and the answer
    assert code in mail.outbox[0].body and complaint.tracking_number in mail.outbox[1].subject


def test_answer_and_postpone_need_text_archive_needs_reason(unit_a, unit_head_a):
    complaint, _code = report(unit_a)
    with pytest.raises(ValidationError):
        services.transition(actor=unit_head_a, complaint=complaint, action="postpone", note=" ")
    with pytest.raises(ValidationError):
        services.transition(
            actor=unit_head_a, complaint=complaint, action="archive", reason="bosan"
        )
    complaint.refresh_from_db()
    assert complaint.status == Status.RECEIVED


def test_postponed_report_goes_back_where_it_was_on_the_reporters_reply(unit_a, unit_head_a):
    complaint, _code = report(unit_a)
    complaint = services.transition(actor=unit_head_a, complaint=complaint, action="verify")
    complaint = services.transition(
        actor=unit_head_a, complaint=complaint, action="postpone", note="Kirim NIK."
    )
    complaint = services.transition(
        actor=None, complaint=complaint, action="reporter_reply", note="NIK saya 123."
    )
    assert complaint.status == Status.VERIFIED


def test_reopen_only_once(unit_a, unit_head_a):
    complaint, _code = report(unit_a)
    for action in ("verify", "assign", "answer"):
        complaint = services.transition(
            actor=unit_head_a, complaint=complaint, action=action, unit=unit_a, note="x"
        )
    complaint = services.transition(
        actor=None, complaint=complaint, action="reopen", note="Belum beres."
    )
    complaint = services.transition(
        actor=unit_head_a, complaint=complaint, action="answer", note="Sekarang beres."
    )
    with pytest.raises(ValidationError):
        services.transition(actor=None, complaint=complaint, action="reopen", note="Lagi.")


def test_officer_of_other_unit_cannot_act(unit_a, officer_b):
    complaint, _code = report(unit_a)
    with pytest.raises(PermissionDenied):
        services.transition(actor=officer_b, complaint=complaint, action="verify")


def test_only_coordinators_assign(unit_a, officer_a, coordinator_a):
    complaint, _code = report(unit_a)
    services.transition(actor=officer_a, complaint=complaint, action="verify")
    with pytest.raises(PermissionDenied):
        services.transition(actor=officer_a, complaint=complaint, action="assign", unit=unit_a)
    assert (
        services.transition(
            actor=coordinator_a, complaint=complaint, action="assign", unit=unit_a
        ).status
        == "assigned"
    )


def test_forward_to_another_tree_needs_the_coordinator(unit_a, unit_b, officer_a):
    complaint, _code = report(unit_a)
    with pytest.raises(ValidationError):
        services.transition(
            actor=officer_a,
            complaint=complaint,
            action="forward",
            unit=unit_b,
            note="Bukan wewenang.",
        )


def test_forward_keeps_number_and_history(unit_a, agency_a, officer_a):
    from pantau.organisations.tests.factories import ServiceUnitFactory

    sibling = ServiceUnitFactory(agency=agency_a)
    complaint, _code = report(unit_a)
    forwarded = services.transition(
        actor=officer_a,
        complaint=complaint,
        action="forward",
        unit=sibling,
        note="Wewenang unit lain.",
    )
    assert forwarded.unit == sibling and forwarded.tracking_number == complaint.tracking_number
    assert forwarded.status == Status.ASSIGNED
    assert forwarded.events.count() == 2


def test_late_complaint_is_accepted_and_flagged(unit_a):
    complaint, _code = report(unit_a, happened_on=date(2000, 1, 1))
    assert complaint.late


def test_access_code_is_stored_only_as_a_hash(unit_a):
    complaint, code = report(unit_a)
    assert code not in complaint.access_code_hash
    assert (
        services.find_by_number_and_code(complaint.tracking_number.lower(), code.lower())
        == complaint
    )
    assert services.find_by_number_and_code(complaint.tracking_number, "WRONG123") is None


def test_same_submission_token_saves_once(unit_a):
    import uuid

    token = uuid.uuid4()
    data = {"kind": "complaint", "unit": unit_a, "subject": "S", "description": "D"}
    first, code, created = services.submit_complaint(data=data, files=[], submission_token=token)
    again, no_code, created_again = services.submit_complaint(
        data=data, files=[], submission_token=token
    )
    assert first == again and created and not created_again and no_code == code


def test_assign_to_a_named_officer_of_the_unit(
    unit_a, unit_b, unit_head_a, officer_a, officer_b, django_capture_on_commit_callbacks
):
    officer_a.email = "petugas@example.id"
    officer_a.save()
    complaint, _code = report(unit_a)
    complaint = services.transition(actor=unit_head_a, complaint=complaint, action="verify")
    with pytest.raises(ValidationError):
        services.transition(
            actor=unit_head_a, complaint=complaint, action="assign", unit=unit_a, officer=officer_b
        )
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        complaint = services.transition(
            actor=unit_head_a, complaint=complaint, action="assign", unit=unit_a, officer=officer_a
        )
    assert complaint.assigned_to == officer_a
    assert any(m.to == ["petugas@example.id"] for m in mail.outbox)


def test_every_step_of_the_table_has_its_own_service():
    from pantau.complaints import services

    assert set(services.STEPS) == set(services.TRANSITIONS)
    assert all(step.__name__ == name for name, step in services.STEPS.items())
