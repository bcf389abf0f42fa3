"""Unit KPIs through the API: the same figures as the dashboard (token), a custom KPI's value
recorded with the write scope through the web form's rules; another unit's KPIs are not found."""

from decimal import Decimal

import pytest
import time_machine

from pantau.kpis.models import Measurement
from pantau.kpis.tests.factories import (
    make_indicator,
    make_measurement,
    make_target,
    pdf_upload,
    published_skm,
)

pytestmark = pytest.mark.django_db

MARCH_2025 = time_machine.travel("2025-03-20 10:00 +07:00", tick=False)
BASE = "/api/v1/units/unit-a/kpis/"


@pytest.fixture
def custom_a(unit_a, unit_head_a):
    """Unit A's monthly "Penerima bantuan tersalurkan", target 100 a month in 2025."""
    indicator = make_indicator(unit_head_a, unit=unit_a, frequency="month")
    make_target(unit_head_a, indicator, "2025-01", "2025-12", 100)
    return indicator


@pytest.fixture
def measured_a(custom_a, unit_a, officer_a):
    make_measurement(officer_a, custom_a, unit_a, "2025-01", 90)
    return make_measurement(officer_a, custom_a, unit_a, "2025-02", 120, evidence=pdf_upload())


@pytest.fixture
def agency_kpi_a(agency_a, agency_head_a):
    indicator = make_indicator(
        agency_head_a,
        agency=agency_a,
        name="IKM unit layanan",
        metric="skm.ikm",
        unit_of_measure="",
    )
    make_target(agency_head_a, indicator, "2025-Q1", "2025-Q4", 80)
    return indicator


@MARCH_2025
@pytest.mark.covers("GET /api/v1/units/{slug}/kpis/")
def test_the_units_kpis_with_their_latest_value_against_the_target(
    token_for, officer_a, unit_a, unit_head_a, measured_a, agency_kpi_a
):
    published_skm(unit_a, unit_head_a, year=2025, number=1, scores=[(4,) * 9, (3,) * 9])
    body = token_for(officer_a).get(BASE).json()
    assert body["unit"] == "unit-a"
    by_name = {kpi["name"]: kpi for kpi in body["results"]}
    ikm = by_name["IKM unit layanan"]
    assert (ikm["agency"], ikm["unit"], ikm["metric"]) == ("dinsos-a", None, "skm.ikm")
    assert ikm["latest"]["period"] == "2025-Q1"
    assert (ikm["latest"]["value"], ikm["latest"]["target"], ikm["latest"]["met"]) == (
        87.5,
        80.0,
        True,
    )
    custom = by_name["Penerima bantuan tersalurkan"]
    assert (custom["metric"], custom["frequency"], custom["direction"]) == (
        "custom",
        "month",
        "higher",
    )
    assert custom["latest"] == {
        "period": "2025-02",
        "label": custom["latest"]["label"],
        "starts_on": "2025-02-01",
        "ends_on": "2025-02-28",
        "value": 120.0,
        "target": 100.0,
        "met": True,
        "achievement": 120.0,
    }


@MARCH_2025
@pytest.mark.covers("GET /api/v1/units/{slug}/kpis/{id}/")
def test_one_kpi_with_its_targets_and_every_period(token_for, officer_a, custom_a, measured_a):
    body = token_for(officer_a).get(f"{BASE}{custom_a.pk}/", {"periods": "3"}).json()
    assert [t["starts_on"] for t in body["targets"]] == ["2025-01-01"]
    assert [p["period"] for p in body["points"]] == ["2025-01", "2025-02", "2025-03"]
    january, february, march = body["points"]
    assert (january["value"], january["met"], january["achievement"]) == (90.0, False, 90.0)
    assert february["evidence_note"] == "Rekap bulanan" and february["evidence_file"] is True
    assert (march["value"], march["target"], march["evidence_note"]) == (None, 100.0, None)


@MARCH_2025
@pytest.mark.parametrize("periods", ["1", "25", "x", "2.5", "-3"])
def test_a_number_of_periods_out_of_bounds_answers_400_naming_it(
    token_for, officer_a, custom_a, periods
):
    response = token_for(officer_a).get(BASE, {"periods": periods})
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "periods"


def test_an_unknown_parameter_answers_400(token_for, officer_a, custom_a):
    response = token_for(officer_a).get(f"{BASE}{custom_a.pk}/", {"year": "2025"})
    assert response.status_code == 400
    assert response.json()["errors"][0]["code"] == "unknown_parameter"


@MARCH_2025
@pytest.mark.covers("POST /api/v1/units/{slug}/kpis/{id}/measurements/")
def test_an_officer_records_and_corrects_a_value(token_for, officer_a, custom_a):
    client = token_for(officer_a, write=True)
    url = f"{BASE}{custom_a.pk}/measurements/"
    body = {"period": "2025-03", "value": 75, "evidence_note": "Rekap penyaluran Maret"}
    created = client.post(url, body, format="json")
    assert created.status_code == 201, created.json()
    assert created.json()["value"] == 75.0 and created.json()["evidence_file"] is False
    corrected = client.post(url, {**body, "value": 76.5}, format="json")
    assert corrected.status_code == 200
    measurement = Measurement.objects.get()
    assert measurement.value == Decimal("76.50") and measurement.history.count() == 2


@MARCH_2025
def test_the_write_follows_the_web_forms_rules(token_for, officer_a, unit_a, unit_head_a, custom_a):
    client = token_for(officer_a, write=True)
    url = f"{BASE}{custom_a.pk}/measurements/"
    future = client.post(
        url, {"period": "2025-06", "value": 1, "evidence_note": "x"}, format="json"
    )
    assert future.status_code == 400 and future.json()["errors"][0]["field"] == "period"
    quarter = client.post(
        url, {"period": "2025-Q1", "value": 1, "evidence_note": "x"}, format="json"
    )
    assert quarter.status_code == 400
    blank = client.post(url, {"period": "2025-03", "value": 1, "evidence_note": ""}, format="json")
    assert blank.status_code == 400 and blank.json()["errors"][0]["field"] == "evidence_note"
    ikm = make_indicator(unit_head_a, unit=unit_a, name="IKM", metric="skm.ikm", unit_of_measure="")
    built_in = client.post(
        f"{BASE}{ikm.pk}/measurements/",
        {"period": "2025-Q1", "value": 80, "evidence_note": "x"},
        format="json",
    )
    assert built_in.status_code == 400
    assert not Measurement.objects.exists()


@MARCH_2025
def test_a_read_token_or_a_unit_head_of_elsewhere_records_nothing(
    token_for, officer_a, unit_head_b, custom_a
):
    url = f"{BASE}{custom_a.pk}/measurements/"
    body = {"period": "2025-03", "value": 1, "evidence_note": "x"}
    assert token_for(officer_a).post(url, body, format="json").status_code == 403
    assert token_for(unit_head_b, write=True).post(url, body, format="json").status_code == 404
    assert not Measurement.objects.exists()


def test_another_units_kpis_are_not_found(token_for, officer_b, unit_b, unit_head_b, custom_a):
    client = token_for(officer_b)
    assert client.get(BASE).status_code == 404
    assert client.get(f"{BASE}{custom_a.pk}/").status_code == 404
    kpi_b = make_indicator(unit_head_b, unit=unit_b, name="KPI B")
    assert client.get(f"/api/v1/units/unit-b/kpis/{kpi_b.pk}/").status_code == 200
    assert client.get(f"{BASE}{kpi_b.pk}/").status_code == 404
    assert client.get(f"/api/v1/units/unit-b/kpis/{custom_a.pk}/").status_code == 404


def test_a_token_limited_to_another_unit_does_not_reach_this_one(
    token_for, unit_head_a, unit_a, unit_b, custom_a
):
    from pantau.accounts.models import Role, User
    from pantau.accounts.tests.factories import MembershipFactory

    MembershipFactory(user=unit_head_a, role=Role.UNIT_HEAD, unit=unit_b)
    head = User.objects.get(pk=unit_head_a.pk)  # of both units now
    assert token_for(head, units=[unit_b]).get(BASE).status_code == 404
    assert token_for(head, units=[unit_a]).get(BASE).status_code == 200
