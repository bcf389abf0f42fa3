"""The breach register computes the 3 × 24 hour deadline and shows what is overdue."""

from datetime import timedelta

from django.utils import timezone

from pantau.accounts.tests.factories import UserFactory
from pantau.privacy.models import Breach, PersonalDataAccess


def test_deadline_is_three_times_24_hours_after_the_breach_is_known(db):
    known = timezone.now() - timedelta(hours=10)
    breach = Breach.objects.create(detected_at=known, description="x", data_affected="y")
    assert breach.notify_by == known + timedelta(hours=72)
    assert not breach.is_overdue()


def test_overdue_until_both_the_people_and_the_authority_are_told(db):
    breach = Breach.objects.create(
        detected_at=timezone.now() - timedelta(hours=80), description="x", data_affected="y"
    )
    assert breach.is_overdue()
    breach.subjects_notified_at = timezone.now()
    assert breach.is_overdue()
    breach.authority_notified_at = timezone.now()
    assert not breach.is_overdue()


def test_administrator_records_a_breach_and_sees_its_deadline(client, db):
    admin = UserFactory(username="admin_x", is_superuser=True, is_staff=True)
    client.force_login(admin)
    known = (timezone.localtime() - timedelta(hours=80)).replace(microsecond=0)
    response = client.post(
        "/admin/privacy/breach/add/",
        {
            "detected_at_0": known.strftime("%Y-%m-%d"),
            "detected_at_1": known.strftime("%H:%M:%S"),
            "description": "Laptop petugas hilang",
            "data_affected": "Nama dan telepon pelapor",
            "subjects": 12,
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    breach = Breach.objects.get()
    assert breach.recorded_by == admin and breach.is_overdue()
    listing = client.get("/admin/privacy/breach/").content.decode()
    assert "Laptop petugas hilang" in listing and "icon-yes" in listing


def test_access_log_cannot_be_edited_in_the_admin(client, db, unit_a):
    admin = UserFactory(username="admin_y", is_superuser=True, is_staff=True)
    access = PersonalDataAccess.objects.create(
        actor=admin, unit=unit_a, kind="view", record="LP-1", purpose="x"
    )
    client.force_login(admin)
    assert client.post(f"/admin/privacy/personaldataaccess/{access.pk}/delete/").status_code == 403
