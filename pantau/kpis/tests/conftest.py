import pytest
from django.conf import settings

from .factories import make_indicator, make_measurement, make_target, pdf_upload


@pytest.fixture
def custom_a(unit_a, unit_head_a):
    """Unit A's monthly custom KPI "Penerima bantuan tersalurkan", target 100 a month in 2025."""
    indicator = make_indicator(unit_head_a, unit=unit_a, frequency="month")
    make_target(unit_head_a, indicator, "2025-01", "2025-12", 100)
    return indicator


@pytest.fixture
def measured_a(custom_a, unit_a, officer_a):
    """Values of January (90, below target) and February (120, with a file) 2025."""
    make_measurement(officer_a, custom_a, unit_a, "2025-01", 90)
    return make_measurement(officer_a, custom_a, unit_a, "2025-02", 120, evidence=pdf_upload())


@pytest.fixture
def agency_kpi_a(agency_a, agency_head_a):
    """Agency A's quarterly IKM KPI for its units, target 80 in 2025."""
    indicator = make_indicator(
        agency_head_a,
        agency=agency_a,
        name="IKM unit layanan",
        metric="skm.ikm",
        unit_of_measure="",
    )
    make_target(agency_head_a, indicator, "2025-Q1", "2025-Q4", 80)
    return indicator


@pytest.fixture
def in_english(client):
    """Pages in English, so that tests read Pantau's own words, not their translation."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client
