"""A privacy notice per purpose, in both languages, linked from every form that collects data."""

import pytest
from django.urls import reverse

from pantau.privacy.notices import NOTICES
from pantau.satisfaction.tests.conftest import period_a, service_a  # noqa: F401 (fixtures)


@pytest.mark.parametrize("purpose", sorted(NOTICES))
def test_each_purpose_has_a_notice_with_basis_retention_and_rights(client, db, purpose):
    body = client.get(reverse("privacy:notice-detail", args=[purpose])).content.decode()
    notice = NOTICES[purpose]
    assert str(notice.lawful_basis)[:40] in body
    assert "Hak Anda" in body  # the rights, in Indonesian first
    assert "3 × 24" in body


def test_notice_in_english_when_chosen(client, db, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    body = client.get(reverse("privacy:notice-detail", args=["pengaduan"])).content.decode()
    assert "Your rights" in body and "How long we keep it" in body


def test_unknown_purpose_is_404(client, db):
    assert client.get("/privasi/tidak-ada/").status_code == 404


def test_index_lists_the_record_of_processing_from_the_registry(client, db, settings):
    settings.PANTAU_RETENTION_REPORTER_MONTHS = 18
    body = client.get(reverse("privacy:notice-index")).content.decode()
    for notice in NOTICES.values():
        assert reverse("privacy:notice-detail", args=[notice.slug]) in body
    assert "18 bulan" in body  # the configured retention, not a fixed text


def test_the_complaint_form_links_to_its_notice(client, db):
    body = client.get(reverse("complaints:new")).content.decode()
    assert reverse("privacy:notice-detail", args=["pengaduan"]) in body


def test_the_skm_form_links_to_its_notice(client, period_a):  # noqa: F811
    body = client.get(f"/survei/{period_a.collection.token}/").content.decode()
    assert reverse("privacy:notice-detail", args=["survei"]) in body


def test_every_page_footer_links_to_privacy(client, db):
    assert reverse("privacy:notice-index") in client.get("/").content.decode()
