from datetime import timedelta

from django.db.models import F
from django.urls import reverse
from django.utils import timezone

from pantau.complaints import services
from pantau.complaints.models import Complaint, Status
from pantau.complaints.tests.conftest import report


def test_register_hides_confidential_reports_and_identities(client, unit_a):
    open_report, _ = report(
        unit_a, subject="Antrean panjang di loket", reporter_name="Budi Santoso"
    )
    secret, _ = report(unit_a, subject="Dugaan pungli", confidential=True)
    Complaint.objects.update(status=Status.VERIFIED, public_summary=F("subject"))  # approved
    body = client.get(reverse("complaints:register")).content.decode()
    assert open_report.tracking_number in body and "Antrean panjang di loket" in body
    assert secret.tracking_number not in body and "Dugaan pungli" not in body
    assert "Budi Santoso" not in body and "budi@example.id" not in body


def test_register_filters_by_unit_kind_and_status(client, unit_a, unit_b):
    mine, _ = report(unit_a, kind="information")
    other, _ = report(unit_b)
    body = client.get(
        reverse("complaints:register"), {"unit": unit_a.slug, "kind": "information"}
    ).content.decode()
    assert mine.tracking_number in body and other.tracking_number not in body
    assert (
        mine.tracking_number
        not in client.get(reverse("complaints:register"), {"status": "resolved"}).content.decode()
    )


def test_statistics_per_month(client, unit_a, unit_head_a):
    complaint, _ = report(unit_a)
    for action in ("verify", "assign", "answer"):
        complaint = services.transition(
            actor=unit_head_a, complaint=complaint, action=action, unit=unit_a, note="Selesai."
        )
    services.rate_resolution(complaint=complaint, rating=5, comment="")
    report(unit_a)
    page = client.get(reverse("complaints:statistics", args=[unit_a.slug]))
    month = timezone.localtime(complaint.created_at).month
    row = page.context["rows"][month - 1]
    assert (row["received"], row["resolved"], row["rating"]) == (2, 1, 5)
    assert row["on_time_share"] == 100
    assert 0 <= row["median_resolution"] < 1


def test_statistics_of_inactive_unit_is_404(client, unit_a):
    unit_a.is_active = False
    unit_a.save()
    assert client.get(reverse("complaints:statistics", args=[unit_a.slug])).status_code == 404


def test_public_register_query_count_is_flat(client, unit_a, django_assert_max_num_queries):
    for _ in range(30):
        report(unit_a)
    with django_assert_max_num_queries(4):
        client.get(reverse("complaints:register"))


def test_median_helper():
    from pantau.complaints.selectors import _median

    assert _median([]) is None and _median([3.0, 1.0, 2.0]) == 2.0 and _median([1.0, 2.0]) == 1.5
    assert timedelta(days=1).total_seconds() / 86400 == 1


def test_register_pages_keep_the_filters(client, unit_a):
    for _ in range(26):
        report(unit_a, kind="information")
    first = client.get(reverse("complaints:register"), {"kind": "information"})
    assert "kind=information&amp;page=2" in first.content.decode()
    second = client.get(reverse("complaints:register"), {"kind": "information", "page": "2"})
    assert len(second.context["page"]) == 1
