from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from pantau.organisations.tests.factories import ServiceFactory
from pantau.satisfaction.tests.factories import SurveyPeriodFactory


@pytest.fixture(autouse=True)
def _in_english_in_2025(time_machine):
    """Messages are matched in English; the SKM periods are those of 2025, so the tests run on a
    day in the second quarter of 2025 (the clock keeps ticking)."""
    from django.utils import translation

    time_machine.move_to(datetime(2025, 5, 14, 10, tzinfo=ZoneInfo("Asia/Jakarta")), tick=True)
    with translation.override("en"):
        yield


@pytest.fixture
def service_a(unit_a):
    return ServiceFactory(unit=unit_a, name="Surat rekomendasi PBI-JKN")


@pytest.fixture
def period_a(unit_a, unit_head_a, service_a):
    """The first quarter of 2025 of unit A, a draft (its questionnaire is the national one)."""
    return SurveyPeriodFactory(unit=unit_a, actor=unit_head_a, services=[service_a], number=1)
