import uuid

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from pantau.common.humancheck import passing_fields
from pantau.complaints import services
from pantau.complaints.models import Attachment, Complaint
from pantau.complaints.tests.conftest import report

PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00\x90wS\xde"
    b"\x00\x00\x00\x0cIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00\x00\x00IEND\xaeB`\x82"
)


def _post(client, unit, **extra):
    data = {
        "submission_token": str(uuid.uuid4()),
        "kind": "complaint",
        "unit": str(unit.pk),
        "subject": "Antrean",
        "description": "Lama sekali.",
        "reporter_name": "Siti",
        "reporter_email": "siti@example.id",
        **passing_fields(),
    }
    data.update(extra)
    return client.post(reverse("complaints:new"), data)


def test_citizen_files_a_report_and_keeps_number_and_code_for_the_browser_session(client, unit_a):
    response = _post(client, unit_a, attachments=[SimpleUploadedFile("foto.png", PNG)])
    complaint = Complaint.objects.get()
    assert response["Location"] == reverse("complaints:received", args=[complaint.tracking_number])
    first = client.get(response["Location"])
    code = first.context["code"]
    assert complaint.tracking_number in first.content.decode() and code in first.content.decode()
    # a reload, or coming back before the browser closes, still shows the code (issue 19)
    assert code in client.get(response["Location"]).content.decode()
    receipt = client.cookies["pantau_tanda_terima"]
    assert not receipt["max-age"] and not receipt["expires"]  # gone when the browser closes
    client.cookies.pop("pantau_tanda_terima")
    third = client.get(response["Location"])
    assert third.context["code"] is None and code not in third.content.decode()
    assert Attachment.objects.get().content_type == "image/png"


def test_renamed_executable_is_refused_and_nothing_saved(client, unit_a):
    fake = SimpleUploadedFile("foto.png", b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 100)
    response = _post(client, unit_a, attachments=[fake])
    assert response.status_code == 200 and not Complaint.objects.exists()
    assert "bukan gambar atau PDF" in response.content.decode()


def test_missing_description_is_refused(client, unit_a):
    response = _post(client, unit_a, description="")
    assert response.status_code == 200 and not Complaint.objects.exists()


def test_tracking_needs_number_and_code(client, unit_a):
    complaint, code = report(unit_a)
    status_url = reverse("complaints:status", args=[complaint.tracking_number])
    assert client.get(status_url).status_code == 404
    wrong = client.post(
        reverse("complaints:track"), {"number": complaint.tracking_number, "code": "ZZZZZZZZ"}
    )
    assert wrong.status_code == 200 and "tidak cocok" in wrong.content.decode()
    right = client.post(
        reverse("complaints:track"), {"number": complaint.tracking_number, "code": code}
    )
    assert right["Location"] == status_url
    assert complaint.subject in client.get(status_url).content.decode()


def test_tracking_is_throttled(client, unit_a):
    complaint, code = report(unit_a)
    for _ in range(10):
        client.post(
            reverse("complaints:track"), {"number": complaint.tracking_number, "code": "ZZZZZZZZ"}
        )
    response = client.post(
        reverse("complaints:track"), {"number": complaint.tracking_number, "code": code}
    )
    assert response.status_code == 429 and "Terlalu banyak" in response.content.decode()


def test_reporter_rates_the_answer(client, unit_a, unit_head_a):
    complaint, code = report(unit_a)
    for action in ("verify", "assign", "answer"):
        complaint = services.transition(
            actor=unit_head_a, complaint=complaint, action=action, unit=unit_a, note="Selesai."
        )
    client.post(reverse("complaints:track"), {"number": complaint.tracking_number, "code": code})
    client.post(
        reverse("complaints:status", args=[complaint.tracking_number]),
        {"form": "rating", "rating": "4", "comment": "Cepat"},
    )
    complaint.refresh_from_db()
    assert complaint.rating == 4


VIEWS = ["detail", "act", "note", "categorise"]


@pytest.mark.parametrize("name", VIEWS)
def test_officer_of_other_unit_gets_404(client_for, officer_b, unit_a, name):
    complaint, _code = report(unit_a)
    client = client_for(officer_b)
    url = reverse(f"complaints:{name}", args=[complaint.tracking_number])
    response = (
        client.get(url) if name == "detail" else client.post(url, {"action": "verify", "note": "x"})
    )
    assert response.status_code == 404
    complaint.refresh_from_db()
    assert complaint.status == "received"


def test_queue_shows_only_own_units_reports(client_for, officer_b, unit_a, unit_b):
    mine, _ = report(unit_b, subject="Laporan unit B")
    report(unit_a, subject="Laporan unit A")
    body = client_for(officer_b).get(reverse("complaints:queue")).content.decode()
    assert "Laporan unit B" in body and "Laporan unit A" not in body


def test_attachment_is_refused_to_an_officer_of_another_unit(
    client, client_for, officer_a, officer_b, unit_a
):
    _post(client, unit_a, attachments=[SimpleUploadedFile("foto.png", PNG)])
    item = Attachment.objects.get()
    url = reverse("complaints:attachment", args=[item.complaint.tracking_number, item.pk])
    assert client_for(officer_b).get(url).status_code == 404
    response = client_for(officer_a).get(url)
    assert response.status_code == 200 and b"".join(response.streaming_content) == PNG


def test_anonymous_report_shows_no_identity_to_the_unit(client_for, unit_head_a, unit_a):
    complaint, _code = report(
        unit_a, anonymous=True, reporter_name="Rahasia Sekali", reporter_email="rahasia@example.id"
    )
    body = (
        client_for(unit_head_a)
        .get(reverse("complaints:detail", args=[complaint.tracking_number]))
        .content.decode()
    )
    assert "Rahasia Sekali" not in body and "rahasia@example.id" not in body


def test_coordinator_sees_reports_without_unit_in_its_region(
    client_for, coordinator_a, province_a, officer_a
):
    complaint, _code = report(None, agency=province_a)
    assert (
        client_for(coordinator_a)
        .get(reverse("complaints:detail", args=[complaint.tracking_number]))
        .status_code
        == 200
    )
    assert (
        client_for(officer_a)
        .get(reverse("complaints:detail", args=[complaint.tracking_number]))
        .status_code
        == 404
    )


def test_officer_registers_a_whatsapp_report(client_for, officer_a, unit_a):
    response = client_for(officer_a).post(
        reverse("complaints:entry"),
        {
            "submission_token": str(uuid.uuid4()),
            "kind": "complaint",
            "unit": str(unit_a.pk),
            "subject": "Via WA",
            "description": "Pesan WA",
            "channel": "whatsapp",
            "original_message": "Pak, antrean lama sekali.",
        },
    )
    complaint = Complaint.objects.get()
    assert response.status_code == 302
    assert complaint.channel == "whatsapp" and complaint.entered_by == officer_a


def test_monthly_recap_counts_per_month_and_kind(client_for, unit_head_a, unit_a):
    report(unit_a)
    report(unit_a, kind="information")
    page = client_for(unit_head_a).get(reverse("complaints:recap"), {"unit": unit_a.slug})
    rows = {row["kind"]: row["total"] for row in page.context["data"]["rows"]}
    assert rows == {"complaint": 1, "aspiration": 0, "information": 1}
    xlsx = client_for(unit_head_a).get(
        reverse("complaints:recap"), {"unit": unit_a.slug, "format": "xlsx"}
    )
    assert xlsx.content[:2] == b"PK"
    pdf = client_for(unit_head_a).get(
        reverse("complaints:recap"), {"unit": unit_a.slug, "format": "pdf"}
    )
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")


def test_queue_filter_assigned_to_me(client_for, unit_head_a, officer_a, unit_a):
    mine, _ = report(unit_a, subject="Untuk saya")
    report(unit_a, subject="Untuk orang lain")
    services.transition(actor=unit_head_a, complaint=mine, action="verify")
    services.transition(
        actor=unit_head_a, complaint=mine, action="assign", unit=unit_a, officer=officer_a
    )
    body = client_for(officer_a).get(reverse("complaints:queue"), {"mine": "1"}).content.decode()
    assert "Untuk saya" in body and "Untuk orang lain" not in body


def test_unit_head_verifies_and_assigns_through_the_page(
    client_for, unit_head_a, officer_a, unit_a
):
    complaint, _code = report(unit_a)
    client = client_for(unit_head_a)
    url = reverse("complaints:act", args=[complaint.tracking_number])
    assert client.post(url, {"action": "verify", "note": ""}).status_code == 302
    client.post(
        url, {"action": "assign", "unit": str(unit_a.pk), "officer": str(officer_a.pk), "note": ""}
    )
    complaint.refresh_from_db()
    assert (complaint.status, complaint.assigned_to) == ("assigned", officer_a)
    page = client.get(
        reverse("complaints:detail", args=[complaint.tracking_number])
    ).content.decode()
    assert "Jawab pelapor" in page


def test_officer_of_other_unit_cannot_register_a_report_for_unit_a(client_for, officer_b, unit_a):
    response = client_for(officer_b).post(
        reverse("complaints:entry"),
        {
            "submission_token": str(uuid.uuid4()),
            "kind": "complaint",
            "unit": str(unit_a.pk),
            "subject": "Via WA",
            "description": "Pesan WA",
            "channel": "whatsapp",
            "original_message": "Pesan",
        },
    )
    assert response.status_code == 200 and not Complaint.objects.exists()


def test_recap_of_other_unit_shows_only_own_unit(client_for, officer_b, unit_a, unit_b):
    report(unit_a)
    page = client_for(officer_b).get(reverse("complaints:recap"), {"unit": unit_a.slug})
    assert page.context["unit"] == unit_b and page.context["data"]["total"] == 0
    xlsx = client_for(officer_b).get(
        reverse("complaints:recap"), {"unit": unit_a.slug, "format": "xlsx"}
    )
    from io import BytesIO

    from openpyxl import load_workbook

    title_row = next(load_workbook(BytesIO(xlsx.content)).active.iter_rows(values_only=True))
    assert unit_b.name in title_row and unit_a.name not in title_row


def test_ids_in_form_values_are_never_written_with_a_thousands_separator(
    client_for, unit_head_a, unit_a, agency_a
):
    """Indonesian formatting writes 12345 as "12.345"; a form value must stay "12345"."""
    from pantau.organisations.tests.factories import ServiceUnitFactory

    ServiceUnitFactory(pk=12345, agency=agency_a, name="Unit besar", slug="unit-besar")
    complaint, _code = report(unit_a)
    services.transition(actor=unit_head_a, complaint=complaint, action="verify")
    page = client_for(unit_head_a).get(
        reverse("complaints:detail", args=[complaint.tracking_number])
    )
    body = page.content.decode()
    assert 'value="12345"' in body and 'value="12.345"' not in body
