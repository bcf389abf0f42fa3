"""The CSV and XLSX downloads: every KPI value and target per period, numbers as numbers, text
that looks like a formula kept as text (decision 0022), the years asked for."""

import csv
import io
from datetime import date

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from pantau.kpis import exporters

from .factories import make_indicator, make_measurement

pytestmark = pytest.mark.django_db


def _csv(response):
    return list(csv.reader(io.StringIO(response.content.decode())))


def test_the_unit_csv_has_a_row_per_kpi_and_period_with_value_and_target(
    client_for, in_english, unit_a, officer_a, measured_a
):
    response = client_for(officer_a).get(
        reverse("kpis:unit-export", args=[unit_a.slug, "csv"]), {"from": "2025", "to": "2025"}
    )
    assert response["Content-Type"].startswith("text/csv")
    assert 'filename="kpi-unit-a-2025-2025.csv"' in response["Content-Disposition"]
    header, *rows = _csv(response)
    assert header[:3] == ["Service unit", "Agency", "KPI"]
    assert [row[9] for row in rows] == [f"2025-{m:02d}" for m in range(1, 13)]
    january, february = rows[0], rows[1]
    assert january[13:17] == ["90", "100", "no", "90.0"]
    assert february[13:17] == ["120", "100", "yes", "120.0"]
    assert february[17] == "Rekap bulanan"
    assert rows[2][13:16] == ["", "100", ""]


def test_text_that_looks_like_a_formula_stays_text(client_for, unit_a, unit_head_a, officer_a):
    kpi = make_indicator(unit_head_a, unit=unit_a, name='=HYPERLINK("http://x")', frequency="year")
    make_measurement(officer_a, kpi, unit_a, "2024", 5, note="+62 812 dari rekap")
    response = client_for(officer_a).get(
        reverse("kpis:unit-export", args=[unit_a.slug, "csv"]), {"from": "2024", "to": "2024"}
    )
    row = _csv(response)[1]
    assert row[2] == '\'=HYPERLINK("http://x")' and row[17] == "'+62 812 dari rekap"
    assert row[13] == "5"


def test_the_agency_xlsx_holds_every_unit_and_numbers_as_numbers(
    client_for, agency_head_a, agency_a, unit_a, measured_a, agency_kpi_a
):
    response = client_for(agency_head_a).get(
        reverse("kpis:agency-export", args=[agency_a.slug, "xlsx"]), {"from": "2025", "to": "2025"}
    )
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0].startswith(agency_a.name)
    body = rows[2:]
    assert {r[2] for r in body} == {"IKM unit layanan", "Penerima bantuan tersalurkan"}
    assert len([r for r in body if r[2] == "IKM unit layanan"]) == 4  # quarters of 2025
    january = next(r for r in body if r[9] == "2025-01")
    assert january[13] == 90 and isinstance(january[13], float | int) and january[14] == 100


def test_an_unknown_format_is_not_found(client_for, unit_a, officer_a):
    url = reverse("kpis:unit-export", args=[unit_a.slug, "pdf"])
    assert client_for(officer_a).get(url).status_code == 404


@pytest.mark.parametrize(
    ("raw_from", "raw_to", "years"),
    [
        (None, None, (2023, 2025)),
        ("2020", "2021", (2020, 2021)),
        ("2025", "2020", (2020, 2020)),
        ("1990", "2090", (2081, 2090)),
        ("x", "y", (2023, 2025)),
    ],
)
def test_the_years_of_a_download_are_bounded(raw_from, raw_to, years):
    assert exporters.years_wanted(raw_from, raw_to, today=date(2025, 6, 1)) == years
