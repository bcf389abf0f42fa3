"""The public limits of the complaint desk: keyed on the client's address, never on the browser,
counted atomically, and the proxy's header trusted only behind a proxy."""

import threading
import uuid

import pytest
from django.test import Client
from django.urls import reverse

from pantau.common.humancheck import passing_fields
from pantau.complaints import services
from pantau.complaints.models import Complaint
from pantau.complaints.tests.conftest import report


def _report(client, unit, fields=None, **headers):
    data = {
        "submission_token": str(uuid.uuid4()),
        "kind": "complaint",
        "unit": str(unit.pk),
        "subject": "Antrean",
        "description": "Lama sekali.",
        **passing_fields(),
        **(fields or {}),
    }
    return client.post(reverse("complaints:new"), data, **headers)


def _wrong_try(client, number, **extra):
    return client.post(reverse("complaints:track"), {"number": number, "code": "ZZZZZZZZ"}, **extra)


@pytest.fixture
def small_limits(settings):
    settings.PANTAU_COMPLAINT_RATE = (3, 3600)
    settings.PANTAU_TRACK_RATE = (3, 600)
    return settings


def test_reports_over_the_limit_are_refused_and_the_text_is_kept(client, unit_a, small_limits):
    for _ in range(3):
        assert _report(client, unit_a).status_code == 302
    refused = _report(client, unit_a, HTTP_USER_AGENT="another phone")
    assert refused.status_code == 429
    page = refused.content.decode()
    assert "Lama sekali." in page and "Antrean" in page
    assert Complaint.objects.count() == 3


def test_rotating_the_user_agent_does_not_escape_the_report_limit(client, unit_a, small_limits):
    codes = [_report(client, unit_a, HTTP_USER_AGENT=f"phone {n}").status_code for n in range(5)]
    assert codes == [302, 302, 302, 429, 429]


def test_rotating_the_user_agent_does_not_escape_the_tracking_limit(client, unit_a, small_limits):
    complaint, code = report(unit_a)
    number = complaint.tracking_number
    for n in range(3):
        assert _wrong_try(client, number, HTTP_USER_AGENT=f"phone {n}").status_code == 200
    right = client.post(
        reverse("complaints:track"),
        {"number": number, "code": code},
        HTTP_USER_AGENT="yet another phone",
    )
    assert right.status_code == 429


def test_right_tries_do_not_use_up_the_tracking_limit(client, unit_a, small_limits):
    complaint, code = report(unit_a)
    right = {"number": complaint.tracking_number, "code": code}
    for _ in range(5):
        assert client.post(reverse("complaints:track"), right).status_code == 302
    for _ in range(3):
        assert _wrong_try(client, complaint.tracking_number).status_code == 200
    assert _wrong_try(client, complaint.tracking_number).status_code == 429


def test_behind_a_proxy_two_forwarded_addresses_are_two_clients(client, unit_a, small_limits):
    small_limits.BEHIND_PROXY = True
    for _ in range(3):
        assert _report(client, unit_a, HTTP_X_FORWARDED_FOR="198.51.100.1").status_code == 302
    assert _report(client, unit_a, HTTP_X_FORWARDED_FOR="198.51.100.1").status_code == 429
    assert _report(client, unit_a, HTTP_X_FORWARDED_FOR="198.51.100.2").status_code == 302
    # What a client writes itself stands left of what the proxy appends: it changes nothing.
    spoofed = _report(client, unit_a, HTTP_X_FORWARDED_FOR="203.0.113.9, 198.51.100.1")
    assert spoofed.status_code == 429


def test_without_a_proxy_the_forwarded_header_is_ignored(client, unit_a, small_limits):
    small_limits.BEHIND_PROXY = False
    for n in range(3):
        forwarded = f"198.51.100.{n}"
        assert _report(client, unit_a, HTTP_X_FORWARDED_FOR=forwarded).status_code == 302
    assert _report(client, unit_a, HTTP_X_FORWARDED_FOR="198.51.100.99").status_code == 429


@pytest.mark.django_db(transaction=True)
def test_parallel_tracking_tries_check_no_more_codes_than_the_limit(monkeypatch, settings):
    """40 wrong tries at once with a limit of 10: each try that gets past the limit waits inside
    the code check until every try has either got there or been refused, so that a limit read
    before and written after the check would let all 40 through."""
    settings.PANTAU_TRACK_RATE = (10, 600)
    tries = 40
    checked = []
    refused = []
    lock = threading.Condition()
    release = threading.Event()

    def slow_wrong_code(number, code):
        with lock:
            checked.append(number)
            lock.notify_all()
        release.wait(timeout=10)
        return None

    monkeypatch.setattr(services, "find_by_number_and_code", slow_wrong_code)

    def one():
        response = Client().post(
            reverse("complaints:track"), {"number": "LPR-2026-000001", "code": "ZZZZZZZZ"}
        )
        if response.status_code == 429:
            with lock:
                refused.append(1)
                lock.notify_all()

    threads = [threading.Thread(target=one) for _ in range(tries)]
    for thread in threads:
        thread.start()
    with lock:
        lock.wait_for(lambda: len(checked) + len(refused) == tries, timeout=30)
    release.set()
    for thread in threads:
        thread.join()
    assert len(checked) == 10 and len(refused) == 30


def test_a_report_sent_at_once_is_refused_and_the_text_is_kept(client, unit_a):
    from pantau.common.humancheck import STARTED, new_token

    fields = {"subject": "Antrean panjang", "description": "Tiga jam.", STARTED: new_token()}
    refused = _report(client, unit_a, fields)
    assert refused.status_code == 400
    page = refused.content.decode()
    assert "Tiga jam." in page and "Antrean panjang" in page
    assert Complaint.objects.count() == 0


def test_a_report_with_the_honeypot_filled_is_refused(client, unit_a):
    response = _report(client, unit_a, {"website": "http://spam.example"})
    assert response.status_code == 400 and Complaint.objects.count() == 0
    assert "Lama sekali." in response.content.decode()


def test_a_refused_report_with_files_asks_for_them_again(client, unit_a):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from pantau.common.humancheck import STARTED, new_token

    photo = SimpleUploadedFile("foto.pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n")
    refused = _report(client, unit_a, {STARTED: new_token(), "attachments": [photo]})
    assert refused.status_code == 400
    assert "lampirkan lagi" in refused.content.decode()
    assert "lampirkan lagi" not in client.get(reverse("complaints:new")).content.decode()
