"""The staff pages (who reaches them), the public card, its list, its PDF saying what the screen
says, and the cache of the public pages."""

import html
import io
import re

import pytest
from django.urls import reverse
from pypdf import PdfReader

from .factories import prepared_card, published_card

pytestmark = pytest.mark.django_db


def _text(content: str) -> str:
    body = content.split("<main", 1)[-1]
    body = re.sub(r"<script.*?</script>", " ", body, flags=re.S)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", body)).split())


def test_the_unit_head_prepares_and_publishes_through_the_pages(
    answered_q1, unit_a, unit_head_a, client_for, next_year
):
    next_year()
    client = client_for(unit_head_a)
    url = reverse("reportcards:card-list", args=[unit_a.slug])
    assert client.get(url).status_code == 200
    response = client.post(url, {"year": "2026", "message": ""})
    assert response.status_code == 200
    assert "whole year that has ended" in response.content.decode()
    response = client.post(url, {"year": "2025", "message": "Kami mendengar."})
    detail = reverse("reportcards:card-detail", args=[unit_a.slug, 2025])
    assert response.status_code == 302 and response["Location"] == detail
    page = client.get(detail).content.decode()
    assert "Report card 2025" in page and "2.025" not in page
    assert "Draft, not published" in page and "Kami mendengar." in page
    publish = reverse("reportcards:card-publish", args=[unit_a.slug, 2025])
    confirm = client.post(publish)
    assert confirm.status_code == 200 and "never changed" in confirm.content.decode()
    assert client.post(publish, {"confirmed": "yes"}).status_code == 302
    assert "Published on" in client.get(detail).content.decode()


def test_staff_pages_answer_404_to_the_head_of_another_unit(
    answered_q1, unit_a, unit_head_a, unit_head_b, client_for, next_year
):
    next_year()
    prepared_card(unit_a, actor=unit_head_a)
    client = client_for(unit_head_b)
    for url in (
        reverse("reportcards:card-list", args=[unit_a.slug]),
        reverse("reportcards:card-detail", args=[unit_a.slug, 2025]),
    ):
        assert client.get(url).status_code == 404
    assert (
        client.post(reverse("reportcards:card-publish", args=[unit_a.slug, 2025])).status_code
        == 404
    )
    assert (
        client.post(
            reverse("reportcards:card-list", args=[unit_a.slug]), {"year": "2025"}
        ).status_code
        == 404
    )


def test_an_officer_reads_but_other_agency_evaluator_does_not(
    answered_q1, unit_a, unit_head_a, officer_a, officer_b, client_for, next_year
):
    next_year()
    prepared_card(unit_a, actor=unit_head_a)
    detail = reverse("reportcards:card-detail", args=[unit_a.slug, 2025])
    publish = reverse("reportcards:card-publish", args=[unit_a.slug, 2025])
    client = client_for(officer_a)
    page = client.get(detail)
    assert page.status_code == 200 and "Publish the card" not in page.content.decode()
    assert client.post(publish, {"confirmed": "yes"}).status_code == 403
    assert client.post(detail, {"message": "x"}).status_code == 403
    client = client_for(officer_b)
    assert client.get(detail).status_code == 404


def test_an_outsider_is_sent_to_sign_in(unit_a, client):
    response = client.get(reverse("reportcards:card-list", args=[unit_a.slug]))
    assert response.status_code == 302 and "login" in response["Location"]


def test_the_public_reads_only_published_cards(answered_q1, unit_a, unit_head_a, client, next_year):
    next_year()
    prepared_card(unit_a, actor=unit_head_a)
    card_url = reverse("public_reportcards:card", args=[unit_a.slug, 2025])
    assert client.get(card_url).status_code == 404
    assert (
        client.get(reverse("public_reportcards:card-pdf", args=[unit_a.slug, 2025])).status_code
        == 404
    )
    listing = client.get(reverse("public_reportcards:unit-cards", args=[unit_a.slug]))
    assert "has not published a report card yet" in listing.content.decode()
    from pantau.reportcards.models import ReportCard
    from pantau.reportcards.services import publish_card

    publish_card(actor=unit_head_a, card=ReportCard.objects.get())
    listing = client.get(reverse("public_reportcards:unit-cards", args=[unit_a.slug]))
    assert card_url in listing.content.decode()
    assert client.get(card_url).status_code == 200


def test_the_pdf_says_what_the_screen_says(answered_q1, unit_a, unit_head_a, client, next_year):
    next_year()
    published_card(unit_a, actor=unit_head_a, message="Kami menambah loket pada jam sibuk.")
    page = _text(
        client.get(reverse("public_reportcards:card", args=[unit_a.slug, 2025])).content.decode()
    )
    response = client.get(reverse("public_reportcards:card-pdf", args=[unit_a.slug, 2025]))
    assert response["Content-Type"] == "application/pdf"
    pdf = " ".join(
        " ".join(sheet.extract_text().split())
        for sheet in PdfReader(io.BytesIO(response.content)).pages
    )
    from pantau.common.pdf import fonts_not_embedded

    assert not fonts_not_embedded(response.content)
    from django.utils import translation

    from pantau.reportcards import document
    from pantau.reportcards.models import ReportCard

    with translation.override("en"):  # a request leaves the default language active
        built = document.build(ReportCard.objects.get(), observations_available=False)
    words = [built.title, built.unit, built.message]
    for section in built.sections:
        words.append(section.title)
        for label, value in section.facts:
            words += [label, value]
        for table in section.tables:
            for row in table.rows:
                words += row
    for word in words:
        assert " ".join(word.split()) in page, word
        assert " ".join(word.split()) in pdf, word


def test_the_unit_page_links_to_its_cards(unit_a, client):
    page = client.get(reverse("portal:unit-detail", args=[unit_a.slug])).content.decode()
    assert reverse("public_reportcards:unit-cards", args=[unit_a.slug]) in page


def test_a_published_card_renews_the_cached_public_pages(
    answered_q1,
    unit_a,
    unit_head_a,
    client,
    next_year,
    settings,
    django_capture_on_commit_callbacks,
):
    settings.PANTAU_PAGE_CACHE = True
    next_year()
    listing = reverse("public_reportcards:unit-cards", args=[unit_a.slug])
    first = client.get(listing)
    assert "ETag" in first
    with django_capture_on_commit_callbacks(execute=True):
        published_card(unit_a, actor=unit_head_a)
    again = client.get(listing, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 200
    assert reverse("public_reportcards:card", args=[unit_a.slug, 2025]) in again.content.decode()


def test_the_public_list_costs_the_same_queries_for_more_cards(
    unit_a, unit_head_a, client, next_year, django_assert_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    next_year()
    published_card(unit_a, actor=unit_head_a, year=2025)
    listing = reverse("public_reportcards:unit-cards", args=[unit_a.slug])
    with CaptureQueriesContext(connection) as one:
        assert client.get(listing).status_code == 200
    for year in (2022, 2023, 2024):
        published_card(unit_a, actor=unit_head_a, year=year)
    with django_assert_num_queries(len(one.captured_queries)):
        page = client.get(listing).content.decode()
    assert page.count("/rapor/20") >= 4
