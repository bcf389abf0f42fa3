"""Every report has a way forward for whoever holds it (issue 16)."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from pantau.complaints import selectors, services
from pantau.complaints.models import Status
from pantau.complaints.tests.conftest import report
from pantau.complaints.workflow import COMPLAINT_WORKFLOW


def test_the_complaint_workflow_has_no_dead_ends_or_unreachable_statuses():
    assert COMPLAINT_WORKFLOW.dead_ends() == []
    assert COMPLAINT_WORKFLOW.unheld() == []
    assert COMPLAINT_WORKFLOW.unreachable() == []


def test_an_officer_starts_follow_up_on_a_verified_report_without_the_heads_disposal(
    unit_a, officer_a
):
    complaint, _code = report(unit_a)
    complaint = services.transition(actor=officer_a, complaint=complaint, action="verify")
    assert "start" in services.allowed_actions(complaint, officer_a)
    assert "answer" in services.allowed_actions(complaint, officer_a)
    assert "assign" not in services.allowed_actions(complaint, officer_a)
    complaint = services.transition(actor=officer_a, complaint=complaint, action="start")
    assert complaint.status == Status.IN_PROGRESS
    assert complaint.first_response_at is not None


def test_an_officer_cannot_assign_but_the_unit_head_can(unit_a, officer_a, unit_head_a):
    from django.core.exceptions import PermissionDenied

    complaint, _code = report(unit_a)
    complaint = services.transition(actor=officer_a, complaint=complaint, action="verify")
    with pytest.raises(PermissionDenied):
        services.transition(actor=officer_a, complaint=complaint, action="assign", unit=unit_a)
    complaint = services.transition(
        actor=unit_head_a, complaint=complaint, action="assign", unit=unit_a, officer=officer_a
    )
    assert complaint.status == Status.ASSIGNED


def _postponed(unit_a, officer_a, *, on):
    complaint, _code = report(unit_a)
    complaint = services.transition(actor=officer_a, complaint=complaint, action="verify", today=on)
    return services.transition(
        actor=officer_a, complaint=complaint, action="postpone", note="Kirim KTP.", today=on
    )


def test_a_postponed_report_pauses_its_deadlines_and_resumes_when_the_reporter_phones(
    unit_a, officer_a
):
    start = date(2026, 3, 2)
    complaint = _postponed(unit_a, officer_a, on=start)
    assert complaint.postponed_on == start
    due_before = complaint.resolution_due
    late_day = due_before + timedelta(days=5)
    # Waiting for the reporter is never late, even past the old deadline.
    assert (
        not selectors.visible_complaints(officer_a)
        .filter(selectors.overdue_q(late_day), pk=complaint.pk)
        .exists()
    )
    assert "resume" in services.allowed_actions(complaint, officer_a)
    with pytest.raises(ValidationError):
        services.transition(actor=officer_a, complaint=complaint, action="resume", today=start)
    resumed = services.transition(
        actor=officer_a,
        complaint=complaint,
        action="resume",
        note="Pelapor menelepon dan mengirim KTP lewat WhatsApp.",
        today=start + timedelta(days=10),
    )
    assert resumed.status == Status.VERIFIED
    assert resumed.resolution_due == due_before + timedelta(days=10)
    assert resumed.postponed_on is None
    event = resumed.events.get(action="resume")
    assert event.public and "menelepon" in event.note


def test_a_postponed_report_can_be_archived_when_the_reporter_never_answers(unit_a, officer_a):
    complaint = _postponed(unit_a, officer_a, on=date(2026, 3, 2))
    archived = services.transition(
        actor=officer_a, complaint=complaint, action="archive", reason="no_reply"
    )
    assert archived.status == Status.ARCHIVED and archived.archive_reason == "no_reply"


def test_the_detail_page_offers_resume_and_shows_the_pause(client_for, unit_a, officer_a):
    complaint = _postponed(unit_a, officer_a, on=date(2026, 3, 2))
    page = client_for(officer_a).get(reverse("complaints:detail", args=[complaint.tracking_number]))
    body = page.content.decode()
    assert 'value="resume"' in body
    assert "tenggat dihentikan" in body.lower()


def test_the_forward_list_offers_only_units_of_the_same_government(
    client_for, unit_a, unit_b, officer_a
):
    complaint, _code = report(unit_a)
    page = client_for(officer_a).get(reverse("complaints:detail", args=[complaint.tracking_number]))
    units = list(page.context["units"])
    assert unit_a in units and unit_b not in units
    with pytest.raises(ValidationError):
        services.transition(
            actor=officer_a, complaint=complaint, action="forward", unit=unit_b, note="Bukan kami"
        )


def test_archiving_asks_for_confirmation_first(client_for, unit_a, officer_a):
    complaint, _code = report(unit_a)
    client = client_for(officer_a)
    url = reverse("complaints:act", args=[complaint.tracking_number])
    page = client.post(url, {"action": "archive", "reason": "spam", "note": ""})
    assert page.status_code == 200
    body = page.content.decode()
    assert 'name="confirmed" value="yes"' in body and 'name="reason" value="spam"' in body
    complaint.refresh_from_db()
    assert complaint.status == Status.RECEIVED
    client.post(url, {"action": "archive", "reason": "spam", "note": "", "confirmed": "yes"})
    complaint.refresh_from_db()
    assert complaint.status == Status.ARCHIVED


def test_archiving_a_report_of_another_unit_gets_404(client_for, unit_a, officer_b):
    complaint, _code = report(unit_a)
    url = reverse("complaints:act", args=[complaint.tracking_number])
    response = client_for(officer_b).post(url, {"action": "archive", "reason": "spam"})
    assert response.status_code == 404


def test_an_agency_may_ask_officers_to_wait_for_the_heads_disposition(
    unit_a, officer_a, unit_head_a, agency_a
):
    from pantau.common import memo
    from pantau.complaints.models import DeadlinePolicy

    DeadlinePolicy.objects.create(agency=agency_a, requires_disposal=True)
    memo.forget()
    complaint, _code = report(unit_a)
    complaint = services.transition(actor=officer_a, complaint=complaint, action="verify")
    assert "start" not in services.allowed_actions(complaint, officer_a)
    with pytest.raises(ValidationError):
        services.transition(actor=officer_a, complaint=complaint, action="start")
    assert "start" in services.allowed_actions(complaint, unit_head_a)
    complaint = services.transition(
        actor=unit_head_a, complaint=complaint, action="assign", unit=unit_a, officer=officer_a
    )
    assert services.transition(actor=officer_a, complaint=complaint, action="start").status == (
        Status.IN_PROGRESS
    )
