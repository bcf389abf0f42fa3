"""The pages on citizens' rights, the complaint process and accessibility, linked from every page
(issue 19)."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_the_rights_page_explains_the_process_and_leads_on(client):
    page = client.get(reverse("portal:rights")).content.decode()
    assert "Pasal 18" in page and "60 hari" in page
    for target in (
        reverse("complaints:new"),
        reverse("complaints:track"),
        "lapor.go.id",
        "ombudsman.go.id",
    ):
        assert target in page


def test_the_accessibility_statement_says_what_is_checked_and_how_to_report(client):
    page = client.get(reverse("portal:accessibility")).content.decode()
    assert "(WCAG) 2.2" in page and "axe-core" in page and reverse("complaints:new") in page


def test_every_page_links_to_rights_accessibility_and_lapor(client):
    page = client.get(reverse("portal:home")).content.decode()
    for target in (
        reverse("portal:rights"),
        reverse("portal:accessibility"),
        "https://www.lapor.go.id/",
    ):
        assert target in page
