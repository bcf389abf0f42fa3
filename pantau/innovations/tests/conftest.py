from datetime import datetime
from zoneinfo import ZoneInfo

import pytest


@pytest.fixture(autouse=True)
def _in_english_on_a_fixed_day(time_machine):
    """Messages are matched in English; the tests run on 14 May 2025 (the clock keeps ticking),
    so the stage dates below are in the past."""
    from django.utils import translation

    time_machine.move_to(datetime(2025, 5, 14, 10, tzinfo=ZoneInfo("Asia/Jakarta")), tick=True)
    with translation.override("en"):
        yield


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path
