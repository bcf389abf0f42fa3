from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from pantau.organisations.tests.factories import ServiceFactory
from pantau.satisfaction.models import SurveyPeriod
from pantau.satisfaction.tests.factories import SurveyPeriodFactory


@pytest.fixture(autouse=True)
def _a_day_inside_the_first_quarter_of_2025(time_machine):
    """``period_a`` is the first quarter of 2025 and takes answers only between its dates
    (issue 16), so these tests run on a day inside it; the clock keeps ticking."""
    time_machine.move_to(datetime(2025, 2, 14, 10, tzinfo=ZoneInfo("Asia/Jakarta")), tick=True)


@pytest.fixture
def service_a(unit_a):
    return ServiceFactory(unit=unit_a, name="Surat rekomendasi PBI-JKN")


@pytest.fixture
def period_a(unit_a, unit_head_a, service_a) -> SurveyPeriod:
    return SurveyPeriodFactory(
        unit=unit_a, actor=unit_head_a, services=[service_a], year=2025, number=1, opened=True
    )


def answers_post(period, *, service, scores=(4, 4, 3, 4, 3, 4, 4, 3, 3), token=None, **extra):
    import uuid

    from pantau.common.humancheck import passing_fields

    data = {
        "submission_token": str(token or uuid.uuid4()),
        "service": str(service.pk),
        **passing_fields(),
    }
    keys = [
        "persyaratan",
        "prosedur",
        "waktu",
        "biaya",
        "produk",
        "kompetensi",
        "perilaku",
        "sarana",
        "pengaduan",
    ]
    for key, score in zip(keys, scores, strict=True):
        if score is not None:
            data[key] = str(score)
    data.update(extra)
    return data
