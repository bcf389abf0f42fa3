"""Anyone may follow a public report by e-mail (issue 19, FixMyStreet's alerts): the address is
confirmed through a mailed link first, then each public step and the unit's published answer
send a short mail with the number, the status and an unsubscribe link; never anything of the
reporter, never a confidential report, and the page never says whether an address follows."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from pantau.complaints import services
from pantau.complaints.models import ReportFollower
from pantau.complaints.tests.factories import ComplaintFactory

REPORTER = {
    "reporter_name": "Budi Santoso",
    "reporter_email": "budi@example.id",
    "reporter_phone": "081234567890",
}


@pytest.fixture(autouse=True)
def _commit(django_capture_on_commit_callbacks, monkeypatch):
    """Mail is queued on commit; a test runs in one transaction that never commits, so each
    request and each service call below runs its on-commit work when it returns, as a real
    commit would."""
    import functools

    def committing(function):
        @functools.wraps(function)
        def run(*args, **kwargs):
            with django_capture_on_commit_callbacks(execute=True):
                return function(*args, **kwargs)

        return run

    for name in ("get", "post"):
        monkeypatch.setattr(Client, name, committing(getattr(Client, name)))
    for name in ("verify", "start", "answer", "approve_public_answer", "add_note", "categorise"):
        monkeypatch.setattr(services, name, committing(getattr(services, name)))


def _public_report(unit, **overrides):
    return ComplaintFactory(
        unit=unit,
        subject="Antrean panjang di loket 2",
        description="Saya menunggu tiga jam di loket.",
        **{**REPORTER, **overrides},
    )


def _ask(client, complaint, email="Warga@Example.id", **extra):
    return client.post(
        reverse("complaints:follow", args=[complaint.tracking_number]), {"email": email}, **extra
    )


def _mails_to(address):
    return [m for m in mail.outbox if m.to == [address]]


def _link(message, name):
    """The path of the link named ``name`` ("ikuti" confirms, "berhenti" stops) in a mail."""
    return re.search(rf"https?://[^/\s]+(/lapor/laporan/[^/\s]+/{name}/[^/\s]+/)", message.body)[1]


def _followed(client, complaint, email="warga@example.id"):
    """Ask and confirm, as a person would; returns the follow."""
    _ask(client, complaint, email)
    confirm = _link(_mails_to(email)[-1], "ikuti")
    client.post(confirm)
    return ReportFollower.objects.get(complaint=complaint, email=email)


def test_a_confirmed_follower_is_told_of_public_steps_and_not_of_internal_ones(
    client, unit_a, officer_a
):
    complaint = _public_report(unit_a)
    asked = _ask(client, complaint)
    page_url = reverse("complaints:public-report", args=[complaint.tracking_number])
    assert asked.status_code == 302 and asked["Location"] == page_url + "#follow"
    (confirmation,) = _mails_to("warga@example.id")  # stored in lower case
    assert complaint.tracking_number in confirmation.subject

    services.verify(actor=officer_a, complaint=complaint)  # before confirming: nothing
    assert len(_mails_to("warga@example.id")) == 1

    confirm = _link(confirmation, "ikuti")
    shown = client.get(confirm)  # a mail scanner opening the link confirms nothing
    assert shown.status_code == 200 and 'method="post"' in shown.content.decode()
    assert ReportFollower.objects.get().confirmed_at is None
    done = client.post(confirm)
    assert done.status_code == 302 and ReportFollower.objects.get().confirmed_at is not None

    mail.outbox.clear()
    services.add_note(actor=officer_a, complaint=complaint, note="Cek CCTV", public=False)
    services.categorise(actor=officer_a, complaint=complaint, category=None, tags=["antrean"])
    assert _mails_to("warga@example.id") == []
    services.start(actor=officer_a, complaint=complaint)
    (update,) = _mails_to("warga@example.id")
    assert complaint.tracking_number in update.subject
    assert page_url in update.body
    assert "/berhenti/" in update.body
    assert update.extra_headers["List-Unsubscribe"].startswith("<http")
    assert update.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_the_mail_to_followers_carries_nothing_of_the_reporter(client, unit_a, officer_a):
    complaint = _public_report(unit_a)
    _followed(client, complaint)
    mail.outbox.clear()
    complaint = services.verify(actor=officer_a, complaint=complaint, note="Ditelepon Budi Santoso")
    complaint = services.answer(
        actor=officer_a, complaint=complaint, note="Pak Budi, loket dibuka 07.30."
    )
    services.approve_public_answer(
        actor=officer_a, complaint=complaint, answer="Loket 2 kini buka pukul 07.30."
    )
    sent = _mails_to("warga@example.id")
    assert len(sent) == 3  # verified, answered, the public answer
    for message in sent:
        text = message.subject + message.body
        for private in ("Budi", "budi@example.id", "081234567890", "tiga jam", "07.30", "Antrean"):
            assert private not in text
    # The reporter's own mails still go to the reporter alone.
    assert all(m.to == ["budi@example.id"] for m in mail.outbox if m not in sent)


def test_publishing_the_same_answer_again_sends_nothing_new(client, unit_a, officer_a):
    complaint = _public_report(unit_a)
    complaint = services.verify(actor=officer_a, complaint=complaint)
    complaint = services.answer(actor=officer_a, complaint=complaint, note="Sudah diperbaiki.")
    _followed(client, complaint)
    mail.outbox.clear()
    for _time in range(2):
        services.approve_public_answer(actor=officer_a, complaint=complaint, answer="Diperbaiki.")
    assert len(_mails_to("warga@example.id")) == 1


def test_a_confidential_report_cannot_be_followed(client, unit_a):
    complaint = _public_report(unit_a, confidential=True)
    assert (
        client.get(
            reverse("complaints:public-report", args=[complaint.tracking_number])
        ).status_code
        == 404
    )
    assert _ask(client, complaint).status_code == 404
    assert not ReportFollower.objects.exists() and mail.outbox == []


def test_a_report_made_confidential_later_tells_its_followers_nothing(client, unit_a, officer_a):
    complaint = _public_report(unit_a)
    _followed(client, complaint)
    complaint.confidential = True
    complaint.save()
    mail.outbox.clear()
    services.verify(actor=officer_a, complaint=complaint)
    assert _mails_to("warga@example.id") == []


def test_the_public_page_offers_the_form_with_its_privacy_notice(client, unit_a):
    complaint = _public_report(unit_a)
    page = client.get(reverse("complaints:public-report", args=[complaint.tracking_number]))
    body = page.content.decode()
    assert reverse("complaints:follow", args=[complaint.tracking_number]) in body
    assert 'type="email"' in body and "maxlength" not in body
    assert reverse("privacy:notice-detail", args=["ikuti-laporan"]) in body
    # The same page for everyone (it may be cached): no per-visitor CSRF token, and none needed.
    assert "csrfmiddlewaretoken" not in body
    browser = Client(enforce_csrf_checks=True)
    assert _ask(browser, complaint).status_code == 302
    assert ReportFollower.objects.filter(complaint=complaint).count() == 1


def test_a_wrong_address_is_shown_in_the_error_summary_and_changes_nothing(client, unit_a):
    complaint = _public_report(unit_a)
    response = _ask(client, complaint, email="bukan alamat")
    assert response.status_code == 400
    body = response.content.decode()
    assert "data-error-summary" in body and 'href="#id_email"' in body
    assert response.context["form"].errors["email"]
    assert body.index("data-error-summary") < body.index("<h1>")  # at the top of the page
    assert not ReportFollower.objects.exists() and mail.outbox == []


def test_asking_again_never_tells_whether_the_address_follows(client, unit_a):
    complaint = _public_report(unit_a)
    first = _ask(client, complaint)
    old_link = _link(_mails_to("warga@example.id")[-1], "ikuti")
    again = _ask(client, complaint)  # still pending: a new link, the old one stops working
    assert again["Location"] == first["Location"]
    assert len(_mails_to("warga@example.id")) == 2
    assert client.post(old_link).status_code == 404
    client.post(_link(_mails_to("warga@example.id")[-1], "ikuti"))
    follower = ReportFollower.objects.get()
    assert follower.confirmed_at is not None

    mail.outbox.clear()
    third = _ask(client, complaint, email="WARGA@example.id")  # already follows
    assert third["Location"] == first["Location"] and mail.outbox == []
    assert list(ReportFollower.objects.all()) == [follower]


def test_wrong_tampered_and_expired_confirmation_links_are_refused(client, unit_a, unit_b):
    complaint = _public_report(unit_a)
    other = _public_report(unit_b)
    _ask(client, complaint)
    link = _link(_mails_to("warga@example.id")[-1], "ikuti")
    token = link.rstrip("/").rsplit("/", 1)[1]
    tampered = link.replace(token, token[:-1] + ("A" if token[-1] != "A" else "B"))
    elsewhere = link.replace(complaint.tracking_number, other.tracking_number)
    made_up = reverse("complaints:follow-confirm", args=[complaint.tracking_number, "x" * 43])
    for url in (tampered, elsewhere, made_up):
        assert client.get(url).status_code == 404
        assert client.post(url).status_code == 404
    ReportFollower.objects.update(asked_at=timezone.now() - timedelta(days=8))
    assert client.get(link).status_code == 404
    assert client.post(link).status_code == 404
    assert ReportFollower.objects.get().confirmed_at is None


def test_a_follower_stops_with_the_link_in_any_update(client, unit_a, officer_a):
    complaint = _public_report(unit_a)
    _followed(client, complaint)
    services.verify(actor=officer_a, complaint=complaint)
    stop = _link(_mails_to("warga@example.id")[-1], "berhenti")

    token = stop.rstrip("/").rsplit("/", 1)[1]
    tampered = stop.replace(token, token[:-2] + "xx")
    assert client.get(tampered).status_code == 404
    assert client.post(tampered).status_code == 404
    shown = client.get(stop)  # a mail scanner opening the link stops nothing
    assert shown.status_code == 200 and ReportFollower.objects.exists()

    one_click = Client(enforce_csrf_checks=True)  # a mail program's one-click POST (RFC 8058)
    assert one_click.post(stop, {"List-Unsubscribe": "One-Click"}).status_code == 200
    assert not ReportFollower.objects.exists()
    assert client.post(stop).status_code == 404  # already stopped

    mail.outbox.clear()
    services.start(actor=officer_a, complaint=complaint)
    assert _mails_to("warga@example.id") == []


def test_the_form_is_limited_per_client_address_and_per_mailbox(client, unit_a, settings):
    settings.PANTAU_FOLLOW_RATE = (2, 3600)
    settings.PANTAU_FOLLOW_MAIL_RATE = (1, 86400)
    complaint = _public_report(unit_a)
    _ask(client, complaint, email="satu@example.id")
    _ask(client, complaint, email="satu@example.id")  # the same mailbox again: no second mail
    assert len(_mails_to("satu@example.id")) == 1
    refused = _ask(client, complaint, email="dua@example.id")
    assert refused.status_code == 429
    assert "data-error-summary" in refused.content.decode()
    assert not ReportFollower.objects.filter(email="dua@example.id").exists()
    assert _mails_to("dua@example.id") == []
    elsewhere = _ask(client, complaint, email="dua@example.id", REMOTE_ADDR="10.0.0.9")
    assert elsewhere.status_code == 302 and len(_mails_to("dua@example.id")) == 1


def test_staff_see_how_many_follow_and_never_who(client, client_for, unit_a, officer_a):
    complaint = _public_report(unit_a)
    _followed(client, complaint, "warga@example.id")
    _ask(client, complaint, "belum@example.id")  # not confirmed: not counted
    page = client_for(officer_a).get(reverse("complaints:detail", args=[complaint.tracking_number]))
    assert page.context["followers"] == 1
    body = page.content.decode()
    assert "warga@example.id" not in body and "belum@example.id" not in body
