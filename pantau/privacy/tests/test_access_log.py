"""Every staff look at a reporter's identity is logged, and the unit head sees the log."""

from django.urls import reverse

from pantau.complaints.tests.conftest import report
from pantau.privacy.models import PersonalDataAccess


def _open_detail(client, user, complaint):
    client.force_login(user)
    return client.get(reverse("complaints:detail", args=[complaint.tracking_number]))


def test_opening_a_report_with_a_named_reporter_is_logged(client, unit_a, unit_head_a):
    complaint, _code = report(unit_a)
    assert _open_detail(client, unit_head_a, complaint).status_code == 200
    access = PersonalDataAccess.objects.get()
    assert (access.actor, access.unit, access.record, access.kind) == (
        unit_head_a,
        unit_a,
        complaint.tracking_number,
        "view",
    )


def test_opening_an_anonymous_report_logs_nothing(client, unit_a, unit_head_a):
    complaint, _code = report(unit_a, anonymous=True)
    _open_detail(client, unit_head_a, complaint)
    assert not PersonalDataAccess.objects.exists()


def test_unit_head_sees_who_looked(client, unit_a, unit_head_a):
    complaint, _code = report(unit_a)
    assert _open_detail(client, unit_head_a, complaint).status_code == 200
    response = client.get(reverse("privacy_staff:access-log", args=[unit_a.slug]))
    assert response.status_code == 200
    body = response.content.decode()
    assert complaint.tracking_number in body and str(unit_head_a) in body


def test_officer_cannot_read_the_access_log(client, unit_a, officer_a):
    client.force_login(officer_a)
    response = client.get(reverse("privacy_staff:access-log", args=[unit_a.slug]))
    assert response.status_code in (403, 404)


def test_unit_head_of_another_unit_gets_404(client, unit_a, unit_head_b):
    client.force_login(unit_head_b)
    response = client.get(reverse("privacy_staff:access-log", args=[unit_a.slug]))
    assert response.status_code == 404
