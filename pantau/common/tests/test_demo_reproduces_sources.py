"""The demo reproduces the figures the source documents publish (issue 17)."""

from decimal import Decimal

import pytest

from pantau.common.demo import load_demo
from pantau.satisfaction import selectors
from pantau.satisfaction.demo import REPRODUCED
from pantau.satisfaction.models import SurveyPeriod


@pytest.mark.django_db
def test_every_figure_the_demo_claims_is_reproduced_exactly():
    load_demo(seed=2026, scale=0.05)
    for (slug, year, quarter), (ikm, source) in REPRODUCED.items():
        period = SurveyPeriod.objects.get(unit__slug=slug, year=year, number=quarter)
        results = selectors.period_results(period)
        assert results.ikm.ikm == ikm, (slug, source)
    duren_sawit = REPRODUCED[("ptsp-kecamatan-duren-sawit", 2025, 1)][0]
    assert duren_sawit == Decimal("92.74")
    for slug in ("ptsp-kecamatan-duren-sawit", "ptsp-kecamatan-cakung"):
        period = SurveyPeriod.objects.get(unit__slug=slug, year=2025, number=1)
        assert selectors.period_results(period).ikm.grade == "A"  # both "Sangat Baik"


@pytest.mark.django_db
def test_demo_answers_come_by_web_kiosk_and_paper():
    from pantau.surveys.models import Response

    load_demo(seed=2026, scale=0.05)
    sources = set(Response.objects.values_list("source", flat=True))
    assert {"web", "kiosk", "paper"} <= sources
