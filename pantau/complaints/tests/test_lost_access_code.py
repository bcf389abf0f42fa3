"""A lost access code (issue 19): a one-time code sent to the contact given on the report opens it
and gives it a new access code; the page never says whether the contact matched; an anonymous
report has no way but its code; guesses run out."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from pantau.common import notify
from pantau.complaints import services
from pantau.complaints.tests.factories import ComplaintFactory


@pytest.fixture(autouse=True)
def _empty_outbox():
    notify.outbox.clear()


def _ask(client, number, contact):
    return client.post(reverse("complaints:code-lost"), {"number": number, "contact": contact})


def _otp_from(text: str) -> str:
    return re.search(r"\b(\d{6})\b", text).group(1)


def test_a_code_by_sms_opens_the_report_with_a_new_access_code(client, unit_a):
    complaint = ComplaintFactory(unit=unit_a, reporter_email="", reporter_phone="0812-3456-7890")
    old = complaint.code
    asked = _ask(client, complaint.tracking_number.lower(), "+62 812 3456 7890")
    assert asked["Location"] == reverse("complaints:code-confirm", args=[complaint.tracking_number])
    (sms,) = notify.outbox
    assert sms["to"] == "6281234567890" and complaint.tracking_number in sms["text"]
    opened = client.post(asked["Location"], {"otp": _otp_from(sms["text"])})
    assert opened["Location"] == reverse("complaints:received", args=[complaint.tracking_number])
    page = client.get(opened["Location"])
    new = page.context["code"]
    assert new and new != old and new in page.content.decode()
    complaint.refresh_from_db()
    assert services.check_access_code(complaint, new)
    assert not services.check_access_code(complaint, old)


def test_a_code_by_email_works_too(client, unit_a):
    complaint = ComplaintFactory(unit=unit_a, reporter_email="Siti@Example.id")
    _ask(client, complaint.tracking_number, "siti@example.id")
    (message,) = [m for m in mail.outbox if complaint.tracking_number in m.subject]
    url = reverse("complaints:code-confirm", args=[complaint.tracking_number])
    assert client.post(url, {"otp": _otp_from(message.body)}).status_code == 302


def test_a_wrong_contact_or_an_anonymous_report_gets_the_same_page_and_no_code(client, unit_a):
    named = ComplaintFactory(unit=unit_a, reporter_email="budi@example.id")
    hidden = ComplaintFactory(unit=unit_a, anonymous=True, reporter_email="budi@example.id")
    wrong = _ask(client, named.tracking_number, "orang.lain@example.id")
    anonymous = _ask(client, hidden.tracking_number, "budi@example.id")
    unknown = _ask(client, "LP-XXXX-XXXX", "budi@example.id")
    assert {wrong.status_code, anonymous.status_code, unknown.status_code} == {302}
    assert not notify.outbox and not [
        m for m in mail.outbox if "Kode" in m.subject or "Code" in m.subject
    ]


def test_guessing_the_one_time_code_runs_out(client, unit_a):
    complaint = ComplaintFactory(unit=unit_a, reporter_email="", reporter_phone="081234567890")
    _ask(client, complaint.tracking_number, "081234567890")
    right = _otp_from(notify.outbox[0]["text"])
    wrong = f"{(int(right) + 1) % 1_000_000:06d}"
    url = reverse("complaints:code-confirm", args=[complaint.tracking_number])
    for _ in range(5):
        assert client.post(url, {"otp": wrong}).status_code == 200
    assert client.post(url, {"otp": right}).status_code == 200  # too late: ask again


def test_the_track_page_leads_to_the_lost_code_page(client):
    assert (
        reverse("complaints:code-lost") in client.get(reverse("complaints:track")).content.decode()
    )
