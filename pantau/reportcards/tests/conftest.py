from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

JAKARTA = ZoneInfo("Asia/Jakarta")


@pytest.fixture(autouse=True)
def _in_english(time_machine):
    """Messages are matched in English. The SKM quarters are answered on a day of 2025 (inside
    the period, as the survey rules want); cards for 2025 are prepared from January 2026."""
    from django.utils import translation

    time_machine.move_to(datetime(2025, 5, 14, 10, tzinfo=JAKARTA), tick=True)
    with translation.override("en"):
        yield


@pytest.fixture
def next_year(time_machine):
    """Move the clock to 20 January 2026, when 2025's cards can be prepared."""

    def move():
        time_machine.move_to(datetime(2026, 1, 20, 9, tzinfo=JAKARTA), tick=True)

    return move


@pytest.fixture
def answered_q1(unit_a, unit_head_a):
    """Unit A's first quarter of 2025: four respondents, speed (waktu) scored lowest, published."""
    from pantau.improvements.tests.factories import answered_period

    return answered_period(
        unit_a, actor=unit_head_a, number=1, scores={"waktu": 2, "biaya": 4, "produk": 4}
    )


@pytest.fixture(autouse=True)
def _english_pages(client):
    """Pages are asked for in English (the language cookie), as the messages are matched."""
    from django.conf import settings

    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
