"""A follower's e-mail address is kept only while it serves: a sign-up never confirmed is deleted
after the days its link lasts, the followers of a report closed or archived long ago are deleted,
and a person's erasure request deletes their follows (issue 19)."""

import json
from datetime import timedelta

from django.core.management import call_command
from django.utils import timezone

from pantau.accounts.tests.factories import UserFactory
from pantau.complaints.models import Complaint, ReportFollower, Status
from pantau.complaints.tests.factories import ComplaintFactory
from pantau.privacy.models import SubjectRequest
from pantau.privacy.services import apply_retention


def _follower(complaint, email, *, asked_days_ago=0, confirmed=True):
    asked = timezone.now() - timedelta(days=asked_days_ago)
    return ReportFollower.objects.create(
        complaint=complaint,
        email=email,
        token_hash=f"{email}-{complaint.pk}".ljust(64, "0")[:64],
        asked_at=asked,
        confirmed_at=asked if confirmed else None,
    )


def _emails() -> set[str]:
    return set(ReportFollower.objects.values_list("email", flat=True))


def test_a_sign_up_never_confirmed_is_deleted_after_the_days_its_link_lasts(unit_a, settings):
    settings.PANTAU_FOLLOW_CONFIRM_DAYS = 7
    report = ComplaintFactory(unit=unit_a)
    _follower(report, "lama@example.id", asked_days_ago=8, confirmed=False)
    _follower(report, "baru@example.id", asked_days_ago=2, confirmed=False)
    _follower(report, "setia@example.id", asked_days_ago=30, confirmed=True)

    apply_retention(dry_run=False)

    assert _emails() == {"baru@example.id", "setia@example.id"}


def test_followers_of_a_report_closed_or_archived_long_ago_are_deleted(unit_a, settings):
    settings.PANTAU_RETENTION_FOLLOWER_MONTHS = 6
    closed_long_ago = ComplaintFactory(unit=unit_a)
    closed_lately = ComplaintFactory(unit=unit_a)
    archived_long_ago = ComplaintFactory(unit=unit_a)
    still_open = ComplaintFactory(unit=unit_a)
    now = timezone.now()
    Complaint.objects.filter(pk=closed_long_ago.pk).update(
        status=Status.CLOSED, closed_at=now - timedelta(days=200)
    )
    Complaint.objects.filter(pk=closed_lately.pk).update(
        status=Status.CLOSED, closed_at=now - timedelta(days=20)
    )
    Complaint.objects.filter(pk=archived_long_ago.pk).update(
        status=Status.ARCHIVED, updated_at=now - timedelta(days=200)
    )
    _follower(closed_long_ago, "a@example.id")
    _follower(closed_lately, "b@example.id")
    _follower(archived_long_ago, "c@example.id")
    _follower(still_open, "d@example.id")

    apply_retention(dry_run=False)

    assert _emails() == {"b@example.id", "d@example.id"}
    assert Complaint.objects.filter(pk=closed_long_ago.pk).exists()  # the report stays


def test_a_dry_run_says_what_would_be_deleted_and_deletes_nothing(unit_a, capsys):
    report = ComplaintFactory(unit=unit_a)
    stale = _follower(report, "lama@example.id", asked_days_ago=30, confirmed=False)

    results = apply_retention(dry_run=True)
    call_command("apply_retention", "--dry-run")

    pending = next(
        r for r in results if r.entry.model == "complaints.ReportFollower" and r.months is None
    )
    assert pending.ids == [stale.pk]
    assert ReportFollower.objects.filter(pk=stale.pk).exists()
    output = capsys.readouterr().out
    assert "complaints.ReportFollower (email), not confirmed 7 days after asked_at" in output
    assert "would delete 1 records" in output and f"ids: {stale.pk}" in output


def test_erasure_deletes_the_follows_and_export_lists_them(client, unit_a):
    report = ComplaintFactory(unit=unit_a)
    mine = _follower(report, "warga@example.id")
    other = _follower(report, "lain@example.id")
    admin = UserFactory(username="admin_follow", is_superuser=True, is_staff=True)
    client.force_login(admin)
    access = SubjectRequest.objects.create(
        kind="access", received_at=timezone.now(), email="WARGA@example.id"
    )
    exported = json.loads(
        client.post(
            "/admin/privacy/subjectrequest/",
            {"action": "export_data", "_selected_action": [access.pk]},
        ).content
    )
    assert [f["tracking_number"] for f in exported[0]["follows"]] == [report.tracking_number]
    assert exported[0]["follows"][0]["email"] == "warga@example.id"

    erasure = SubjectRequest.objects.create(
        kind="erasure", received_at=timezone.now(), email="warga@example.id"
    )
    client.post(
        "/admin/privacy/subjectrequest/",
        {"action": "erase_data", "_selected_action": [erasure.pk]},
    )
    assert not ReportFollower.objects.filter(pk=mine.pk).exists()
    assert ReportFollower.objects.filter(pk=other.pk).exists()
