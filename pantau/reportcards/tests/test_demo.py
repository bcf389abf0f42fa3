"""The demo publishes the 2025 cards of Lombok Timur and Jakarta Timur; reloading changes
nothing."""

import pytest
from django.utils import translation

from pantau.common.demo import load_demo
from pantau.reportcards import document
from pantau.reportcards.models import ReportCard

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _in_english():
    """The demo is loaded on today's date (its forums were held, its surveys are open now):
    the clock of the other tests (May 2025) is not moved here."""
    yield


def test_the_demo_publishes_the_lombok_timur_and_jakarta_timur_cards():
    load_demo(scale=0.05)
    lotim = ReportCard.objects.get(unit__slug="dinsos-mpp-lombok-timur", year=2025)
    cakung = ReportCard.objects.get(unit__slug="ptsp-kecamatan-cakung", year=2025)
    assert lotim.is_published and cakung.is_published
    assert lotim.published_by.username == "kepala.dinsos"
    # Citizens said: the published SKM quarters of 2025, the card's IKM that of the latest.
    skm = lotim.figures["skm"]
    assert [row["label"] for row in skm["periods"]][:1] == ["Quarter I 2025"] or skm["periods"]
    assert lotim.ikm is not None and str(lotim.ikm) == skm["ikm"]
    assert len(skm["weakest"]) == 3
    # What it did: the story's action done in April 2025, with its figure before and after.
    titles = [h["title"] for h in lotim.figures["actions"]["highlights"]]
    assert "Loket tambahan pada jam sibuk dan nomor antrean daring" in titles
    # Jakarta Timur's kecamatan are compared with each other.
    assert "PTSP Kecamatan Duren Sawit" in cakung.figures["peers"]["units"]
    ikm_row = next(f for f in cakung.figures["peers"]["figures"] if f["key"] == "ikm")
    assert ikm_row["of"] >= 2 and ikm_row["rank"] in (1, 2)
    with translation.override("en"):
        built = document.build(cakung, observations_available=False)
    assert [s.key for s in built.sections] == ["said", "found", "promised", "did", "peers"]
    before = {card.pk: (card.figures, card.updated_at) for card in ReportCard.objects.all()}
    load_demo(scale=0.05)
    assert {card.pk: (card.figures, card.updated_at) for card in ReportCard.objects.all()} == before
