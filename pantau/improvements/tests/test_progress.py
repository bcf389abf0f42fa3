"""Officers of the unit record where an action stands and what was done, with evidence; the
head drops an action with a reason; nobody of another unit touches it."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from pantau.common.files import check_upload
from pantau.improvements import services
from pantau.improvements.models import Action

from .factories import make_action

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _pdf(name="bukti.pdf"):
    upload = SimpleUploadedFile(name, PDF, content_type="application/pdf")
    return check_upload(
        upload,
        types=frozenset({"application/pdf"}),
        max_bytes=1024 * 1024,
        too_large="%(name)s",
        not_allowed="%(name)s",
    )


def test_an_officer_records_progress_then_done_with_evidence(officer_a, unit_a, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    action = make_action(unit_a)
    services.record_progress(actor=officer_a, action=action, status="in_progress")
    action = services.record_progress(
        actor=officer_a,
        action=action,
        status="done",
        completed_on=date(2025, 5, 2),
        evidence_note="Loket tambahan dibuka 08.00–10.00.",
        files=[_pdf()],
    )
    action.refresh_from_db()
    assert (action.status, action.completed_on, action.evidence_note) == (
        "done",
        date(2025, 5, 2),
        "Loket tambahan dibuka 08.00–10.00.",
    )
    stored = action.files.get()
    assert (stored.original_name, stored.size, stored.content_type) == (
        "bukti.pdf",
        len(PDF),
        "application/pdf",
    )
    assert len(stored.sha256) == 64 and stored.uploaded_by == officer_a
    assert action.history.first().history_user == officer_a


def test_done_needs_its_date_and_back_in_progress_loses_it(officer_a, unit_a):
    action = make_action(unit_a)
    with pytest.raises(ValidationError) as error:
        services.record_progress(actor=officer_a, action=action, status="done")
    assert "completed_on" in error.value.message_dict
    services.record_progress(
        actor=officer_a, action=action, status="done", completed_on=date(2025, 5, 2)
    )
    action = services.record_progress(actor=officer_a, action=action, status="in_progress")
    assert action.completed_on is None and action.status == "in_progress"


def test_progress_cannot_say_dropped_nor_unknown(officer_a, unit_a):
    action = make_action(unit_a)
    for status in ("dropped", "finished"):
        with pytest.raises(ValidationError):
            services.record_progress(actor=officer_a, action=action, status=status)
    action.refresh_from_db()
    assert action.status == "planned"


def test_officer_of_other_unit_and_evaluator_do_not_update(officer_b, evaluator_a, unit_a):
    action = make_action(unit_a)
    for actor in (officer_b, evaluator_a):
        with pytest.raises(PermissionDenied):
            services.record_progress(actor=actor, action=action, status="in_progress")
    action.refresh_from_db()
    assert action.status == "planned"


def test_the_head_drops_an_action_saying_why(unit_head_a, officer_a, unit_a):
    action = make_action(unit_a)
    with pytest.raises(ValidationError) as error:
        services.drop_action(actor=unit_head_a, action=action, reason="  ")
    assert "reason" in error.value.message_dict
    with pytest.raises(PermissionDenied):
        services.drop_action(actor=officer_a, action=action, reason="Tidak ada anggaran.")
    action = services.drop_action(actor=unit_head_a, action=action, reason="Tidak ada anggaran.")
    assert (action.status, action.drop_reason) == ("dropped", "Tidak ada anggaran.")
    # Once dropped, only the head brings it back.
    with pytest.raises(PermissionDenied):
        services.record_progress(actor=officer_a, action=action, status="planned")
    action = services.record_progress(actor=unit_head_a, action=action, status="planned")
    assert (action.status, action.drop_reason) == ("planned", "")
    assert Action.objects.get().status == "planned"
