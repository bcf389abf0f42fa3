"""Issue 19: a resident follows a public report by e-mail on a phone, and stops at a desk, each
page checked with axe (selectors by id and role, not by the new texts' translations)."""

import re

import pytest
from django.core import mail

from pantau.complaints.models import OPEN_STATUSES, Complaint, ReportFollower

from .conftest import check_accessibility, visit


def _path(message, name: str) -> str:
    return re.search(rf"https?://[^/\s]+(/lapor/laporan/[^/\s]+/{name}/[^/\s]+/)", message.body)[1]


@pytest.mark.parametrize("device", ["phone", "page"])
def test_a_resident_follows_a_public_report_and_stops(device, request, demo):
    browser_page = request.getfixturevalue(device)  # 360 px, then 1280 px
    report = Complaint.objects.filter(confidential=False, status__in=OPEN_STATUSES).first()
    number = report.tracking_number
    visit(browser_page, f"/lapor/laporan/{number}/")

    follow = browser_page.locator("#follow")
    follow.get_by_role("button").click()  # no address: the error summary comes first
    browser_page.wait_for_load_state()
    assert browser_page.evaluate("document.activeElement.hasAttribute('data-error-summary')")
    check_accessibility(browser_page)
    browser_page.locator("[data-error-summary] a[href='#id_email']").click()
    assert browser_page.evaluate("document.activeElement.id") == "id_email"

    browser_page.locator("#id_email").fill("warga@example.id")
    browser_page.locator("#follow").get_by_role("button").click()
    browser_page.wait_for_url(re.compile(rf"/lapor/laporan/{number}/#follow$"))
    assert browser_page.locator(".message-success").is_visible()
    check_accessibility(browser_page)

    (confirmation,) = [m for m in mail.outbox if m.to == ["warga@example.id"]]
    visit(browser_page, _path(confirmation, "ikuti"))
    assert ReportFollower.objects.get(complaint=report).confirmed_at is None
    browser_page.locator("main form").get_by_role("button").click()
    browser_page.wait_for_url(re.compile(rf"/lapor/laporan/{number}/#follow$"))
    check_accessibility(browser_page)
    follower = ReportFollower.objects.get(complaint=report)
    assert follower.confirmed_at is not None

    from pantau.complaints.tasks import send_follower_update

    send_follower_update(report.pk)
    update = [m for m in mail.outbox if m.to == ["warga@example.id"]][-1]
    visit(browser_page, _path(update, "berhenti"))
    browser_page.locator("main form").get_by_role("button").click()
    browser_page.wait_for_load_state()
    check_accessibility(browser_page)
    assert not ReportFollower.objects.filter(complaint=report).exists()
