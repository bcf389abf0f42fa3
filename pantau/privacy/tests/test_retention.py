"""Reporters' contact data is blanked the set number of months after their report closed, in the
report and in every earlier version of it; a dry run changes nothing and says what would."""

from datetime import UTC, datetime, timedelta

from django.core.management import call_command
from django.utils import timezone

from pantau.complaints.models import Complaint, Status
from pantau.complaints.tests.conftest import report
from pantau.privacy.services import apply_retention, months_before


def _closed(unit, *, days_ago: int, **overrides) -> Complaint:
    complaint, _code = report(unit, reporter_phone="081298765432", **overrides)
    complaint.status = Status.CLOSED
    complaint.closed_at = timezone.now() - timedelta(days=days_ago)
    complaint.save()  # a second history version, which also holds the contact data
    return complaint


def _identity_in_history(complaint: Complaint) -> set[tuple[str, str, str]]:
    return {
        (row.reporter_name, row.reporter_email, row.reporter_phone)
        for row in complaint.history.all()
    }


def test_contact_data_of_a_report_closed_long_ago_is_blanked_with_its_history(unit_a, settings):
    settings.PANTAU_RETENTION_REPORTER_MONTHS = 24
    old = _closed(unit_a, days_ago=800)
    recent = _closed(unit_a, days_ago=30)
    open_report, _code = report(unit_a)

    apply_retention(dry_run=False)

    old.refresh_from_db()
    assert (old.reporter_name, old.reporter_email, old.reporter_phone) == ("", "", "")
    assert _identity_in_history(old) == {("", "", "")}
    assert old.subject == "Antrean panjang"  # the report itself stays
    recent.refresh_from_db()
    assert recent.reporter_email == "budi@example.id"
    assert ("Budi", "budi@example.id", "081298765432") in _identity_in_history(recent)
    open_report.refresh_from_db()
    assert open_report.reporter_name == "Budi"


def test_an_archived_report_counts_from_its_last_change(unit_a, settings):
    settings.PANTAU_RETENTION_REPORTER_MONTHS = 1
    archived, _code = report(unit_a)
    Complaint.objects.filter(pk=archived.pk).update(
        status=Status.ARCHIVED, updated_at=timezone.now() - timedelta(days=60)
    )
    apply_retention(dry_run=False)
    archived.refresh_from_db()
    assert archived.reporter_email == ""


def test_dry_run_reports_and_changes_nothing(unit_a, settings, capsys):
    settings.PANTAU_RETENTION_REPORTER_MONTHS = 24
    old = _closed(unit_a, days_ago=800)

    results = apply_retention(dry_run=True)
    call_command("apply_retention", "--dry-run")

    complaint_result = next(r for r in results if r.entry.model == "complaints.Complaint")
    assert complaint_result.ids == [old.pk]
    assert complaint_result.history_rows == old.history.count() >= 2
    old.refresh_from_db()
    assert old.reporter_email == "budi@example.id"
    output = capsys.readouterr().out
    assert "would blank 1 records" in output and f"ids: {old.pk}" in output
    assert "Dry run: nothing was changed." in output


def test_the_retention_period_is_a_setting(unit_a, settings):
    _closed(unit_a, days_ago=800)
    settings.PANTAU_RETENTION_REPORTER_MONTHS = 36
    assert all(not r.ids for r in apply_retention(dry_run=True))
    settings.PANTAU_RETENTION_REPORTER_MONTHS = 24
    assert any(r.ids for r in apply_retention(dry_run=True))


def test_months_before_counts_calendar_months():
    assert months_before(datetime(2026, 3, 31, tzinfo=UTC), 1) == datetime(2026, 2, 28, tzinfo=UTC)
    assert months_before(datetime(2026, 1, 15, tzinfo=UTC), 24) == datetime(2024, 1, 15, tzinfo=UTC)


def test_the_point_a_reporter_marked_is_erased_with_their_identity(unit_a, settings):
    """A point may be the reporter's home (issue 20 added it): erased as their contact is."""
    from decimal import Decimal

    settings.PANTAU_RETENTION_REPORTER_MONTHS = 24
    old = _closed(unit_a, days_ago=800, latitude=Decimal("-8.65"), longitude=Decimal("116.53"))
    recent = _closed(unit_a, days_ago=30, latitude=Decimal("-8.65"), longitude=Decimal("116.53"))

    apply_retention(dry_run=False)

    old.refresh_from_db()
    assert (old.latitude, old.longitude) == (None, None)
    assert {(row.latitude, row.longitude) for row in old.history.all()} == {(None, None)}
    recent.refresh_from_db()
    assert recent.latitude == Decimal("-8.65")
