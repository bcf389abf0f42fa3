"""Each public report has its own page (issue 19): public title, unit, category, status and its
steps; never the reporter, the description or an officer's words; a confidential report has none."""

from django.test import Client
from django.urls import reverse

from pantau.complaints import services
from pantau.complaints.tests.factories import ComplaintFactory


def test_a_public_report_page_shows_its_steps_without_words_or_identity(client, unit_a, officer_a):
    complaint = ComplaintFactory(
        unit=unit_a,
        subject="Antrean panjang di loket 2",
        description="Saya Budi, HP 081234567890, menunggu tiga jam.",
        reporter_name="Budi Santoso",
    )
    services.verify(actor=officer_a, complaint=complaint, note="Dicek oleh Pak Darto")
    page = client.get(reverse("complaints:public-report", args=[complaint.tracking_number]))
    text = page.content.decode()
    assert page.status_code == 200 and complaint.tracking_number in text
    assert "Diverifikasi" in text or "Terverifikasi" in text
    for private in ("Budi", "081234567890", "Pak Darto", "tiga jam"):
        assert private not in text
    register = client.get(reverse("complaints:register")).content.decode()
    assert reverse("complaints:public-report", args=[complaint.tracking_number]) in register


def test_a_confidential_report_has_no_public_page(client, unit_a):
    complaint = ComplaintFactory(unit=unit_a, confidential=True)
    url = reverse("complaints:public-report", args=[complaint.tracking_number])
    assert client.get(url).status_code == 404
    assert client.get(reverse("complaints:public-report", args=["LP-XXXX-XXXX"])).status_code == 404


def test_before_filing_a_citizen_sees_the_units_open_public_reports(client, unit_a, unit_b):
    mine = ComplaintFactory(unit=unit_a)
    ComplaintFactory(unit=unit_a, confidential=True)
    elsewhere = ComplaintFactory(unit=unit_b)
    page = client.get(reverse("complaints:new") + f"?unit={unit_a.slug}").content.decode()
    assert reverse("complaints:public-report", args=[mine.tracking_number]) in page
    assert page.count("/lapor/laporan/") == 1  # not the confidential one, not another unit's
    assert elsewhere.tracking_number not in page
    assert "/lapor/laporan/" not in client.get(reverse("complaints:new")).content.decode()


def test_the_form_says_before_you_start_what_it_takes_and_what_happens(client, db):
    page = client.get(reverse("complaints:new")).content.decode()
    assert "Sebelum Anda mulai" in page and "lima menit" in page
    assert reverse("portal:rights") in page


def test_the_unit_publishes_an_answer_that_hides_personal_data(
    client, client_for, unit_a, officer_a
):
    complaint = ComplaintFactory(unit=unit_a, reporter_name="Budi Santoso")
    services.verify(actor=officer_a, complaint=complaint)
    staff = client_for(officer_a)
    url = reverse("complaints:public-answer", args=[complaint.tracking_number])
    early = staff.post(url, {"public_answer": "Loket 2 kini buka pukul 07.30."})
    assert early.status_code == 302
    complaint.refresh_from_db()
    assert complaint.public_answer == ""  # not before the report is answered
    services.answer(
        actor=officer_a, complaint=complaint, note="Pak Budi Santoso, loket dibuka lebih awal."
    )
    staff.post(
        url,
        {
            "public_answer": "Loket 2 kini buka pukul 07.30. Terima kasih Budi Santoso, HP 081234567890."
        },
    )
    complaint.refresh_from_db()
    assert complaint.public_answer_by == officer_a
    visitor = Client()  # not the staff's session, whose messages quote what was found
    page = visitor.get(
        reverse("complaints:public-report", args=[complaint.tracking_number])
    ).content.decode()
    assert "Loket 2 kini buka pukul 07.30." in page
    assert "081234567890" not in page and "Budi Santoso" not in page


def test_an_officer_of_other_unit_cannot_publish_an_answer(
    client_for, unit_a, officer_a, officer_b
):
    complaint = ComplaintFactory(unit=unit_a)
    services.verify(actor=officer_a, complaint=complaint)
    services.answer(actor=officer_a, complaint=complaint, note="Sudah diperbaiki.")
    url = reverse("complaints:public-answer", args=[complaint.tracking_number])
    assert client_for(officer_b).post(url, {"public_answer": "Palsu"}).status_code == 404
    complaint.refresh_from_db()
    assert complaint.public_answer == ""
