"""``/api/v1/reportcards/``: published cards for anyone, with the figures the card's page and
PDF show; drafts for a token of the unit's people; another unit's drafts are never read."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from rest_framework.test import APIClient

from pantau.improvements.tests.factories import answered_period
from pantau.reportcards.tests.factories import prepared_card, published_card

pytestmark = pytest.mark.django_db

CARDS = "/api/v1/reportcards/"
DRAFTS = "/api/v1/reportcards/drafts/"
JAKARTA = ZoneInfo("Asia/Jakarta")


@pytest.fixture
def card_year(time_machine, unit_a, unit_head_a):
    """Unit A's first quarter of 2025 answered and published in May 2025; the clock then moves
    to January 2026, when 2025's card can be prepared."""
    time_machine.move_to(datetime(2025, 5, 14, 10, tzinfo=JAKARTA), tick=True)
    answered_period(unit_a, actor=unit_head_a, number=1)
    time_machine.move_to(datetime(2026, 1, 20, 9, tzinfo=JAKARTA), tick=True)
    return 2025


@pytest.mark.covers("GET /api/v1/reportcards/", "GET /api/v1/reportcards/{id}/")
def test_anyone_reads_the_published_cards_with_their_figures(card_year, unit_a, unit_head_a):
    card = published_card(unit_a, actor=unit_head_a)
    client = APIClient()
    body = client.get(CARDS, {"unit": unit_a.slug}).json()
    assert [row["year"] for row in body["results"]] == [2025]
    row = body["results"][0]
    assert row["figures"] == card.figures
    assert float(row["ikm"]) == float(card.ikm) and row["status"] == "published"
    assert row["pdf"].endswith(f"/units/{unit_a.slug}/rapor/2025/pdf/")
    assert client.get(f"{CARDS}{card.pk}/").json()["id"] == card.pk
    assert client.get(CARDS, {"year": "abc"}).status_code == 400
    assert client.get(CARDS, {"unit": "no-such-unit"}).status_code == 400


@pytest.mark.covers("GET /api/v1/reportcards/drafts/")
def test_a_draft_is_not_public_and_a_token_of_another_unit_reads_nothing_of_it(
    card_year, unit_a, unit_head_a, officer_a, officer_b, token_for
):
    card = prepared_card(unit_a, actor=unit_head_a)
    assert APIClient().get(f"{CARDS}{card.pk}/").status_code == 404
    assert APIClient().get(CARDS).json()["results"] == []
    assert APIClient().get(DRAFTS).status_code == 401
    mine = token_for(officer_a).get(DRAFTS).json()["results"]
    assert [row["id"] for row in mine] == [card.pk] and mine[0]["page"] is None
    assert token_for(officer_b).get(DRAFTS).json()["results"] == []
