"""A unit's monthly "what we did with your reports" (issue 19): figures from the records, the
answers it published, nothing that names a reporter, months in the unit's own time zone."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone

from pantau.complaints import followup, services
from pantau.complaints.models import Complaint
from pantau.complaints.tests.factories import CategoryFactory, ComplaintFactory


def _answered(unit, officer, *, subject, answer="", confidential=False, category=None, late=False):
    complaint = ComplaintFactory(
        unit=unit,
        subject=subject,
        reporter_name="Siti Aminah",
        confidential=confidential,
        category=category,
    )
    complaint = services.verify(actor=officer, complaint=complaint)
    complaint = services.answer(
        actor=officer, complaint=complaint, note="Sudah kami perbaiki, Bu Siti."
    )
    if late:
        Complaint.objects.filter(pk=complaint.pk).update(
            resolution_due=timezone.localdate() - dt.timedelta(days=3)
        )
    if answer:
        services.approve_public_answer(actor=officer, complaint=complaint, answer=answer)
    return complaint


@pytest.fixture
def month(unit_a):
    return followup.current_month(unit_a)


def test_the_month_counts_what_came_in_and_what_was_answered(unit_a, officer_a, month):
    _answered(unit_a, officer_a, subject="Antrean", answer="Loket kedua dibuka.")
    _answered(unit_a, officer_a, subject="Biaya", late=True)
    ComplaintFactory(unit=unit_a)  # received, not answered yet
    summary = followup.month_summary(unit_a, month)
    assert summary["received"] == 3
    assert summary["answered"] == 2
    assert summary["on_time"] == 1 and summary["on_time_share"] == 50
    assert summary["median_days"] is not None and summary["median_days"] < 1
    assert len(summary["published"]) == 1


def test_the_page_lists_published_answers_without_the_reporter(client, unit_a, officer_a, month):
    shown = _answered(
        unit_a, officer_a, subject="Antrean panjang", answer="Loket kedua dibuka, Siti Aminah."
    )
    _answered(unit_a, officer_a, subject="Rahasia", answer="Jawaban rahasia.", confidential=True)
    services.approve_public_summary(
        actor=officer_a, complaint=shown, summary="Antrean panjang di loket"
    )
    page = client.get(reverse("portal:unit-followup", args=[unit_a.slug]))
    text = page.content.decode()
    assert page.status_code == 200
    assert "Loket kedua dibuka" in text
    assert reverse("complaints:public-report", args=[shown.tracking_number]) in text
    assert "Siti Aminah" not in text and "Bu Siti" not in text
    assert "Jawaban rahasia" not in text  # a confidential report is counted, never shown
    assert followup.month_summary(unit_a, month)["answered"] == 2


def test_reports_are_grouped_by_category(unit_a, officer_a, month):
    fees = CategoryFactory(name="Biaya layanan")
    _answered(unit_a, officer_a, subject="Pungutan", category=fees)
    ComplaintFactory(unit=unit_a, category=fees)
    ComplaintFactory(unit=unit_a)
    rows = {
        row["category__name"]: row for row in followup.month_summary(unit_a, month)["by_category"]
    }
    assert rows["Biaya layanan"]["received"] == 2 and rows["Biaya layanan"]["answered"] == 1
    assert rows[None]["received"] == 1  # not yet categorised


def test_another_units_reports_are_not_in_the_summary(client, unit_a, unit_b, officer_b, month):
    _answered(unit_b, officer_b, subject="Jalan rusak", answer="Jalan ditambal.")
    assert followup.month_summary(unit_a, month)["received"] == 0
    text = client.get(reverse("portal:unit-followup", args=[unit_a.slug])).content.decode()
    assert "Jalan ditambal" not in text


def test_month_boundaries_follow_the_units_time_zone(unit_a):
    unit_a.time_zone = "Asia/Makassar"  # WITA, UTC+8
    unit_a.save(update_fields=["time_zone"])
    complaint = ComplaintFactory(unit=unit_a)
    # 31 October 23:30 in Jakarta is already 1 November 00:30 in Lombok Timur.
    moment = dt.datetime(2026, 10, 31, 23, 30, tzinfo=ZoneInfo("Asia/Jakarta"))
    Complaint.objects.filter(pk=complaint.pk).update(created_at=moment)
    assert followup.month_summary(unit_a, followup.Month(2026, 11))["received"] == 1
    assert followup.month_summary(unit_a, followup.Month(2026, 10))["received"] == 0
    assert followup.Month(2026, 11) in followup.months_with_reports(unit_a)


def test_an_earlier_month_has_its_own_page_and_a_month_to_come_has_none(client, unit_a, month):
    earlier = month.previous()
    url = reverse("portal:unit-followup-month", args=[unit_a.slug, earlier.slug])
    assert client.get(url).status_code == 200
    later = reverse("portal:unit-followup-month", args=[unit_a.slug, month.next().slug])
    assert client.get(later).status_code == 404
    for wrong in ("2026-13", "abc", "1999-01"):
        bad = reverse("portal:unit-followup-month", args=[unit_a.slug, wrong])
        assert client.get(bad).status_code == 404


def test_the_unit_page_links_to_the_summary(client, unit_a):
    page = client.get(reverse("portal:unit-detail", args=[unit_a.slug])).content.decode()
    assert reverse("portal:unit-followup", args=[unit_a.slug]) in page


def test_the_summary_page_reads_a_fixed_number_of_queries(
    client, unit_a, officer_a, django_assert_max_num_queries
):
    for n in range(6):
        _answered(unit_a, officer_a, subject=f"Laporan {n}", answer=f"Jawaban {n}.")
    with django_assert_max_num_queries(12):
        client.get(reverse("portal:unit-followup", args=[unit_a.slug]))


def test_month_arithmetic_crosses_the_year():
    assert followup.Month(2026, 12).next() == followup.Month(2027, 1)
    assert followup.Month(2027, 1).previous() == followup.Month(2026, 12)
    assert followup.Month(2026, 5).slug == "2026-05"
