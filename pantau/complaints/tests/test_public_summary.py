"""The public reads a summary staff approved, never the citizen's words as typed (issue 15)."""

from django.urls import reverse

from pantau.complaints.models import Complaint, Event

from .conftest import report

TITLE = "Saya Inaq Sahnun NIK 5203014101700001 HP 081911112222 ditolak petugas Pak Rudi"


def _register(client):
    return client.get(reverse("complaints:register")).content.decode()


def test_until_approved_the_register_shows_under_review(client, unit_a):
    complaint, _code = report(unit_a, subject=TITLE, reporter_name="Inaq Sahnun")
    Complaint.objects.filter(pk=complaint.pk).update(status="verified")  # verified is not enough
    body = _register(client)
    assert complaint.tracking_number in body and "Sedang ditinjau" in body
    assert "ditolak petugas" not in body


def test_officer_approves_a_summary_and_the_public_reads_it(client, unit_a, unit_head_a):
    complaint, _code = report(unit_a, subject=TITLE, reporter_name="Inaq Sahnun")
    client.force_login(unit_head_a)
    page = client.get(reverse("complaints:detail", args=[complaint.tracking_number]))
    assert "5203014101700001" not in page.context["summary_form"]["public_summary"].value()
    response = client.post(
        reverse("complaints:summary", args=[complaint.tracking_number]),
        {"public_summary": "Pemohon ditolak di loket tanpa penjelasan"},
    )
    assert response.status_code == 302
    complaint.refresh_from_db()
    assert complaint.public_summary_by == unit_head_a and complaint.public_summary_at
    assert Event.objects.filter(complaint=complaint, action="summarised", public=False).exists()
    client.logout()
    body = _register(client)
    assert "Pemohon ditolak di loket tanpa penjelasan" in body and "Sedang ditinjau" not in body
    json_body = client.get("/open311/v2/requests.json").content.decode()
    assert "Pemohon ditolak di loket tanpa penjelasan" in json_body


def test_a_summary_with_personal_data_is_masked_and_the_officer_warned(client, unit_a, unit_head_a):
    complaint, _code = report(unit_a, subject="Antrean", reporter_name="Inaq Sahnun")
    client.force_login(unit_head_a)
    response = client.post(
        reverse("complaints:summary", args=[complaint.tracking_number]),
        {"public_summary": "Inaq Sahnun (HP 081911112222) ditolak"},
        follow=True,
    )
    body = response.content.decode()
    assert "masih memuat" in body and "081911112222" in body  # the warning names it to staff
    client.logout()
    public = _register(client)
    assert "081911112222" not in public and "Inaq Sahnun" not in public and "ditolak" in public


def test_an_empty_summary_is_refused_and_changes_nothing(client, unit_a, unit_head_a):
    complaint, _code = report(unit_a)
    client.force_login(unit_head_a)
    client.post(
        reverse("complaints:summary", args=[complaint.tracking_number]), {"public_summary": "  "}
    )
    complaint.refresh_from_db()
    assert complaint.public_summary == ""


def test_officer_of_other_unit_cannot_approve_a_summary(client, unit_a, officer_b):
    complaint, _code = report(unit_a)
    client.force_login(officer_b)
    response = client.post(
        reverse("complaints:summary", args=[complaint.tracking_number]), {"public_summary": "x"}
    )
    assert response.status_code == 404
    complaint.refresh_from_db()
    assert complaint.public_summary == ""
